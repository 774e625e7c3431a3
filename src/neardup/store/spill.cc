#include "neardup/store/spill.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "absl/strings/str_format.h"

namespace neardup {
namespace {

absl::StatusOr<std::string> TempDir(const SpillOptions& options) {
  if (!options.temp_dir.empty()) return options.temp_dir;
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) return absl::InternalError(absl::StrFormat("no temporary directory: %s", ec.message()));
  return dir.string();
}

}  // namespace

SpillFile::SpillFile(SpillOptions options) : options_(std::move(options)) {}

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

absl::Status SpillFile::Append(const void* bytes, size_t n) {
  const char* src = static_cast<const char*>(bytes);
  size_ += n;
  while (n > 0) {
    if (chunks_.empty() || used_ == options_.chunk_bytes) {
      if (fd_ >= 0 || (chunks_.size() + 1) * options_.chunk_bytes > options_.memory_bytes) {
        if (absl::Status s = Flush(); !s.ok()) return s;
      }
      if (fd_ < 0 || chunks_.empty()) chunks_.push_back(std::make_unique_for_overwrite<char[]>(options_.chunk_bytes));
      used_ = 0;
    }
    const size_t take = std::min(n, options_.chunk_bytes - used_);
    std::memcpy(chunks_.back().get() + used_, src, take);
    used_ += take;
    src += take;
    n -= take;
  }
  return absl::OkStatus();
}

// Writes every full chunk (and, once sealing, the partial last one) to the file. In file mode one
// chunk remains as the write buffer.
absl::Status SpillFile::Flush() {
  if (fd_ < 0) {
    const absl::StatusOr<std::string> dir = TempDir(options_);
    if (!dir.ok()) return dir.status();
    std::string name = *dir + "/neardup-spill-XXXXXX";
    fd_ = ::mkstemp(name.data());
    if (fd_ < 0) {
      return absl::ErrnoToStatus(errno, absl::StrFormat("%s: cannot create a temporary file (set TMPDIR or "
                                                        "--temp-dir to a writable directory)", *dir));
    }
    ::unlink(name.c_str());  // nothing to clean up later, whatever happens to the process
  }
  for (size_t c = 0; c < chunks_.size(); ++c) {
    const size_t n = c + 1 == chunks_.size() ? used_ : options_.chunk_bytes;
    size_t done = 0;
    while (done < n) {
      const ssize_t w = ::pwrite(fd_, chunks_[c].get() + done, n - done, static_cast<off_t>(written_ + done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        return absl::ErrnoToStatus(w < 0 ? errno : ENOSPC,
                                   "cannot write a temporary file (is the temporary directory full? set "
                                   "TMPDIR or --temp-dir)");
      }
      done += static_cast<size_t>(w);
    }
    written_ += n;
  }
  chunks_.resize(std::min<size_t>(chunks_.size(), 1));
  used_ = 0;
  return absl::OkStatus();
}

absl::Status SpillFile::Seal() {
  if (fd_ >= 0 && used_ > 0) return Flush();
  return absl::OkStatus();
}

absl::Status SpillFile::Read(uint64_t offset, void* out, size_t n) const {
  char* dst = static_cast<char*>(out);
  if (fd_ < 0) {
    while (n > 0) {
      const size_t c = offset / options_.chunk_bytes;
      const size_t at = offset % options_.chunk_bytes;
      const size_t take = std::min(n, options_.chunk_bytes - at);
      std::memcpy(dst, chunks_[c].get() + at, take);
      dst += take;
      offset += take;
      n -= take;
    }
    return absl::OkStatus();
  }
  size_t done = 0;
  while (done < n) {
    const ssize_t got = ::pread(fd_, dst + done, n - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return absl::ErrnoToStatus(got < 0 ? errno : EIO, "cannot read back a temporary file");
    done += static_cast<size_t>(got);
  }
  return absl::OkStatus();
}

absl::Status SpillFile::Cursor::Read(void* out, size_t n) {
  char* dst = static_cast<char*>(out);
  while (n > 0) {
    if (begin_ == end_) {
      const size_t want = static_cast<size_t>(std::min<uint64_t>(file_.options_.chunk_bytes, file_.size() - offset_));
      if (want == 0) return absl::OutOfRangeError("read past the end of a temporary file");
      buffer_.resize(want);
      if (absl::Status s = file_.Read(offset_, buffer_.data(), want); !s.ok()) return s;
      offset_ += want;
      begin_ = 0;
      end_ = want;
    }
    const size_t take = std::min(n, end_ - begin_);
    std::memcpy(dst, buffer_.data() + begin_, take);
    begin_ += take;
    dst += take;
    n -= take;
  }
  return absl::OkStatus();
}

void SpillFile::Cursor::Seek(uint64_t offset) {
  const uint64_t buffered = offset_ - end_;  // log offset of buffer_[0]
  if (offset >= buffered && offset <= offset_) {
    begin_ = static_cast<size_t>(offset - buffered);
    return;
  }
  offset_ = offset;
  begin_ = end_ = 0;
}

}  // namespace neardup
