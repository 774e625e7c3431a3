#include "neardup/io/atomic_file.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <system_error>
#include <vector>

#include "absl/strings/str_format.h"
#include "neardup/io/temp_files.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

// Linux's limit on symlinks followed in one lookup.
constexpr int kMaxLinks = 40;
// ".NAME" + ".tmp-XXXXXX": what a temporary name adds to the target's.
constexpr size_t kTempOverhead = 1 + 11;

absl::Status ErrnoError(int error, const std::string& what) {
  return absl::ErrnoToStatus(error, absl::StrFormat("%s", what));
}

// Makes the rename itself durable; a failure here loses nothing already written, so it is
// not reported.
void SyncDirectory(const fs::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// The descriptor a path names by convention ("-", /dev/stdout, /dev/fd/N, ...), if any.
std::optional<int> NamedDescriptor(const std::string& path) {
  if (path == "-" || path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.size() <= prefix.size() || path.size() > prefix.size() + 9 ||
        path.compare(0, prefix.size(), prefix) != 0) {
      continue;
    }
    int fd = 0;
    for (size_t i = prefix.size(); i < path.size(); ++i) {
      if (path[i] < '0' || path[i] > '9') return std::nullopt;
      fd = fd * 10 + (path[i] - '0');
    }
    return fd;
  }
  return std::nullopt;
}

// `path` with every symlink in its last component followed; a dangling link gives the path it
// points at, which is then created.
absl::StatusOr<std::string> FollowLinks(std::string path) {
  for (int hops = 0; hops < kMaxLinks; ++hops) {
    struct stat info;
    if (::lstat(path.c_str(), &info) != 0) {
      if (errno == ENOENT) return path;
      return ErrnoError(errno, absl::StrFormat("%s: cannot resolve", path));
    }
    if (!S_ISLNK(info.st_mode)) return path;
    std::vector<char> target(static_cast<size_t>(info.st_size > 0 ? info.st_size : PATH_MAX) + 1);
    const ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    if (n < 0) return ErrnoError(errno, absl::StrFormat("%s: cannot read the link", path));
    const fs::path link(std::string(target.data(), static_cast<size_t>(n)));
    path = (link.is_absolute() ? link : fs::path(path).parent_path() / link).string();
  }
  return ErrnoError(ELOOP, absl::StrFormat("%s: cannot resolve", path));
}

// ".NAME.tmp-XXXXXX" in the target's directory, the name shortened (on a UTF-8 boundary) where
// the whole would exceed the file system's limit on a name.
std::string TempPattern(const fs::path& target) {
  std::string name = target.filename().string();
  if (name.size() + kTempOverhead > NAME_MAX) {
    size_t cut = NAME_MAX - kTempOverhead;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  // Appended piece by piece: GCC 12 reports a false -Wrestrict on "." + std::string + "...".
  std::string hidden = ".";
  hidden += name;
  hidden += ".tmp-XXXXXX";
  return (target.parent_path() / hidden).string();
}

}  // namespace

absl::StatusOr<OutputTarget> ResolveOutput(const std::string& path) {
  if (path.empty()) return absl::InvalidArgumentError("an output path is empty");
  OutputTarget target;
  if (const std::optional<int> fd = NamedDescriptor(path)) {
    const int flags = ::fcntl(*fd, F_GETFL);
    if (flags < 0 || (flags & O_ACCMODE) == O_RDONLY) {
      return absl::InvalidArgumentError(absl::StrFormat("%s: descriptor %d is not open for writing", path, *fd));
    }
    target.kind = OutputTarget::kDescriptor;
    target.fd = *fd;
    return target;
  }
  NEARDUP_ASSIGN_OR_RETURN(target.path, FollowLinks(path));
  struct stat info;
  if (::stat(target.path.c_str(), &info) != 0) {
    if (errno == ENOENT) return target;  // a new file
    return ErrnoError(errno, absl::StrFormat("%s: cannot resolve", path));
  }
  if (S_ISDIR(info.st_mode)) return absl::InvalidArgumentError(absl::StrFormat("%s is a directory", path));
  target.kind = S_ISREG(info.st_mode) ? OutputTarget::kReplace : OutputTarget::kInPlace;
  return target;
}

