#include "neardup/store/index.h"

#include <fcntl.h>
#include <lmdb.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_format.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMarker = "neardup-index";
constexpr const char* kMarkerTemp = "neardup-index.tmp";
constexpr const char* kWriterLock = "writer.lock";
constexpr const char* kMagic = "neardup index";
// The files an index may hold: the marker, LMDB's two, the writer's lock, and the marker's
// temporary name while it is being created.
constexpr const char* kOwnFiles[] = {kMarker, kMarkerTemp, "data.mdb", "lock.mdb", kWriterLock};

std::string MarkerText() { return absl::StrFormat("%s\nformat %d\n", kMagic, kIndexFormat); }

// Virtual address space reserved for the map: the file grows only as pages are written.
constexpr size_t kMapBytes = size_t{1} << 38;

absl::Status LmdbError(const std::string& dir, const std::string& what, int rc) {
  return absl::InternalError(absl::StrFormat("index %s: %s: %s", dir, what, mdb_strerror(rc)));
}

absl::Status NotAnIndex(const std::string& dir, const std::string& why) {
  return absl::InvalidArgumentError(
      absl::StrFormat("%s is not a neardup index (%s); refusing to use it, nothing was written", dir, why));
}

// Opens the database read-only without LMDB's lock file, so that a damaged one is refused before
// anything (a lock file, a writer's lock) is created next to it.
absl::Status ProbeDatabase(const std::string& dir) {
  MDB_env* env = nullptr;
  if (int rc = mdb_env_create(&env); rc != 0) return LmdbError(dir, "create", rc);
  mdb_env_set_maxdbs(env, 4);
  const int rc = mdb_env_open(env, dir.c_str(), MDB_RDONLY | MDB_NOLOCK | MDB_NOTLS, 0644);
  mdb_env_close(env);
  if (rc != 0) return NotAnIndex(dir, absl::StrFormat("its database does not open: %s", mdb_strerror(rc)));
  return absl::OkStatus();
}

enum class DirState { kMissing, kNew, kIndex };

// What `dir` is, reading only. A directory holding nothing but an index's own files, without a
// marker or a database, is a new index (a creation that stopped before its marker).
absl::StatusOr<DirState> Inspect(const std::string& dir) {
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (!fs::exists(status)) return DirState::kMissing;
  if (!fs::is_directory(status)) return NotAnIndex(dir, "not a directory");
  bool marker = false;
  bool data = false;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (std::find_if(std::begin(kOwnFiles), std::end(kOwnFiles), [&](const char* own) { return name == own; }) ==
        std::end(kOwnFiles)) {
      return NotAnIndex(dir, absl::StrFormat("it holds '%s', which no index holds", name));
    }
    marker = marker || name == kMarker;
    data = data || name == "data.mdb";
  }
  if (ec) return absl::InvalidArgumentError(absl::StrFormat("%s: cannot list: %s", dir, ec.message()));
  if (!marker) {
    if (data) return NotAnIndex(dir, "data.mdb without a neardup-index marker");
    return DirState::kNew;
  }
  std::ifstream in(fs::path(dir) / kMarker, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string marker_text = text.str();
  if (marker_text == MarkerText()) {
    if (data) NEARDUP_RETURN_IF_ERROR(ProbeDatabase(dir));
    return DirState::kIndex;
  }
  const std::string prefix = std::string(kMagic) + "\nformat ";
  if (marker_text.rfind(prefix, 0) == 0) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: index format %s; this neardup reads format %d only", dir,
        marker_text.substr(prefix.size(), marker_text.find('\n', prefix.size()) - prefix.size()), kIndexFormat));
  }
  return NotAnIndex(dir, "its neardup-index file is not an index marker");
}

absl::Status WriteMarker(const std::string& dir) {
  const std::string temp = (fs::path(dir) / kMarkerTemp).string();
  const std::string text = MarkerText();
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return absl::InternalError(absl::StrFormat("%s: %s", temp, std::strerror(errno)));
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written || ::rename(temp.c_str(), (fs::path(dir) / kMarker).c_str()) != 0) {
    return absl::InternalError(absl::StrFormat("%s: cannot write the index marker: %s", dir, std::strerror(errno)));
  }
  return absl::OkStatus();
}

}  // namespace

