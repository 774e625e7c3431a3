#include "neardup/io/inputs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <system_error>
#include <utility>

#include "absl/strings/str_format.h"
#include "neardup/io/atomic_file.h"
#include "neardup/io/temp_files.h"
#include "neardup/base/status_macros.h"
#include "neardup/base/utf8.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

// Enough of a file to see its magic bytes, a tar header, and whether a text opens with '{'.
constexpr size_t kMagicBytes = 512;
// Enough decompressed text to tell text from binary.
constexpr size_t kSniffBytes = size_t{64} << 10;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "a.jsonl.gz" -> "a.jsonl": compression is found from the bytes; the name says the format.
std::string_view WithoutCompressionSuffix(std::string_view name) {
  const std::string_view suffix = CompressionSuffix(CompressionFromName(name));
  return name.substr(0, name.size() - suffix.size());
}

// The format a name stands for. ".json" counts only for a file named on the command line: in a
// directory, .json files are as often reports or settings as they are JSONL.
std::optional<InputFormat> FormatFromName(std::string_view name, bool named) {
  const std::string_view base = WithoutCompressionSuffix(name);
  if (EndsWith(base, ".txt")) return InputFormat::kText;
  if (EndsWith(base, ".jsonl") || EndsWith(base, ".ndjson")) return InputFormat::kJsonl;
  if (named && EndsWith(base, ".json")) return InputFormat::kJsonl;
  return std::nullopt;
}

absl::Status BinaryError(const std::string& display, std::string_view format) {
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s: %s data; neardup reads text and JSONL files, plain or compressed (gzip, zstd, xz, bzip2, lz4)", display,
      format));
}

// JSONL when the text opens with '{' (after a UTF-8 byte-order mark and blanks), text when it
// has no NUL byte, else a binary format neardup does not read.
absl::StatusOr<InputFormat> FormatFromContent(std::string_view head, const std::string& display) {
  if (const std::string_view format = BinaryFormatName(head); !format.empty()) return BinaryError(display, format);
  std::string_view rest = head;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  const size_t first = rest.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && rest[first] == '{') return InputFormat::kJsonl;
  if (head.find('\0') != std::string_view::npos) return BinaryError(display, "binary");
  return InputFormat::kText;
}

// Fills in the compression and format of `file` (whose path, display and relative are set) from
// its first bytes and its name. Opening it also tells that it is readable: permission bits say
// nothing when running as root, and ACLs may say more than the bits.
absl::Status Examine(InputFile& file, std::string_view name, bool named) {
  NEARDUP_ASSIGN_OR_RETURN(const std::string raw, ReadHead(file.path, file.display, Compression::kNone, kMagicBytes));
  // An empty file has no magic; its name decides, so that `clean` mirrors an empty .gz as gzip.
  file.compression = raw.empty() ? CompressionFromName(name) : CompressionFromMagic(raw);
  if (file.compression == Compression::kNone) {
    if (const std::string_view format = BinaryFormatName(raw); !format.empty()) return BinaryError(file.display, format);
  }
  if (const std::optional<InputFormat> format = FormatFromName(name, named)) {
    file.format = *format;
    return absl::OkStatus();
  }
  NEARDUP_ASSIGN_OR_RETURN(const std::string head, ReadHead(file.path, file.display, file.compression, kSniffBytes));
  NEARDUP_ASSIGN_OR_RETURN(file.format, FormatFromContent(head, file.display));
  return absl::OkStatus();
}

// "in/" and "in" name the same directory; without the trailing separator, relative paths and
// display names come out the same for both.
fs::path WithoutTrailingSeparator(const std::string& arg) {
  fs::path path(arg);
  while (!path.has_filename() && path.has_relative_path()) path = path.parent_path();
  return path;
}

// Why a directory entry that is not a readable regular file was passed over, or nullopt when it
// needs no word (a directory, a file with another name).
std::optional<std::string> SkipNote(const fs::directory_entry& entry) {
  std::error_code ec;
  const std::string path = entry.path().string();
  if (entry.is_symlink(ec)) {
    const fs::file_status target = fs::status(entry.path(), ec);
    if (ec == std::errc::too_many_symbolic_link_levels) {
      return absl::StrFormat("%s: symbolic link loop, skipped", path);
    }
    if (ec || !fs::exists(target)) return absl::StrFormat("%s: dangling symbolic link, skipped", path);
    if (fs::is_directory(target)) return absl::StrFormat("%s: symbolic link to a directory, not followed", path);
    return std::nullopt;
  }
  const fs::file_status status = entry.status(ec);
  if (!ec && !fs::is_directory(status) && !fs::is_regular_file(status) &&
      FormatFromName(entry.path().filename().string(), false)) {
    return absl::StrFormat("%s: not a regular file, skipped", path);
  }
  return std::nullopt;
}