absl::Status CheckOutputPath(const std::string& path) {
  NEARDUP_ASSIGN_OR_RETURN(const OutputTarget target, ResolveOutput(path));
  if (target.kind == OutputTarget::kDescriptor) return absl::OkStatus();
  if (target.kind == OutputTarget::kInPlace) {
    if (::access(target.path.c_str(), W_OK) != 0) return ErrnoError(errno, absl::StrFormat("%s: cannot write", path));
    return absl::OkStatus();
  }
  // The nearest directory that exists must take new files (missing ones below it are created).
  fs::path dir = fs::path(target.path).parent_path();
  while (true) {
    const std::string name = dir.empty() ? std::string(".") : dir.string();
    struct stat info;
    if (::stat(name.c_str(), &info) == 0) {
      if (!S_ISDIR(info.st_mode)) {
        return absl::InvalidArgumentError(absl::StrFormat("%s: %s is not a directory", path, name));
      }
      if (::access(name.c_str(), W_OK | X_OK) != 0) {
        return ErrnoError(errno, absl::StrFormat("%s: cannot write in directory %s", path, name));
      }
      return absl::OkStatus();
    }
    if (errno != ENOENT) return ErrnoError(errno, absl::StrFormat("%s: cannot resolve %s", path, name));
    if (dir.empty() || dir == dir.parent_path()) return absl::OkStatus();
    dir = dir.parent_path();
  }
}

absl::StatusOr<std::unique_ptr<AtomicFile>> AtomicFile::Create(const std::string& path,
                                                               Compression compression) {
  NEARDUP_ASSIGN_OR_RETURN(const OutputTarget target, ResolveOutput(path));
  std::unique_ptr<AtomicFile> file(new AtomicFile());
  file->path_ = path == "-" ? std::string("stdout") : path;
  if (target.kind == OutputTarget::kDescriptor) {
    file->fd_ = ::fcntl(target.fd, F_DUPFD_CLOEXEC, 0);
    if (file->fd_ < 0) return ErrnoError(errno, absl::StrFormat("%s: cannot write", path));
  } else if (target.kind == OutputTarget::kInPlace) {
    file->fd_ = ::open(target.path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (file->fd_ < 0) return ErrnoError(errno, absl::StrFormat("%s: cannot open", path));
  } else {
    const fs::path final_path(target.path);
    struct stat existing;
    const bool exists = ::stat(final_path.c_str(), &existing) == 0;
    const fs::path parent = final_path.parent_path();
    if (!parent.empty()) {
      std::error_code ec;
      fs::create_directories(parent, ec);
      if (ec) {
        return absl::ErrnoToStatus(ec.value(), absl::StrFormat("%s: cannot create directory", parent.string()));
      }
    }
    // A hidden name in the target's own directory, so the final rename never crosses file systems.
    std::string pattern = TempPattern(final_path);
    const int fd = CreateTemporaryFile(pattern, file->temp_ticket_);
    if (fd < 0) return ErrnoError(errno, absl::StrFormat("%s: cannot create temporary file", path));
    file->fd_ = fd;
    file->replace_ = true;
    file->target_ = target.path;
    file->temp_path_ = pattern;
    // mkstemp creates 0600; a replaced file keeps its bits, a new one is readable like ordinary
    // new files (outputs are corpus files).
    ::fchmod(fd, exists ? (existing.st_mode & 07777) : 0644);
  }
  file->sink_ = MakeFileSink(file->fd_, compression, file->path_);
  return file;
}

AtomicFile::~AtomicFile() {
  sink_.reset();  // uses fd_, so it goes first
  if (fd_ >= 0) ::close(fd_);
  if (replace_ && !committed_ && !temp_path_.empty()) ::unlink(temp_path_.c_str());
  ForgetTemporaryFile(temp_ticket_);
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
  // Only a file renamed into place needs its bytes on disk first; pipes and devices cannot sync.
  if (replace_ && ::fsync(fd_) != 0) return ErrnoError(errno, absl::StrFormat("%s: fsync failed", path_));
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 && (replace_ || errno != EINTR)) {
    return ErrnoError(errno, absl::StrFormat("%s: close failed", path_));
  }
  if (!replace_) {
    committed_ = true;
    return absl::OkStatus();
  }
  if (::rename(temp_path_.c_str(), target_.c_str()) != 0) {
    return ErrnoError(errno, absl::StrFormat("%s: cannot replace", path_));
  }
  committed_ = true;
  ForgetTemporaryFile(temp_ticket_);
  temp_ticket_ = -1;
  SyncDirectory(fs::path(target_).parent_path());
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
