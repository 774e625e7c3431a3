// xz, bzip2 and lz4 streams through libarchive (its "raw" format: one stream, no archive), for
// the compressions neardup does not read with a library of its own. Internal to io/: byte_stream
// wraps these in its line reader and file sinks.
//
// Plain, gzip and zstd do not come here: measured on 300 MB of JSONL, libarchive reads them at
// today's speed but not faster (HACKING.md, "Reading compressed input"), and the readers neardup
// has keep their own error messages and tests.
#ifndef NEARDUP_IO_ARCHIVE_CODEC_H_
#define NEARDUP_IO_ARCHIVE_CODEC_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/io/codec.h"

struct archive;

namespace neardup {

// True for the compressions handled here (kXz, kBzip2, kLz4).
bool IsArchiveCompression(Compression compression);

class ArchiveReader {
 public:
  // Reads the open descriptor `fd` (not owned) as one `compression` stream.
  ArchiveReader(int fd, Compression compression);
  ~ArchiveReader();
  ArchiveReader(const ArchiveReader&) = delete;  // owns the libarchive handle
  ArchiveReader& operator=(const ArchiveReader&) = delete;

  // Fills `out` with up to `size` decompressed bytes; 0 at the end. Errors carry only the reason.
  absl::StatusOr<size_t> Read(char* out, size_t size);

 private:
  absl::Status Start();
  archive* archive_ = nullptr;
  int fd_;
  Compression compression_;
  bool started_ = false;
};

// A sink compressing with `compression` into the open descriptor `fd` (not owned).
std::unique_ptr<ByteSink> MakeArchiveSink(int fd, Compression compression, const std::string& display);

// "libarchive 3.6.2", for --version.
std::string ArchiveVersion();

}  // namespace neardup

#endif  // NEARDUP_IO_ARCHIVE_CODEC_H_