struct Index::Env {
  MDB_env* env = nullptr;
  MDB_txn* txn = nullptr;  // the writer's write transaction, or a reader's snapshot
  MDB_dbi meta = 0, bands = 0, docs = 0, sources = 0;
  bool tables = false;     // the tables exist (not before an index's first write)
  bool writing = false;    // txn is a write transaction not yet committed
  int lock_fd = -1;

  ~Env() {
    if (txn != nullptr) mdb_txn_abort(txn);
    if (env != nullptr) mdb_env_close(env);
    if (lock_fd >= 0) ::close(lock_fd);  // releases the flock
  }
};

Index::Index(std::string dir, std::unique_ptr<Env> env) : dir_(std::move(dir)), env_(std::move(env)) {}
Index::~Index() = default;

absl::StatusOr<std::unique_ptr<Index>> Index::Open(const std::string& dir, const OpenOptions& options) {
  const bool write = options.mode == Mode::kWrite;
  NEARDUP_ASSIGN_OR_RETURN(DirState state, Inspect(dir));
  if (state == DirState::kMissing) {
    if (!write) return absl::NotFoundError(absl::StrFormat("%s: no index there", dir));
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return absl::InvalidArgumentError(absl::StrFormat("%s: cannot create the index: %s", dir, ec.message()));
  }
  auto env = std::make_unique<Env>();
  if (write) {
    const std::string lock = (fs::path(dir) / kWriterLock).string();
    env->lock_fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (env->lock_fd < 0) return absl::InvalidArgumentError(absl::StrFormat("%s: %s", lock, std::strerror(errno)));
    if (::flock(env->lock_fd, LOCK_EX | (options.wait ? 0 : LOCK_NB)) != 0) {
      if (errno == EWOULDBLOCK) {
        return absl::FailedPreconditionError(absl::StrFormat(
            "index %s is being written by another neardup (it holds %s); run again when that one is done, "
            "or pass --wait",
            dir, lock));
      }
      return absl::InternalError(absl::StrFormat("%s: %s", lock, std::strerror(errno)));
    }
    // Another writer may have created the index while this one waited.
    NEARDUP_ASSIGN_OR_RETURN(state, Inspect(dir));
    if (state != DirState::kIndex) NEARDUP_RETURN_IF_ERROR(WriteMarker(dir));
  } else if (!fs::exists(fs::path(dir) / "data.mdb")) {
    return std::unique_ptr<Index>(new Index(dir, std::move(env)));  // created, nothing committed yet
  }
  if (int rc = mdb_env_create(&env->env); rc != 0) return LmdbError(dir, "create", rc);
  mdb_env_set_maxdbs(env->env, 4);
  mdb_env_set_mapsize(env->env, kMapBytes);
  if (int rc = mdb_env_open(env->env, dir.c_str(), MDB_NOTLS | (write ? 0 : MDB_RDONLY), 0644); rc != 0) {
    return NotAnIndex(dir, absl::StrFormat("its database does not open: %s", mdb_strerror(rc)));
  }
  if (int rc = mdb_txn_begin(env->env, nullptr, write ? 0 : MDB_RDONLY, &env->txn); rc != 0) {
    return LmdbError(dir, "begin", rc);
  }
  env->writing = write;
  std::unique_ptr<Index> index(new Index(dir, std::move(env)));
  NEARDUP_RETURN_IF_ERROR(index->Load());
  return index;
}

