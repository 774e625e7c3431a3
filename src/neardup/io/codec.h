// What every codec of io/ shares: the compressions neardup reads and writes, the sink they write
// through, and the error of a closed pipe. A header of its own so that byte_stream (which picks a
// codec) and archive_codec (the libarchive codecs) both use it without including each other.
#ifndef NEARDUP_IO_CODEC_H_
#define NEARDUP_IO_CODEC_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace neardup {

// kXz, kBzip2 and kLz4 go through libarchive (archive_codec.h); the others through zlib and libzstd.
enum class Compression { kNone, kGzip, kZstd, kXz, kBzip2, kLz4 };

// The error of a write to a closed pipe (EPIPE), naming `display`; and the test for it. The
// reader has gone, which a command-line program treats as a quiet end rather than a failure.
absl::Status BrokenPipeError(const std::string& display);
bool IsBrokenPipe(const absl::Status& status);

// Accumulates output and compresses it as it goes.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual absl::Status Write(std::string_view bytes) = 0;
  // Flushes compressor state; must be called once before the file is committed.
  virtual absl::Status Finish() = 0;
};

}  // namespace neardup

#endif  // NEARDUP_IO_CODEC_H_
