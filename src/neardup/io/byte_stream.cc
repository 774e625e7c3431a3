#include "neardup/io/byte_stream.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "neardup/io/archive_codec.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

constexpr size_t kChunk = 1 << 16;
// zlib counts in 32-bit uInt; larger writes are fed in pieces of this size.
constexpr size_t kMaxZlibPiece = size_t{1} << 30;


absl::Status OpenError(int error, const std::string& display) {
  return absl::ErrnoToStatus(error,
                             absl::StrFormat("%s: cannot open", display));
}

// Reads up to `size` bytes, retrying on EINTR. Returns 0 at end of file.
absl::StatusOr<size_t> ReadSome(int fd, char* buffer, size_t size) {
  while (true) {
    const ssize_t n = ::read(fd, buffer, size);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno != EINTR) {
      return absl::ErrnoToStatus(errno, "read failed");
    }
  }
}

absl::Status WriteAll(int fd, const char* data, size_t size, const std::string& display) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) return BrokenPipeError(display);
      return absl::ErrnoToStatus(
          errno, absl::StrFormat("%s: write failed", display));
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return absl::OkStatus();
}

// A decompressed byte stream. Errors carry only the reason; callers add the file and line.
class Source {
 public:
  explicit Source(int fd) : fd_(fd) {}
  virtual ~Source() { ::close(fd_); }
  Source(const Source&) = delete;  // owns the descriptor
  Source& operator=(const Source&) = delete;
  // Fills `out` with up to `size` bytes; 0 means end of stream.
  virtual absl::StatusOr<size_t> Read(char* out, size_t size) = 0;

 protected:
  // Refills the compressed input buffer; false at end of file.
  absl::StatusOr<bool> Refill() {
    in_.resize(kChunk);
    NEARDUP_ASSIGN_OR_RETURN(const size_t n, ReadSome(fd_, in_.data(), in_.size()));
    in_.resize(n);
    return n > 0;
  }
  int fd_;
  std::vector<char> in_;
};

class PlainSource : public Source {
 public:
  using Source::Source;
  absl::StatusOr<size_t> Read(char* out, size_t size) override { return ReadSome(fd_, out, size); }
};

class GzipSource : public Source {
 public:
  explicit GzipSource(int fd) : Source(fd) {
    // 15 + 32: accept gzip or zlib headers, detected automatically.
    ok_ = inflateInit2(&stream_, 15 + 32) == Z_OK;
  }
  ~GzipSource() override { inflateEnd(&stream_); }

  absl::StatusOr<size_t> Read(char* out, size_t size) override {
    if (!ok_) return absl::InternalError("cannot initialize zlib");
    stream_.next_out = reinterpret_cast<Bytef*>(out);
    stream_.avail_out = static_cast<uInt>(std::min(size, kMaxZlibPiece));
    const uInt wanted = stream_.avail_out;
    while (stream_.avail_out == wanted) {
      if (stream_.avail_in == 0 && !eof_) {
        NEARDUP_ASSIGN_OR_RETURN(const bool more, Refill());
        eof_ = !more;
        stream_.next_in = reinterpret_cast<Bytef*>(in_.data());
        stream_.avail_in = static_cast<uInt>(in_.size());
      }
      if (eof_ && stream_.avail_in == 0 && !member_open_) break;
      member_open_ = true;
      // Even without new input, inflate may still hold output from the last call.
      const int rc = inflate(&stream_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        // `gzip -c a b > c` concatenates members; keep decoding if more follows.
        member_open_ = false;
        inflateReset(&stream_);
      } else if (rc == Z_BUF_ERROR && eof_ && stream_.avail_in == 0) {
        return absl::DataLossError("truncated gzip data");
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return absl::DataLossError(absl::StrFormat(
            "corrupt gzip data (%s)", stream_.msg != nullptr ? stream_.msg : "zlib error"));
      }
    }
    return wanted - stream_.avail_out;
  }