absl::StatusOr<std::vector<InputFile>> WalkDirectory(const std::string& arg, std::vector<std::string>& notes) {
  const fs::path base = WithoutTrailingSeparator(arg);
  const size_t notes_before = notes.size();  // this walk's notes are sorted, like its files
  std::vector<InputFile> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_error;
    const bool regular = it->is_regular_file(type_error);  // follows symlinks to files
    if (!regular || type_error) {
      if (std::optional<std::string> note = SkipNote(*it)) notes.push_back(std::move(*note));
      continue;
    }
    if (!FormatFromName(it->path().filename().string(), false)) continue;
    InputFile file;
    file.path = it->path().string();
    file.display = file.path;
    file.relative = it->path().lexically_relative(base).generic_string();
    files.push_back(std::move(file));
  }
  if (ec) {
    return absl::ErrnoToStatus(ec.value(), absl::StrFormat("%s: cannot list", arg));
  }
  std::sort(notes.begin() + static_cast<std::ptrdiff_t>(notes_before), notes.end());
  if (files.empty()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: no .txt, .jsonl or .ndjson files found (.json files are read only when named)", arg));
  }
  // std::string compares as unsigned bytes, so the order is the same in every locale.
  std::sort(files.begin(), files.end(),
            [](const InputFile& a, const InputFile& b) { return a.relative < b.relative; });
  for (InputFile& file : files) {
    NEARDUP_RETURN_IF_ERROR(Examine(file, fs::path(file.path).filename().string(), false));
  }
  return files;
}

absl::StatusOr<InputFile> SingleFile(const std::string& arg) {
  InputFile file;
  file.path = arg;
  file.display = arg;
  file.relative = fs::path(arg).filename().string();
  NEARDUP_RETURN_IF_ERROR(Examine(file, file.relative, true));
  return file;
}

absl::Status CopyStream(int from, int to, const std::string& display, const std::string& spool) {
  std::string buffer(1 << 16, '\0');
  while (true) {
    const ssize_t n = ::read(from, buffer.data(), buffer.size());
    if (n == 0) return absl::OkStatus();
    if (n < 0) {
      if (errno == EINTR) continue;
      return absl::ErrnoToStatus(errno, absl::StrFormat("%s: read failed", display));
    }
    for (ssize_t done = 0; done < n;) {
      const ssize_t w = ::write(to, buffer.data() + done, static_cast<size_t>(n - done));
      if (w > 0) {
        done += w;
      } else if (errno != EINTR) {
        return absl::ErrnoToStatus(errno, absl::StrFormat("%s: cannot copy %s there", spool, display));
      }
    }
  }
}

// A stream (stdin, a FIFO, a process substitution) can be read only once, and a run reads its
// inputs more than once: it is copied to a temporary file first.
class Spool {
 public:
  // Copies `from` (an open descriptor) into a new file in `temp_dir`. The file is unlinked at
  // once and read through /proc/self/fd, so nothing is left behind however the process ends;
  // without /proc it keeps its name, remembered for the signal handler.
  static absl::StatusOr<Spool> Make(int from, const std::string& display, const std::string& temp_dir) {
    std::error_code ec;
    const fs::path dir = temp_dir.empty() ? fs::temp_directory_path(ec) : fs::path(temp_dir);
    if (ec) return absl::InternalError(absl::StrFormat("no temporary directory: %s", ec.message()));
    std::string name = (dir / "neardup-stdin-XXXXXX").string();
    Spool spool;
    spool.fd = CreateTemporaryFile(name, spool.ticket);
    if (spool.fd < 0) return absl::ErrnoToStatus(errno, absl::StrFormat("%s: cannot create", name));
    const std::string proc = absl::StrFormat("/proc/self/fd/%d", spool.fd);
    const int probe = ::open(proc.c_str(), O_RDONLY | O_CLOEXEC);
    if (probe >= 0) {
      ::close(probe);
      ::unlink(name.c_str());
      ForgetTemporaryFile(spool.ticket);
      spool.ticket = -1;
      spool.path = proc;
    } else {
      spool.path = name;
      spool.named = true;
    }
    absl::Status status = CopyStream(from, spool.fd, display, name);
    if (!status.ok()) {
      spool.Release();
      return status;
    }
    return spool;
  }

