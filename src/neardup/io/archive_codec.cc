#include "neardup/io/archive_codec.h"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <cerrno>

#include "absl/strings/str_format.h"

namespace neardup {
namespace {

// libarchive reads this much compressed input at a time, as LineReader does.
constexpr size_t kBlock = size_t{1} << 20;

std::string ErrorOf(archive* a) {
  const char* message = archive_error_string(a);
  return message != nullptr ? message : "unknown libarchive error";
}

// Only the one filter the magic bytes named: libarchive could otherwise run external programs
// (lrzip, grzip) for formats it cannot decode itself.
int AddReadFilter(archive* a, Compression compression) {
  switch (compression) {
    case Compression::kXz: return archive_read_support_filter_xz(a);
    case Compression::kBzip2: return archive_read_support_filter_bzip2(a);
    case Compression::kLz4: return archive_read_support_filter_lz4(a);
    default: return ARCHIVE_FATAL;
  }
}

int AddWriteFilter(archive* a, Compression compression) {
  switch (compression) {
    case Compression::kXz: return archive_write_add_filter_xz(a);
    case Compression::kBzip2: return archive_write_add_filter_bzip2(a);
    case Compression::kLz4: return archive_write_add_filter_lz4(a);
    default: return ARCHIVE_FATAL;
  }
}

class ArchiveSink : public ByteSink {
 public:
  ArchiveSink(int fd, Compression compression, std::string display)
      : fd_(fd), display_(std::move(display)), archive_(archive_write_new()) {
    // Unblocked: no padding after the compressed stream, which a reader would take for garbage.
    ok_ = archive_ != nullptr && AddWriteFilter(archive_, compression) == ARCHIVE_OK &&
          archive_write_set_format_raw(archive_) == ARCHIVE_OK &&
          archive_write_set_bytes_per_block(archive_, 0) == ARCHIVE_OK &&
          archive_write_open(archive_, this, nullptr, &ArchiveSink::OnWrite, nullptr) == ARCHIVE_OK;
    if (ok_) {
      archive_entry* entry = archive_entry_new();
      archive_entry_set_pathname(entry, "data");
      archive_entry_set_filetype(entry, AE_IFREG);
      ok_ = archive_write_header(archive_, entry) == ARCHIVE_OK;
      archive_entry_free(entry);
    }
  }
  ~ArchiveSink() override {
    if (archive_ != nullptr) archive_write_free(archive_);
  }

  absl::Status Write(std::string_view bytes) override {
    if (!ok_) return Failed();
    while (!bytes.empty()) {
      const la_ssize_t n = archive_write_data(archive_, bytes.data(), bytes.size());
      if (n <= 0) return Failed();
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return absl::OkStatus();
  }

  absl::Status Finish() override {
    if (!ok_ || archive_write_close(archive_) != ARCHIVE_OK) return Failed();
    return absl::OkStatus();
  }

 private:
  static la_ssize_t OnWrite(archive*, void* self, const void* data, size_t size) {
    auto* sink = static_cast<ArchiveSink*>(self);
    const char* bytes = static_cast<const char*>(data);
    for (size_t done = 0; done < size;) {
      const ssize_t n = ::write(sink->fd_, bytes + done, size - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        sink->write_status_ = errno == EPIPE ? BrokenPipeError(sink->display_)
                                             : absl::ErrnoToStatus(errno, absl::StrFormat("%s: write failed", sink->display_));
        return -1;
      }
      done += static_cast<size_t>(n);
    }
    return static_cast<la_ssize_t>(size);
  }

  absl::Status Failed() {
    if (!write_status_.ok()) return write_status_;
    return absl::InternalError(absl::StrFormat("%s: compression failed (%s)", display_,
                                               archive_ != nullptr ? ErrorOf(archive_) : "no memory"));
  }

  int fd_;
  std::string display_;
  archive* archive_;
  bool ok_ = false;
  absl::Status write_status_;
};

}  // namespace

bool IsArchiveCompression(Compression compression) {
  return compression == Compression::kXz || compression == Compression::kBzip2 || compression == Compression::kLz4;
}

ArchiveReader::ArchiveReader(int fd, Compression compression) : fd_(fd), compression_(compression) {}

ArchiveReader::~ArchiveReader() {
  if (archive_ != nullptr) archive_read_free(archive_);
}

absl::Status ArchiveReader::Start() {
  started_ = true;
  archive_ = archive_read_new();
  if (archive_ == nullptr) return absl::ResourceExhaustedError("cannot start libarchive");
  archive_entry* entry = nullptr;
  if (AddReadFilter(archive_, compression_) != ARCHIVE_OK || archive_read_support_format_raw(archive_) != ARCHIVE_OK ||
      archive_read_open_fd(archive_, fd_, kBlock) != ARCHIVE_OK ||
      archive_read_next_header(archive_, &entry) != ARCHIVE_OK) {
    return absl::DataLossError(absl::StrFormat("corrupt compressed data (%s)", ErrorOf(archive_)));
  }
  return absl::OkStatus();
}

absl::StatusOr<size_t> ArchiveReader::Read(char* out, size_t size) {
  if (!started_) {
    if (absl::Status status = Start(); !status.ok()) return status;
  }
  if (archive_ == nullptr) return absl::InternalError("libarchive failed earlier");
  const la_ssize_t n = archive_read_data(archive_, out, size);
  if (n < 0) return absl::DataLossError(absl::StrFormat("corrupt compressed data (%s)", ErrorOf(archive_)));
  return static_cast<size_t>(n);
}

std::unique_ptr<ByteSink> MakeArchiveSink(int fd, Compression compression, const std::string& display) {
  return std::make_unique<ArchiveSink>(fd, compression, display);
}

// archive_version_string(), not archive_version_details(): the latter builds its text in a buffer
// it never frees, which LeakSanitizer reports at every --version.
std::string ArchiveVersion() { return archive_version_string(); }

}  // namespace neardup