 private:
  z_stream stream_{};
  bool ok_ = false;
  bool eof_ = false;
  bool member_open_ = false;  // inside a gzip member that has not reached its end
};

class ZstdSource : public Source {
 public:
  explicit ZstdSource(int fd) : Source(fd), dctx_(ZSTD_createDCtx()) {}
  ~ZstdSource() override { ZSTD_freeDCtx(dctx_); }

  absl::StatusOr<size_t> Read(char* out, size_t size) override {
    if (dctx_ == nullptr) return absl::InternalError("cannot initialize zstd");
    ZSTD_outBuffer output{out, size, 0};
    while (output.pos == 0) {
      if (input_.pos == input_.size && !eof_) {
        NEARDUP_ASSIGN_OR_RETURN(const bool more, Refill());
        eof_ = !more;
        input_ = ZSTD_inBuffer{in_.data(), in_.size(), 0};
      }
      if (eof_ && input_.pos == input_.size && !frame_open_) break;
      // Even without new input, the decoder may still hold output from the last call.
      const size_t rc = ZSTD_decompressStream(dctx_, &output, &input_);
      if (ZSTD_isError(rc)) {
        return absl::DataLossError(
            absl::StrFormat("corrupt zstd data (%s)", ZSTD_getErrorName(rc)));
      }
      // 0 means a frame just ended; anything else means it wants more input.
      frame_open_ = rc != 0;
      if (eof_ && output.pos == 0 && frame_open_) return absl::DataLossError("truncated zstd data");
    }
    return output.pos;
  }

 private:
  ZSTD_DCtx* dctx_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  bool eof_ = false;
  bool frame_open_ = false;
};

class ArchiveSource : public Source {
 public:
  ArchiveSource(int fd, Compression compression) : Source(fd), reader_(fd, compression) {}
  absl::StatusOr<size_t> Read(char* out, size_t size) override { return reader_.Read(out, size); }

 private:
  ArchiveReader reader_;
};

absl::StatusOr<std::unique_ptr<Source>> OpenSource(const std::string& path,
                                                   const std::string& display,
                                                   Compression compression) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return OpenError(errno, display);
  switch (compression) {
    case Compression::kGzip: return std::unique_ptr<Source>(new GzipSource(fd));
    case Compression::kZstd: return std::unique_ptr<Source>(new ZstdSource(fd));
    case Compression::kXz:
    case Compression::kBzip2:
    case Compression::kLz4: return std::unique_ptr<Source>(new ArchiveSource(fd, compression));
    case Compression::kNone: break;
  }
  return std::unique_ptr<Source>(new PlainSource(fd));
}

absl::Status Annotate(const absl::Status& status, const std::string& where) {
  return absl::Status(status.code(),
                      absl::StrFormat("%s: %s", where, std::string(status.message())));
}

class SourceLineReader : public LineReader {
 public:
  SourceLineReader(std::unique_ptr<Source> source, std::string display)
      : source_(std::move(source)), display_(std::move(display)) {}

  absl::StatusOr<bool> Next(std::string& line, bool& terminated) override {
    std::string_view view;
    NEARDUP_ASSIGN_OR_RETURN(const bool more, NextView(view, terminated));
    if (more) line.assign(view);
    return more;
  }

  absl::StatusOr<bool> NextView(std::string_view& line, bool& terminated) override {
    size_t scanned = pos_;  // bytes before this offset hold no '\n'
    while (true) {
      const void* newline = size_ > scanned ? std::memchr(data_.get() + scanned, '\n', size_ - scanned) : nullptr;
      if (newline != nullptr) {
        const size_t at = static_cast<size_t>(static_cast<const char*>(newline) - data_.get());
        line = std::string_view(data_.get() + pos_, at - pos_);
        pos_ = at + 1;
        terminated = true;
        ++line_number_;
        return true;
      }
      if (eof_) break;
      NEARDUP_RETURN_IF_ERROR(Refill(scanned));
    }
    if (pos_ == size_) return false;
    line = std::string_view(data_.get() + pos_, size_ - pos_);
    pos_ = size_;
    terminated = false;
    ++line_number_;
    return true;
  }

