#include "neardup/io/inputs.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <system_error>
#include <utility>

#include "absl/strings/str_format.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The format of a file that a directory walk picks up; nullopt for names it skips.
std::optional<InputFormat> AcceptedFormat(std::string_view name) {
  if (EndsWith(name, ".txt")) return InputFormat::kText;
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".jsonl.gz") || EndsWith(name, ".jsonl.zst")) {
    return InputFormat::kJsonl;
  }
  return std::nullopt;
}

// Permission bits say nothing when running as root (and ACLs may say more than the bits), so
// readability is tested by opening the file.
absl::Status CheckReadable(const std::string& path, const std::string& display) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    return absl::ErrnoToStatus(error, absl::StrFormat("%s: cannot read", display));
  }
  ::close(fd);
  return absl::OkStatus();
}

// "in/" and "in" name the same directory; without the trailing separator, relative paths and
// display names come out the same for both.
fs::path WithoutTrailingSeparator(const std::string& arg) {
  fs::path path(arg);
  while (!path.has_filename() && path.has_relative_path()) path = path.parent_path();
  return path;
}

absl::StatusOr<std::vector<InputFile>> WalkDirectory(const std::string& arg) {
  const fs::path base = WithoutTrailingSeparator(arg);
  std::vector<InputFile> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_error;
    if (!it->is_regular_file(type_error)) continue;  // follows symlinks to files
    const std::optional<InputFormat> format = AcceptedFormat(it->path().filename().string());
    if (!format) continue;
    InputFile file;
    file.path = it->path().string();
    file.display = file.path;
    file.relative = it->path().lexically_relative(base).generic_string();
    file.format = *format;
    file.compression = CompressionFromName(file.path);
    files.push_back(std::move(file));
  }
  if (ec) {
    return absl::ErrnoToStatus(ec.value(), absl::StrFormat("%s: cannot list", arg));
  }
  if (files.empty()) {
    return absl::InvalidArgumentError(absl::StrFormat("%s: no .txt or .jsonl files found", arg));
  }
  // std::string compares as unsigned bytes, so the order is the same in every locale.
  std::sort(files.begin(), files.end(),
            [](const InputFile& a, const InputFile& b) { return a.relative < b.relative; });
  for (const InputFile& file : files)
    NEARDUP_RETURN_IF_ERROR(CheckReadable(file.path, file.display));
  return files;
}

absl::StatusOr<InputFile> SingleFile(const std::string& arg) {
  NEARDUP_RETURN_IF_ERROR(CheckReadable(arg, arg));
  InputFile file;
  file.path = arg;
  file.display = arg;
  file.relative = fs::path(arg).filename().string();
  // Named explicitly, a file is read even without an accepted name: as text.
  file.format = AcceptedFormat(file.relative).value_or(InputFormat::kText);
  file.compression = CompressionFromName(arg);
  return file;
}

// Copies stdin to a new temporary file and returns its path; the caller deletes it.
absl::StatusOr<std::string> SpoolStdin() {
  std::error_code ec;
  const fs::path dir = fs::temp_directory_path(ec);
  if (ec) return absl::InternalError(absl::StrFormat("no temporary directory: %s", ec.message()));
  std::string name = (dir / "neardup-stdin-XXXXXX").string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    const int error = errno;
    return absl::ErrnoToStatus(
        error, absl::StrFormat("%s: cannot create", name));
  }
  std::string buffer(1 << 16, '\0');
  absl::Status status;
  while (status.ok()) {
    const ssize_t n = ::read(STDIN_FILENO, buffer.data(), buffer.size());
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      status = absl::ErrnoToStatus(errno, "<stdin>: read failed");
      break;
    }
    for (ssize_t done = 0; done < n && status.ok();) {
      const ssize_t w = ::write(fd, buffer.data() + done, static_cast<size_t>(n - done));
      if (w > 0) {
        done += w;
      } else if (errno != EINTR) {
        status = absl::ErrnoToStatus(
            errno, absl::StrFormat("%s: write failed", name));
      }
    }
  }
  if (::close(fd) != 0 && status.ok()) {
    status = absl::ErrnoToStatus(errno, absl::StrFormat("%s: close failed", name));
  }
  if (!status.ok()) {
    ::unlink(name.c_str());
    return status;
  }
  return name;
}

