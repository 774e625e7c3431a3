#include "text_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace neardup::python {
namespace {

constexpr size_t kBufferBytes = size_t{1} << 20;
// id length (4), source length (4), text length (8), flags (1).
constexpr size_t kHeaderBytes = 17;

void PutLittle(std::string& out, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

uint64_t GetLittle(const unsigned char* in, int bytes) {
  uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) value |= uint64_t{in[i]} << (8 * i);
  return value;
}

std::string TempDir(const std::string& dir) {
  if (!dir.empty()) return dir;
  const char* env = std::getenv("TMPDIR");
  return env != nullptr && *env != '\0' ? env : "/tmp";
}

}  // namespace

absl::StatusOr<std::unique_ptr<TextStore>> TextStore::Create(const std::string& dir) {
  const std::string where = TempDir(dir);
  std::string path = where + "/neardup-python-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) {
    return absl::ErrnoToStatus(errno, absl::StrCat("temp_dir ", where, ": cannot create a temporary file"));
  }
  // Unlinked at once: nothing is left behind, whatever ends the process.
  ::unlink(path.c_str());
  return std::unique_ptr<TextStore>(new TextStore(fd, where));
}

TextStore::~TextStore() { ::close(fd_); }

absl::Status TextStore::Error(std::string_view what) const {
  return absl::ErrnoToStatus(errno, absl::StrCat("temp_dir ", dir_, ": ", std::string(what)));
}

absl::StatusOr<uint64_t> TextStore::Append(std::string_view id, std::string_view source, std::string_view text,
                                           bool is_bytes) {
  const uint64_t position = written_ + buffer_.size();
  PutLittle(buffer_, id.size(), 4);
  PutLittle(buffer_, source.size(), 4);
  PutLittle(buffer_, text.size(), 8);
  buffer_.push_back(is_bytes ? 1 : 0);
  buffer_.append(id).append(source).append(text);
  positions_.push_back(position);
  if (buffer_.size() >= kBufferBytes) {
    if (absl::Status s = Flush(); !s.ok()) return s;
  }
  return position;
}

absl::Status TextStore::Flush() {
  size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::pwrite(fd_, buffer_.data() + done, buffer_.size() - done, static_cast<off_t>(written_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Error("cannot write the texts' temporary file");
    done += static_cast<size_t>(n);
  }
  written_ += buffer_.size();
  buffer_.clear();
  return absl::OkStatus();
}

absl::Status TextStore::Finish() { return Flush(); }

absl::StatusOr<StoredText> TextStore::Read(uint64_t position) const {
  const auto read_at = [this](char* out, size_t size, uint64_t at) -> absl::Status {
    size_t done = 0;
    while (done < size) {
      const ssize_t n = ::pread(fd_, out + done, size - done, static_cast<off_t>(at + done));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Error("cannot read the texts' temporary file");
      if (n == 0) return absl::DataLossError(absl::StrCat("temp_dir ", dir_, ": temporary file truncated"));
      done += static_cast<size_t>(n);
    }
    return absl::OkStatus();
  };
  unsigned char header[kHeaderBytes];
  if (absl::Status s = read_at(reinterpret_cast<char*>(header), kHeaderBytes, position); !s.ok()) return s;
  const size_t id_size = GetLittle(header, 4);
  const size_t source_size = GetLittle(header + 4, 4);
  const size_t text_size = GetLittle(header + 8, 8);
  std::string all(id_size + source_size + text_size, '\0');
  if (absl::Status s = read_at(all.data(), all.size(), position + kHeaderBytes); !s.ok()) return s;
  StoredText out;
  out.is_bytes = header[16] != 0;
  out.id = all.substr(0, id_size);
  out.source = all.substr(id_size, source_size);
  all.erase(0, id_size + source_size);
  out.text = std::move(all);
  return out;
}

}  // namespace neardup::python
