// Temporary storage for what the first pass produces in bulk but later stages read once or rarely:
// shingle sets (for verification), passage sketches (for the passage rules) and keyed records (for
// counting and matching across the corpus). Data stays in memory while it is small and moves to an
// unlinked temporary file beyond a memory budget, so resident memory stays bounded however large
// the corpus; the file vanishes with the process, even after a crash.
//
// Writing is single-threaded (the pipeline appends in corpus order). After Seal(), reads are
// const and thread-safe (pread).
#ifndef NEARDUP_SPILL_H_
#define NEARDUP_SPILL_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace neardup {

struct SpillOptions {
  std::string temp_dir;                    // empty: the system's (TMPDIR, else /tmp)
  size_t memory_bytes = size_t{32} << 20;  // kept in memory before going to disk
  size_t chunk_bytes = size_t{4} << 20;    // unit of memory and of writes
};

// A growing byte log addressed by offset. In memory it is a list of fixed chunks, so growing it
// never copies; on disk it is written a chunk at a time.
class SpillFile {
 public:
  explicit SpillFile(SpillOptions options = {});
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;  // owns a file descriptor
  SpillFile& operator=(const SpillFile&) = delete;

  uint64_t size() const { return size_; }

  // Appends `bytes`; they start at the offset size() had before. Errors: the temporary file
  // cannot be created or written (named, with the directory to change).
  absl::Status Append(const void* bytes, size_t n);

  // Makes everything appended readable. Call once writing is done.
  absl::Status Seal();

  // Reads bytes [offset, offset + n) into `out`. Precondition: Seal() was called.
  absl::Status Read(uint64_t offset, void* out, size_t n) const;

  // Reads a sealed log front to back in large pieces: one system call per chunk, not per record.
  // Not thread-safe; any number may read one log at once.
  class Cursor {
   public:
    explicit Cursor(const SpillFile& file) : file_(file) {}
    absl::Status Read(void* out, size_t n);
    // Moves to `offset`; forward moves within the buffer cost nothing.
    void Seek(uint64_t offset);

   private:
    const SpillFile& file_;
    std::string buffer_;
    uint64_t offset_ = 0;  // of the end of buffer_ in the log
    size_t begin_ = 0, end_ = 0;
  };

 private:
  absl::Status Flush();

  SpillOptions options_;
  std::vector<std::unique_ptr<char[]>> chunks_;  // all data while in memory; the write buffer after
  size_t used_ = 0;       // bytes used in the last chunk
  int fd_ = -1;           // -1 while everything is in memory
  uint64_t written_ = 0;  // bytes in the file
  uint64_t size_ = 0;
};

// Fixed-size records routed to partitions by a key, so that each partition can later be loaded
// and sorted on its own: counting and matching by key then needs the memory of one partition,
// not of the whole corpus, and partitions can be processed in parallel (or on other machines).
template <typename Record>
class Partitioned {
  static_assert(std::is_trivially_copyable_v<Record>, "records are stored as bytes");

 public:
  // `partitions` must be a power of two; the top bits of a record's hash pick its partition.
  Partitioned(size_t partitions, SpillOptions options)
      : shift_(64 - Log2(partitions)), parts_(partitions), files_(partitions) {
    budget_ = std::max<size_t>(1, options.memory_bytes / sizeof(Record));
    options.memory_bytes = 0;  // partitions spill together; each file writes through...
    options.chunk_bytes = size_t{64} << 10;  // ... a small buffer, as there are many
    options_ = options;
    // Room for a fair share and then some, reserved (not touched) up front: growing by doubling
    // would copy every record once more and fault in fresh memory each time.
    for (auto& part : parts_) part.reserve(budget_ / partitions + budget_ / partitions / 4 + 16);
  }

  size_t partitions() const { return parts_.size(); }
  uint64_t records() const { return records_; }

  // `hash` must be well mixed (it is usually the record's key, a hash already).
  absl::Status Add(const Record& r, uint64_t hash) {
    parts_[shift_ == 64 ? 0 : hash >> shift_].push_back(r);
    ++records_;
    if (++in_memory_ >= budget_) return SpillAll();
    return absl::OkStatus();
  }

  absl::Status Seal() {
    for (auto& file : files_) {
      if (file) {
        if (absl::Status s = file->Seal(); !s.ok()) return s;
      }
    }
    return absl::OkStatus();
  }

  // Partition p into `out` (replaced), in the order added. Precondition: Seal() was called.
  absl::Status Load(size_t p, std::vector<Record>& out) const {
    out.clear();
    if (files_[p]) {
      out.resize(files_[p]->size() / sizeof(Record));
      if (absl::Status s = files_[p]->Read(0, out.data(), out.size() * sizeof(Record)); !s.ok()) return s;
    }
    out.insert(out.end(), parts_[p].begin(), parts_[p].end());
    return absl::OkStatus();
  }

 private:
  static size_t Log2(size_t n) {
    size_t bits = 0;
    while ((size_t{1} << bits) < n) ++bits;
    return bits;
  }

  absl::Status SpillAll() {
    for (size_t p = 0; p < parts_.size(); ++p) {
      if (parts_[p].empty()) continue;
      if (!files_[p]) files_[p] = std::make_unique<SpillFile>(options_);
      if (absl::Status s = files_[p]->Append(parts_[p].data(), parts_[p].size() * sizeof(Record)); !s.ok()) {
        return s;
      }
      parts_[p].clear();
    }
    in_memory_ = 0;
    return absl::OkStatus();
  }

  size_t shift_;
  std::vector<std::vector<Record>> parts_;
  std::vector<std::unique_ptr<SpillFile>> files_;
  SpillOptions options_;
  size_t budget_ = 0;
  size_t in_memory_ = 0;
  uint64_t records_ = 0;
};

}  // namespace neardup

#endif  // NEARDUP_SPILL_H_
