// A persistent index of documents: a directory holding an LMDB environment (HACKING.md says why
// LMDB) and a marker file naming the format. It maps each document's LSH band keys to its number,
// and its number to its id, source and shingle set, so that later runs can find and verify its
// duplicates without the text and without loading the index into memory.
//
// Contracts:
// - A directory is an index when it holds the marker file `neardup-index` with this format, and
//   nothing but the index's own files. Anything else (other files, another marker, a damaged
//   database or meta record) is refused with a message naming the directory, and nothing in it is
//   written. A missing or empty directory becomes a new index when opened for writing.
// - One writer at a time: a writer holds an exclusive flock on `writer.lock` in the directory for
//   as long as it is open. A second writer fails at once (FailedPrecondition naming the index), or
//   waits for the lock when asked to.
// - A writer's additions are one LMDB write transaction, committed by Commit(): a process killed
//   before Commit() returns leaves the index as it was, and one killed after leaves it with all of
//   them (LMDB's commit is atomic and synced). Readers read one snapshot taken at Open() and never
//   block or wait for the writer.
// - The parameters of the first commit are stored with it; CheckParams() refuses any others.
#ifndef NEARDUP_STORE_INDEX_H_
#define NEARDUP_STORE_INDEX_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/store/index_record.h"

namespace neardup {

// Version of the index's on-disk format (the marker file, the tables and index_record.h).
inline constexpr int kIndexFormat = 1;

struct IndexStats {
  uint64_t documents = 0;
  uint64_t sources = 0;
  uint64_t disk_bytes = 0;               // allocated bytes of the directory's files
  std::optional<IndexParams> params;     // none before the first commit
};

class Index {
 public:
  enum class Mode { kRead, kWrite };
  struct OpenOptions {
    Mode mode = Mode::kRead;
    bool wait = false;  // kWrite: wait for another writer instead of failing
  };

  // Opens the index at `dir` (see the contracts above). kRead: NotFoundError when there is no
  // index there. kWrite: creates the directory and the index when missing.
  static absl::StatusOr<std::unique_ptr<Index>> Open(const std::string& dir, const OpenOptions& options);
  ~Index();
  Index(const Index&) = delete;  // owns the LMDB environment, the transaction and the lock
  Index& operator=(const Index&) = delete;

  const std::string& dir() const { return dir_; }
  // The parameters the index was built with; none before its first commit.
  const std::optional<IndexParams>& params() const { return params_; }
  // InvalidArgumentError naming the first parameter that differs, with both values, when the
  // index has parameters and `run` differs from them.
  absl::Status CheckParams(const IndexParams& run) const;

  // Documents sharing band key `key`, ascending, appended to `out`. Sees this writer's own
  // additions.
  absl::Status Lookup(uint64_t key, std::vector<uint32_t>& out) const;
  absl::Status Get(uint32_t doc, StoredDoc& out) const;
  uint64_t documents() const { return documents_; }
  absl::StatusOr<IndexStats> Stats() const;

  // kWrite only. Adds `doc` under number documents() with its band keys.
  absl::Status Add(const StoredDoc& doc, std::span<const uint64_t> band_keys);
  // kWrite only. Stores `params` (checked by CheckParams) and commits every Add() atomically.
  // The index stays open for reading; a further Add() fails.
  absl::Status Commit(const IndexParams& params);

 private:
  struct Env;
  Index(std::string dir, std::unique_ptr<Env> env);
  absl::Status Load();

  std::string dir_;
  std::unique_ptr<Env> env_;
  std::optional<IndexParams> params_;
  uint64_t documents_ = 0;
};

}  // namespace neardup

#endif  // NEARDUP_STORE_INDEX_H_