absl::Status Index::Load() {
  Env& e = *env_;
  const unsigned create = e.writing ? MDB_CREATE : 0;
  const std::pair<const char*, std::pair<MDB_dbi*, unsigned>> tables[] = {
      {"meta", {&e.meta, 0}},
      {"bands", {&e.bands, MDB_INTEGERKEY | MDB_DUPSORT | MDB_DUPFIXED | MDB_INTEGERDUP}},
      {"docs", {&e.docs, MDB_INTEGERKEY}},
      {"sources", {&e.sources, 0}}};
  for (const auto& [name, table] : tables) {
    const int rc = mdb_dbi_open(e.txn, name, table.second | create, table.first);
    if (rc == MDB_NOTFOUND && !e.writing) return absl::OkStatus();  // nothing committed yet
    if (rc != 0) return NotAnIndex(dir_, absl::StrFormat("table %s: %s", name, mdb_strerror(rc)));
  }
  e.tables = true;
  const auto get = [&](const char* key, std::string& out) -> bool {
    MDB_val k{std::strlen(key), const_cast<char*>(key)};
    MDB_val v;
    if (mdb_get(e.txn, e.meta, &k, &v) != 0) return false;
    out.assign(static_cast<const char*>(v.mv_data), v.mv_size);
    return true;
  };
  std::string magic, params, documents;
  if (!get("magic", magic)) {
    MDB_stat stat;
    mdb_stat(e.txn, e.docs, &stat);
    if (stat.ms_entries != 0) return NotAnIndex(dir_, "documents without a meta record");
    return absl::OkStatus();
  }
  if (magic != MarkerText()) return NotAnIndex(dir_, "its meta record names another format");
  if (!get("params", params) || !get("documents", documents)) return NotAnIndex(dir_, "its meta record is incomplete");
  IndexParams decoded;
  if (!DecodeParams(params, decoded).ok() || documents.size() != 8) return NotAnIndex(dir_, "its meta record is damaged");
  params_ = std::move(decoded);
  std::memcpy(&documents_, documents.data(), 8);
  return absl::OkStatus();
}

absl::Status Index::CheckParams(const IndexParams& run) const {
  if (!params_.has_value()) return absl::OkStatus();
  const IndexParams& built = *params_;
  const auto value = [](const IndexParams& p, const std::string& name) {
    for (const auto& [n, v] : p) {
      if (n == name) return v;
    }
    return std::string("(none)");
  };
  IndexParams names = built;
  names.insert(names.end(), run.begin(), run.end());
  for (const auto& [name, unused] : names) {
    const std::string was = value(built, name);
    const std::string now = value(run, name);
    if (was != now) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "index %s was built with %s %s, this run has %s %s; use the index's parameters or another index", dir_,
          name, was, name, now));
    }
  }
  return absl::OkStatus();
}

absl::Status Index::Lookup(uint64_t key, std::vector<uint32_t>& out) const {
  const Env& e = *env_;
  if (!e.tables) return absl::OkStatus();
  MDB_cursor* cursor = nullptr;
  if (int rc = mdb_cursor_open(e.txn, e.bands, &cursor); rc != 0) return LmdbError(dir_, "cursor", rc);
  MDB_val k{sizeof key, &key};
  MDB_val v;
  int rc = mdb_cursor_get(cursor, &k, &v, MDB_SET_KEY);
  while (rc == 0) {
    uint32_t doc;
    std::memcpy(&doc, v.mv_data, sizeof doc);
    out.push_back(doc);
    rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT_DUP);
  }
  mdb_cursor_close(cursor);
  return rc == MDB_NOTFOUND ? absl::OkStatus() : LmdbError(dir_, "band lookup", rc);
}

absl::Status Index::Get(uint32_t doc, StoredDoc& out) const {
  const Env& e = *env_;
  if (!e.tables) return absl::NotFoundError(absl::StrFormat("index %s: no document %d", dir_, doc));
  MDB_val k{sizeof doc, &doc};
  MDB_val v;
  if (int rc = mdb_get(e.txn, e.docs, &k, &v); rc != 0) return LmdbError(dir_, absl::StrFormat("document %d", doc), rc);
  const absl::Status status = DecodeStoredDoc({static_cast<const char*>(v.mv_data), v.mv_size}, out);
  if (!status.ok()) return absl::DataLossError(absl::StrFormat("index %s: document %d: %s", dir_, doc, status.message()));
  return absl::OkStatus();
}

