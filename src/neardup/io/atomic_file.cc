#include "neardup/io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "absl/strings/str_format.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

absl::Status ErrnoError(int error, const std::string& what) {
  return absl::ErrnoToStatus(error, absl::StrFormat("%s", what));
}

// Makes the rename itself durable; a failure here loses nothing already written, so it is
// not reported.
void SyncDirectory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

absl::StatusOr<std::unique_ptr<AtomicFile>> AtomicFile::Create(const std::string& path,
                                                               Compression compression) {
  const std::filesystem::path target(path);
  const std::filesystem::path parent = target.parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) {
      return absl::ErrnoToStatus(ec.value(), absl::StrFormat("%s: cannot create directory", parent.string()));
    }
  }
  // A hidden name in the target's own directory, so the final rename never crosses file systems.
  // Appended piece by piece: GCC 12 reports a false -Wrestrict on "." + std::string + "...".
  std::string hidden = ".";
  hidden += target.filename().string();
  hidden += ".tmp-XXXXXX";
  const std::string pattern = (parent / hidden).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return ErrnoError(errno, absl::StrFormat("%s: cannot create temporary file", path));

  std::unique_ptr<AtomicFile> file(new AtomicFile());
  file->path_ = path;
  file->temp_path_ = name.data();
  file->fd_ = fd;
  // mkstemp creates 0600; outputs are corpus files, readable like ordinary new files.
  ::fchmod(fd, 0644);
  file->sink_ = MakeFileSink(fd, compression, path);
  return file;
}

AtomicFile::~AtomicFile() {
  sink_.reset();  // uses fd_, so it goes first
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_path_.empty()) ::unlink(temp_path_.c_str());
}

absl::Status AtomicFile::Write(std::string_view bytes) {
  if (committed_ || sink_ == nullptr) {
    return absl::FailedPreconditionError(absl::StrFormat("%s: already closed", path_));
  }
  return sink_->Write(bytes);
}

absl::Status AtomicFile::Commit() {
  if (committed_ || sink_ == nullptr) {
    return absl::FailedPreconditionError(absl::StrFormat("%s: already closed", path_));
  }
  NEARDUP_RETURN_IF_ERROR(sink_->Finish());
  sink_.reset();
  if (::fsync(fd_) != 0) return ErrnoError(errno, absl::StrFormat("%s: fsync failed", path_));
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return ErrnoError(errno, absl::StrFormat("%s: close failed", path_));
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    return ErrnoError(errno, absl::StrFormat("%s: cannot replace", path_));
  }
  committed_ = true;
  SyncDirectory(std::filesystem::path(path_).parent_path());
  return absl::OkStatus();
}

absl::Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file,
                           AtomicFile::Create(path, Compression::kNone));
  NEARDUP_RETURN_IF_ERROR(file->Write(bytes));
  return file->Commit();
}

absl::Status WriteFileAtomically(const std::string& path, const std::function<void(const PieceWriter&)>& produce) {
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file,
                           AtomicFile::Create(path, Compression::kNone));
  absl::Status status;
  produce([&](std::string_view piece) {
    if (status.ok()) status = file->Write(piece);  // after a failure the rest is not written
  });
  NEARDUP_RETURN_IF_ERROR(status);
  return file->Commit();
}

}  // namespace neardup