  void Release() {
    if (named) ::unlink(path.c_str());
    ForgetTemporaryFile(ticket);
    if (fd >= 0) ::close(fd);
    fd = -1;
  }

  int fd = -1;
  std::string path;
  bool named = false;
  int ticket = -1;
};

absl::Status CheckDistinctOutputs(const std::vector<InputFile>& files) {
  std::map<std::string_view, const InputFile*> by_relative;
  for (const InputFile& file : files) {
    const auto [it, inserted] = by_relative.emplace(file.relative, &file);
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s and %s would both be written to OUTDIR/%s; give them in separate runs or rename one",
          it->second->display, file.display, file.relative));
    }
  }
  return absl::OkStatus();
}

// The type of `arg` (symlinks followed), or NotFound naming it.
absl::StatusOr<fs::file_status> StatusOf(const std::string& arg) {
  std::error_code ec;
  const fs::file_status status = fs::status(arg, ec);
  if (fs::exists(status)) return status;
  if (ec == std::errc::too_many_symbolic_link_levels) {
    return absl::InvalidArgumentError(absl::StrFormat("%s: symbolic link loop", arg));
  }
  // A path below an unreadable directory is not "missing"; say what stopped us.
  const bool missing =
      !ec || ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory;
  if (missing) return absl::NotFoundError(absl::StrFormat("%s: no such file or directory", arg));
  return absl::ErrnoToStatus(ec.value(), absl::StrFormat("%s", arg));
}

// "/dev/fd/63" -> "fd-63", "/dev/stdin" -> "stdin", "data.jsonl" (a FIFO) -> "data.jsonl".
std::string StreamName(const std::string& arg) {
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (arg.size() > prefix.size() && arg.compare(0, prefix.size(), prefix) == 0) {
      return "fd-" + arg.substr(prefix.size());
    }
  }
  return fs::path(arg).filename().string();
}

// The output name of a stream whose name does not say its format: "stdin" + ".jsonl" + ".gz".
std::string NameWithFormat(std::string name, const InputFile& file) {
  if (FormatFromName(name, true)) return name;
  name += file.format == InputFormat::kJsonl ? ".jsonl" : ".txt";
  name += CompressionSuffix(file.compression);
  return name;
}

// True when `inner` is `outer` or lies below it; both canonical.
bool IsWithin(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (const fs::path& part : outer) {
    if (part.empty()) continue;  // a trailing separator
    while (i != inner.end() && i->empty()) ++i;
    if (i == inner.end() || *i != part) return false;
    ++i;
  }
  return true;
}

bool IsStdin(const std::string& arg) { return arg == "-" || arg == "/dev/stdin" || arg == "/proc/self/fd/0" || arg == "/dev/fd/0"; }

}  // namespace

InputSet::~InputSet() {
  for (const int fd : spool_fds_) ::close(fd);
  for (const std::string& path : spool_paths_) ::unlink(path.c_str());
  for (const int ticket : spool_tickets_) ForgetTemporaryFile(ticket);
}

InputSet::InputSet(InputSet&& other) noexcept
    : files_(std::move(other.files_)),
      roots_(std::move(other.roots_)),
      notes_(std::move(other.notes_)),
      spool_fds_(std::exchange(other.spool_fds_, {})),
      spool_paths_(std::exchange(other.spool_paths_, {})),
      spool_tickets_(std::exchange(other.spool_tickets_, {})) {}