absl::StatusOr<IndexStats> Index::Stats() const {
  IndexStats stats;
  stats.documents = documents_;
  stats.params = params_;
  if (env_->tables) {
    MDB_stat stat;
    if (int rc = mdb_stat(env_->txn, env_->sources, &stat); rc != 0) return LmdbError(dir_, "stat", rc);
    stats.sources = stat.ms_entries;
  }
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir_, ec)) {
    struct stat st;
    if (::stat(entry.path().c_str(), &st) == 0) stats.disk_bytes += static_cast<uint64_t>(st.st_blocks) * 512;
  }
  return stats;
}

absl::Status Index::Add(const StoredDoc& doc, std::span<const uint64_t> band_keys) {
  Env& e = *env_;
  if (!e.writing) return absl::FailedPreconditionError(absl::StrFormat("index %s: not open for writing", dir_));
  if (documents_ >= UINT32_MAX) return absl::ResourceExhaustedError(absl::StrFormat("index %s is full", dir_));
  uint32_t number = static_cast<uint32_t>(documents_);
  std::string record;
  EncodeStoredDoc(doc, record);
  MDB_val k{sizeof number, &number};
  MDB_val v{record.size(), record.data()};
  if (int rc = mdb_put(e.txn, e.docs, &k, &v, MDB_APPEND); rc != 0) return LmdbError(dir_, "add document", rc);
  for (uint64_t key : band_keys) {
    MDB_val bk{sizeof key, &key};
    MDB_val bv{sizeof number, &number};
    const int rc = mdb_put(e.txn, e.bands, &bk, &bv, MDB_NODUPDATA);
    if (rc != 0 && rc != MDB_KEYEXIST) return LmdbError(dir_, "add band key", rc);
  }
  MDB_val sk{doc.source.size(), const_cast<char*>(doc.source.data())};
  MDB_val sv;
  uint64_t count = 0;
  if (mdb_get(e.txn, e.sources, &sk, &sv) == 0 && sv.mv_size == sizeof count) std::memcpy(&count, sv.mv_data, sizeof count);
  ++count;
  sv = MDB_val{sizeof count, &count};
  // LMDB refuses empty keys: documents without a source count under one byte no source has.
  const char none = '\0';
  if (sk.mv_size == 0) sk = MDB_val{1, const_cast<char*>(&none)};
  if (int rc = mdb_put(e.txn, e.sources, &sk, &sv, 0); rc != 0) return LmdbError(dir_, "add source", rc);
  ++documents_;
  return absl::OkStatus();
}

absl::Status Index::Commit(const IndexParams& params) {
  Env& e = *env_;
  if (!e.writing) return absl::FailedPreconditionError(absl::StrFormat("index %s: not open for writing", dir_));
  NEARDUP_RETURN_IF_ERROR(CheckParams(params));
  const std::string magic = MarkerText();
  const std::string encoded = EncodeParams(params);
  const uint64_t documents = documents_;
  const std::pair<const char*, std::string_view> meta[] = {
      {"magic", magic},
      {"params", encoded},
      {"documents", std::string_view(reinterpret_cast<const char*>(&documents), sizeof documents)}};
  for (const auto& [key, value] : meta) {
    MDB_val k{std::strlen(key), const_cast<char*>(key)};
    MDB_val v{value.size(), const_cast<char*>(value.data())};
    if (int rc = mdb_put(e.txn, e.meta, &k, &v, 0); rc != 0) return LmdbError(dir_, "write meta record", rc);
  }
  const int rc = mdb_txn_commit(e.txn);
  e.txn = nullptr;
  e.writing = false;
  if (rc != 0) return LmdbError(dir_, "commit", rc);
  params_ = params;
  if (int begin = mdb_txn_begin(e.env, nullptr, MDB_RDONLY, &e.txn); begin != 0) {
    e.txn = nullptr;
    return LmdbError(dir_, "begin", begin);
  }
  return absl::OkStatus();
}

}  // namespace neardup