absl::Status CheckDistinctOutputs(const std::vector<InputFile>& files) {
  std::map<std::string_view, const InputFile*> by_relative;
  for (const InputFile& file : files) {
    const auto [it, inserted] = by_relative.emplace(file.relative, &file);
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s and %s would both be written to OUTDIR/%s; give them in separate runs or rename one",
          it->second->display, file.display, file.relative));
    }
  }
  return absl::OkStatus();
}

// The type of `arg`, or NotFound naming it.
absl::StatusOr<fs::file_status> StatusOf(const std::string& arg) {
  std::error_code ec;
  const fs::file_status status = fs::status(arg, ec);
  if (fs::exists(status)) return status;
  // A path below an unreadable directory is not "missing"; say what stopped us.
  const bool missing =
      !ec || ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory;
  if (missing) return absl::NotFoundError(absl::StrFormat("%s: no such file or directory", arg));
  return absl::ErrnoToStatus(ec.value(), absl::StrFormat("%s", arg));
}

// True when `inner` is `outer` or lies below it; both canonical.
bool IsWithin(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (const fs::path& part : outer) {
    if (part.empty()) continue;  // a trailing separator
    while (i != inner.end() && i->empty()) ++i;
    if (i == inner.end() || *i != part) return false;
    ++i;
  }
  return true;
}

}  // namespace

InputSet::~InputSet() {
  if (!spool_.empty()) ::unlink(spool_.c_str());
}

InputSet::InputSet(InputSet&& other) noexcept
    : files_(std::move(other.files_)),
      roots_(std::move(other.roots_)),
      spool_(std::exchange(other.spool_, std::string())) {}

absl::StatusOr<InputSet> ResolveInputs(std::span<const std::string> args) {
  InputSet set;  // owns the spooled stdin from the moment it exists, so errors clean it up
  for (const std::string& arg : args) {
    if (arg == "-") {
      if (!set.spool_.empty()) return absl::InvalidArgumentError("-: stdin given more than once");
      NEARDUP_ASSIGN_OR_RETURN(set.spool_, SpoolStdin());
      set.files_.push_back(
          InputFile{set.spool_, "<stdin>", "stdin.jsonl", InputFormat::kJsonl, Compression::kNone});
      continue;
    }
    NEARDUP_ASSIGN_OR_RETURN(const fs::file_status status, StatusOf(arg));
    if (fs::is_directory(status)) {
      NEARDUP_ASSIGN_OR_RETURN(std::vector<InputFile> files, WalkDirectory(arg));
      for (InputFile& file : files) set.files_.push_back(std::move(file));
    } else {
      NEARDUP_ASSIGN_OR_RETURN(InputFile file, SingleFile(arg));
      set.files_.push_back(std::move(file));
    }
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(arg, ec);
    if (ec) {
      return absl::InternalError(absl::StrFormat("%s: cannot resolve: %s", arg, ec.message()));
    }
    set.roots_.push_back(root.string());
  }
  NEARDUP_RETURN_IF_ERROR(CheckDistinctOutputs(set.files_));
  return set;
}

absl::Status CheckOutputDir(const InputSet& inputs, const std::string& outdir) {
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(outdir, ec);
  if (ec) {
    return absl::InvalidArgumentError(absl::StrFormat("OUTDIR '%s': %s", outdir, ec.message()));
  }
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("OUTDIR '%s' exists and is not a directory", outdir));
  }
  for (const std::string& root : inputs.roots()) {
    if (fs::is_directory(root, ec) && IsWithin(out, root)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "OUTDIR '%s' is inside input '%s'; choose a directory outside the inputs", outdir, root));
    }
  }
  for (const InputFile& file : inputs.files()) {
    const fs::path target = fs::weakly_canonical(fs::path(outdir) / file.relative, ec);
    if (ec) continue;
    const fs::path source = fs::weakly_canonical(file.path, ec);
    if (!ec && target == source) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "OUTDIR '%s' would overwrite input '%s'; choose a directory outside the inputs", outdir,
          file.display));
    }
  }
  return absl::OkStatus();
}

}  // namespace neardup