absl::StatusOr<InputSet> ResolveInputs(std::span<const std::string> args, const ResolveOptions& options) {
  InputSet set;  // owns each spooled stream from the moment it exists, so errors clean it up
  bool stdin_seen = false;
  for (const std::string& arg : args) {
    std::error_code ec;
    const bool stream = IsStdin(arg) || (!fs::is_directory(arg, ec) && fs::exists(arg, ec) && !fs::is_regular_file(arg, ec));
    if (stream) {
      if (IsStdin(arg) && std::exchange(stdin_seen, true)) {
        return absl::InvalidArgumentError(absl::StrFormat("%s: stdin given more than once", arg));
      }
      const std::string display = arg == "-" ? "<stdin>" : arg;
      int from = STDIN_FILENO;
      if (!IsStdin(arg)) {
        from = ::open(arg.c_str(), O_RDONLY | O_CLOEXEC);
        if (from < 0) return absl::ErrnoToStatus(errno, absl::StrFormat("%s: cannot read", arg));
      }
      absl::StatusOr<Spool> spool = Spool::Make(from, display, options.temp_dir);
      if (from != STDIN_FILENO) ::close(from);
      if (!spool.ok()) return spool.status();
      set.spool_fds_.push_back(spool->fd);
      if (spool->named) set.spool_paths_.push_back(spool->path);
      set.spool_tickets_.push_back(spool->ticket);
      InputFile file;
      file.path = spool->path;
      file.display = display;
      const std::string name = IsStdin(arg) ? std::string("stdin") : StreamName(arg);
      // "-" is JSONL by contract; other streams are read by content, as a named file is.
      NEARDUP_RETURN_IF_ERROR(Examine(file, arg == "-" ? "stdin.jsonl" : name, true));
      file.relative = NameWithFormat(name, file);
      set.files_.push_back(std::move(file));
      continue;
    }
    NEARDUP_ASSIGN_OR_RETURN(const fs::file_status status, StatusOf(arg));
    if (fs::is_directory(status)) {
      NEARDUP_ASSIGN_OR_RETURN(std::vector<InputFile> files, WalkDirectory(arg, set.notes_));
      for (InputFile& file : files) set.files_.push_back(std::move(file));
    } else {
      NEARDUP_ASSIGN_OR_RETURN(InputFile file, SingleFile(arg));
      set.files_.push_back(std::move(file));
    }
    const fs::path root = fs::weakly_canonical(arg, ec);
    if (ec) {
      return absl::InternalError(absl::StrFormat("%s: cannot resolve: %s", arg, ec.message()));
    }
    set.roots_.push_back(root.string());
  }
  NEARDUP_RETURN_IF_ERROR(CheckDistinctOutputs(set.files_));
  return set;
}

std::string TextDocumentId(std::string_view relative) {
  std::string id;
  id.reserve(relative.size());
  size_t i = 0;
  while (i < relative.size()) {
    const size_t length = ValidUtf8Length(relative, i);
    if (length == 0) {
      absl::StrAppendFormat(&id, "\\x%02X", static_cast<unsigned char>(relative[i]));
      ++i;
      continue;
    }
    if (relative[i] == '\\') id += '\\';
    id.append(relative.substr(i, length));
    i += length;
  }
  return id;
}

absl::Status CheckOutputDir(const InputSet& inputs, const std::string& outdir) {
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(outdir, ec);
  if (ec) {
    return absl::InvalidArgumentError(absl::StrFormat("OUTDIR '%s': %s", outdir, ec.message()));
  }
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("OUTDIR '%s' exists and is not a directory", outdir));
  }
  for (const std::string& root : inputs.roots()) {
    if (fs::is_directory(root, ec) && IsWithin(out, root)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "OUTDIR '%s' is inside input '%s'; choose a directory outside the inputs", outdir, root));
    }
  }
  for (const InputFile& file : inputs.files()) {
    const fs::path target = fs::weakly_canonical(fs::path(outdir) / file.relative, ec);
    if (ec) continue;
    const fs::path source = fs::weakly_canonical(file.path, ec);
    if (!ec && target == source) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "OUTDIR '%s' would overwrite input '%s'; choose a directory outside the inputs", outdir,
          file.display));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckNotAnInput(const InputSet& inputs, const std::string& output, std::string_view what) {
  const absl::StatusOr<OutputTarget> target = ResolveOutput(output);
  if (!target.ok() || target->kind != OutputTarget::kReplace) return absl::OkStatus();
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(target->path, ec);
  if (ec) return absl::OkStatus();
  for (const InputFile& file : inputs.files()) {
    const fs::path source = fs::weakly_canonical(file.path, ec);
    if (!ec && source == out) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s %s would overwrite the input %s; write it somewhere else", what, output, file.display));
    }
  }
  return absl::OkStatus();
}

}  // namespace neardup
