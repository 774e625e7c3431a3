// Line-oriented reading and whole-stream writing of plain, gzip, zstd, xz, bzip2 and lz4 files.
//
// The compression of an input is found from its first bytes (CompressionFromMagic), never from
// its name alone; writers use the same compression as the input they mirror, so `clean` writes
// back the format it read.
#ifndef NEARDUP_IO_BYTE_STREAM_H_
#define NEARDUP_IO_BYTE_STREAM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/io/codec.h"

namespace neardup {

// kGzip for "*.gz", kZstd for "*.zst", kXz for "*.xz", kBzip2 for "*.bz2", kLz4 for "*.lz4",
// else kNone.
Compression CompressionFromName(std::string_view path);

// The file name suffix of a compression: ".gz", ".zst", ".xz", ".bz2", ".lz4"; "" for kNone.
std::string_view CompressionSuffix(Compression compression);

// By the magic bytes a stream starts with: gzip (1f 8b), zstd (28 b5 2f fd, or a skippable
// frame), xz (fd '7zXZ' 00), bzip2 ('BZh' and a digit), lz4 (04 22 4d 18), else kNone.
Compression CompressionFromMagic(std::string_view head);

// The name of a binary format neardup recognizes but does not read (zip, 7z, tar, lzma, PDF,
// PNG, JPEG, GIF, ELF, ...) from the bytes a file starts with; empty when none matches.
std::string_view BinaryFormatName(std::string_view head);

// Up to `max_bytes` bytes from the start of `path`, decompressed as `compression` says: enough to
// tell JSONL from text or binary. Errors name `display`.
absl::StatusOr<std::string> ReadHead(const std::string& path, const std::string& display,
                                     Compression compression, size_t max_bytes);

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


// A sink writing to the open file descriptor `fd` (not owned) with `compression`.
std::unique_ptr<ByteSink> MakeFileSink(int fd, Compression compression, const std::string& display);

}  // namespace neardup

#endif  // NEARDUP_IO_BYTE_STREAM_H_