  uint64_t line_number() const override { return line_number_; }

 private:
  // Drops consumed bytes and reads more, so a long line grows the buffer only by itself. The
  // buffer is raw memory: reading into it never zero-fills first. `scanned` moves with the data.
  absl::Status Refill(size_t& scanned) {
    if (size_ > pos_) std::memmove(data_.get(), data_.get() + pos_, size_ - pos_);
    size_ -= pos_;
    scanned -= pos_;
    pos_ = 0;
    if (capacity_ - size_ < kReadChunk) {
      const size_t grown = std::max(2 * capacity_, size_ + kReadChunk);
      auto bigger = std::make_unique_for_overwrite<char[]>(grown);
      if (size_ > 0) std::memcpy(bigger.get(), data_.get(), size_);
      data_ = std::move(bigger);
      capacity_ = grown;
    }
    const absl::StatusOr<size_t> n = source_->Read(data_.get() + size_, capacity_ - size_);
    if (!n.ok()) return Annotate(n.status(), absl::StrFormat("%s:%d", display_, line_number_ + 1));
    size_ += *n;
    eof_ = *n == 0;
    return absl::OkStatus();
  }

  // Reads a megabyte at a time: fewer system calls, each of which is costly on a virtual machine.
  static constexpr size_t kReadChunk = size_t{1} << 20;

  std::unique_ptr<Source> source_;
  std::string display_;
  std::unique_ptr<char[]> data_;
  size_t capacity_ = 0;
  size_t size_ = 0;
  size_t pos_ = 0;
  bool eof_ = false;
  uint64_t line_number_ = 0;
};

class PlainSink : public ByteSink {
 public:
  PlainSink(int fd, std::string display) : fd_(fd), display_(std::move(display)) {}
  absl::Status Write(std::string_view bytes) override {
    // Small writes (one JSONL line each) are batched to save system calls.
    if (buffer_.size() + bytes.size() > kChunk) {
      NEARDUP_RETURN_IF_ERROR(Flush());
      if (bytes.size() > kChunk) return WriteAll(fd_, bytes.data(), bytes.size(), display_);
    }
    buffer_.append(bytes);
    return absl::OkStatus();
  }
  absl::Status Finish() override { return Flush(); }

 private:
  absl::Status Flush() {
    NEARDUP_RETURN_IF_ERROR(WriteAll(fd_, buffer_.data(), buffer_.size(), display_));
    buffer_.clear();
    return absl::OkStatus();
  }
  int fd_;
  std::string display_;
  std::string buffer_;
};

