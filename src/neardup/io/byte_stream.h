// Line-oriented reading and whole-stream writing of plain, gzip and zstd files.
//
// The compression of an input is chosen by its name (".gz", ".zst"); writers use the same
// compression as the input they mirror, so `clean` writes back the format it read.
#ifndef NEARDUP_IO_BYTE_STREAM_H_
#define NEARDUP_IO_BYTE_STREAM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace neardup {

enum class Compression { kNone, kGzip, kZstd };

// kGzip for "*.gz", kZstd for "*.zst", else kNone.
Compression CompressionFromName(std::string_view path);

// Reads a file (decompressing as needed) one line at a time.
class LineReader {
 public:
  // Opens `path`; NotFound / PermissionDenied / etc. name `display` (the name the user gave).
  static absl::StatusOr<std::unique_ptr<LineReader>> Open(const std::string& path,
                                                          const std::string& display,
                                                          Compression compression);
  virtual ~LineReader() = default;

  // Next line without its "\n" (a "\r" before it is kept) into `line`; `terminated` says whether
  // a "\n" followed. Returns false at end of input. Lines may be arbitrarily long.
  // Errors (corrupt gzip/zstd, read failure) name the file and line number.
  virtual absl::StatusOr<bool> Next(std::string& line, bool& terminated) = 0;

  // The same without a copy: `line` views the reader's buffer until the next call.
  virtual absl::StatusOr<bool> NextView(std::string_view& line, bool& terminated) = 0;

  // 1-based number of the line last returned.
  virtual uint64_t line_number() const = 0;
};

// Reads a whole file (decompressing as needed). Errors name `display`.
absl::StatusOr<std::string> ReadWholeFile(const std::string& path, const std::string& display,
                                          Compression compression);

// Accumulates output and compresses it as it goes.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual absl::Status Write(std::string_view bytes) = 0;
  // Flushes compressor state; must be called once before the file is committed.
  virtual absl::Status Finish() = 0;
};

// A sink writing to the open file descriptor `fd` (not owned) with `compression`.
std::unique_ptr<ByteSink> MakeFileSink(int fd, Compression compression, const std::string& display);

}  // namespace neardup

#endif  // NEARDUP_IO_BYTE_STREAM_H_