class GzipSink : public ByteSink {
 public:
  GzipSink(int fd, std::string display) : fd_(fd), display_(std::move(display)), out_(kChunk) {
    // 15 + 16: a gzip wrapper rather than a raw zlib stream, so `gzip -d` reads the output.
    ok_ = deflateInit2(&stream_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                       Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~GzipSink() override { deflateEnd(&stream_); }

  absl::Status Write(std::string_view bytes) override {
    while (!bytes.empty()) {
      const size_t piece = std::min(bytes.size(), kMaxZlibPiece);
      NEARDUP_RETURN_IF_ERROR(Deflate(bytes.substr(0, piece), Z_NO_FLUSH));
      bytes.remove_prefix(piece);
    }
    return absl::OkStatus();
  }
  absl::Status Finish() override { return Deflate({}, Z_FINISH); }

 private:
  absl::Status Deflate(std::string_view bytes, int flush) {
    if (!ok_) return absl::InternalError(absl::StrFormat("%s: cannot initialize zlib", display_));
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream_.avail_in = static_cast<uInt>(bytes.size());
    while (true) {
      stream_.next_out = reinterpret_cast<Bytef*>(out_.data());
      stream_.avail_out = static_cast<uInt>(out_.size());
      const int rc = deflate(&stream_, flush);
      if (rc == Z_STREAM_ERROR) {
        return absl::InternalError(absl::StrFormat("%s: gzip compression failed", display_));
      }
      NEARDUP_RETURN_IF_ERROR(
          WriteAll(fd_, out_.data(), out_.size() - stream_.avail_out, display_));
      if (flush == Z_FINISH ? rc == Z_STREAM_END : stream_.avail_out != 0) return absl::OkStatus();
    }
  }
  int fd_;
  std::string display_;
  std::vector<char> out_;
  z_stream stream_{};
  bool ok_ = false;
};

class ZstdSink : public ByteSink {
 public:
  ZstdSink(int fd, std::string display)
      : fd_(fd),
        display_(std::move(display)),
        cctx_(ZSTD_createCCtx()),
        out_(ZSTD_CStreamOutSize()) {}
  ~ZstdSink() override { ZSTD_freeCCtx(cctx_); }

  absl::Status Write(std::string_view bytes) override { return Compress(bytes, ZSTD_e_continue); }
  absl::Status Finish() override { return Compress({}, ZSTD_e_end); }

 private:
  absl::Status Compress(std::string_view bytes, ZSTD_EndDirective mode) {
    if (cctx_ == nullptr) {
      return absl::InternalError(absl::StrFormat("%s: cannot initialize zstd", display_));
    }
    ZSTD_inBuffer input{bytes.data(), bytes.size(), 0};
    while (true) {
      ZSTD_outBuffer output{out_.data(), out_.size(), 0};
      const size_t remaining = ZSTD_compressStream2(cctx_, &output, &input, mode);
      if (ZSTD_isError(remaining)) {
        return absl::InternalError(absl::StrFormat("%s: zstd compression failed (%s)", display_,
                                                   ZSTD_getErrorName(remaining)));
      }
      NEARDUP_RETURN_IF_ERROR(WriteAll(fd_, out_.data(), output.pos, display_));
      const bool done = mode == ZSTD_e_end ? remaining == 0 : input.pos == input.size;
      if (done) return absl::OkStatus();
    }
  }
  int fd_;
  std::string display_;
  ZSTD_CCtx* cctx_;
  std::vector<char> out_;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

}  // namespace

Compression CompressionFromName(std::string_view path) {
  for (const Compression c : {Compression::kGzip, Compression::kZstd, Compression::kXz, Compression::kBzip2,
                              Compression::kLz4}) {
    if (EndsWith(path, CompressionSuffix(c))) return c;
  }
  return Compression::kNone;
}

std::string_view CompressionSuffix(Compression compression) {
  switch (compression) {
    case Compression::kGzip: return ".gz";
    case Compression::kZstd: return ".zst";
    case Compression::kXz: return ".xz";
    case Compression::kBzip2: return ".bz2";
    case Compression::kLz4: return ".lz4";
    case Compression::kNone: break;
  }
  return "";
}

Compression CompressionFromMagic(std::string_view head) {
  using namespace std::string_view_literals;
  if (StartsWith(head, "\x1f\x8b"sv)) return Compression::kGzip;
  if (StartsWith(head, "\x28\xb5\x2f\xfd"sv)) return Compression::kZstd;
  // Skippable frames (magic 0x184D2A5?, little-endian) may open a zstd stream.
  if (head.size() >= 4 && (static_cast<unsigned char>(head[0]) & 0xF0) == 0x50 && head.substr(1, 3) == "\x2a\x4d\x18"sv) {
    return Compression::kZstd;
  }
  if (StartsWith(head, "\xfd" "7zXZ\x00"sv)) return Compression::kXz;
  if (head.size() >= 4 && StartsWith(head, "BZh"sv) && head[3] >= '1' && head[3] <= '9') return Compression::kBzip2;
  if (StartsWith(head, "\x04\x22\x4d\x18"sv)) return Compression::kLz4;
  return Compression::kNone;
}

std::string_view BinaryFormatName(std::string_view head) {
  using namespace std::string_view_literals;
  static constexpr std::pair<std::string_view, std::string_view> kMagic[] = {
      {"\x02\x21\x4c\x18"sv, "lz4 (legacy format)"},
      {"\x5d\x00\x00"sv, "lzma"},
      {"\x1f\x9d"sv, "compress (.Z)"},
      {"PK\x03\x04"sv, "zip"},
      {"PK\x05\x06"sv, "zip"},
      {"7z\xbc\xaf\x27\x1c"sv, "7z"},
      {"Rar!\x1a\x07"sv, "rar"},
      {"%PDF-"sv, "PDF"},
      {"\x89PNG\r\n\x1a\n"sv, "PNG"},
      {"\xff\xd8\xff"sv, "JPEG"},
      {"GIF8"sv, "GIF"},
      {"\x7f" "ELF"sv, "ELF"},
      {"SQLite format 3\x00"sv, "SQLite"},
      {"PAR1"sv, "Parquet"},
      {"ARROW1"sv, "Arrow"},
      {"Obj\x01"sv, "Avro"},
  };
  for (const auto& [magic, name] : kMagic) {
    if (StartsWith(head, magic)) return name;
  }
  if (head.size() >= 262 && head.substr(257, 5) == "ustar"sv) return "tar";
  return {};
}

absl::StatusOr<std::string> ReadHead(const std::string& path, const std::string& display,
                                     Compression compression, size_t max_bytes) {
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<Source> source, OpenSource(path, display, compression));
  std::string head(max_bytes, '\0');
  size_t size = 0;
  while (size < max_bytes) {
    const absl::StatusOr<size_t> n = source->Read(head.data() + size, max_bytes - size);
    if (!n.ok()) return Annotate(n.status(), display);
    if (*n == 0) break;
    size += *n;
  }
  head.resize(size);
  return head;
}

// Recognized by its code, which no other I/O error here uses.
absl::Status BrokenPipeError(const std::string& display) {
  return absl::CancelledError(absl::StrFormat("%s: broken pipe", display));
}

bool IsBrokenPipe(const absl::Status& status) { return status.code() == absl::StatusCode::kCancelled; }

absl::StatusOr<std::unique_ptr<LineReader>> LineReader::Open(const std::string& path,
                                                             const std::string& display,
                                                             Compression compression) {
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<Source> source, OpenSource(path, display, compression));
  return std::unique_ptr<LineReader>(new SourceLineReader(std::move(source), display));
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path, const std::string& display,
                                          Compression compression) {
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<Source> source, OpenSource(path, display, compression));
  std::string bytes;
  while (true) {
    const size_t old_size = bytes.size();
    // Grow geometrically so a large file costs amortized linear time.
    bytes.resize(old_size + std::max(kChunk, old_size / 2));
    const absl::StatusOr<size_t> n = source->Read(bytes.data() + old_size, bytes.size() - old_size);
    if (!n.ok()) return Annotate(n.status(), display);
    bytes.resize(old_size + *n);
    if (*n == 0) return bytes;
  }
}

std::unique_ptr<ByteSink> MakeFileSink(int fd, Compression compression,
                                       const std::string& display) {
  switch (compression) {
    case Compression::kGzip: return std::make_unique<GzipSink>(fd, display);
    case Compression::kZstd: return std::make_unique<ZstdSink>(fd, display);
    case Compression::kXz:
    case Compression::kBzip2:
    case Compression::kLz4: return MakeArchiveSink(fd, compression, display);
    case Compression::kNone: break;
  }
  return std::make_unique<PlainSink>(fd, display);
}

}  // namespace neardup
