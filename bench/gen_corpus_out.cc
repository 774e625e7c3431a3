#include "gen_corpus_out.h"

#include <array>
#include <cerrno>
#include <cstring>

#include "absl/strings/str_format.h"

namespace neardup::bench {
namespace {

constexpr size_t kFlushBytes = size_t{8} << 20;

absl::Status FileError(const std::string& path, std::string_view what) {
  return absl::UnavailableError(
      absl::StrFormat("%s: cannot %s (%s)", path, what, std::strerror(errno)));
}

// Per byte: 0 when it is copied as is, else the letter of its short escape or 'u' for \u00XX.
constexpr std::array<char, 256> EscapeTable() {
  std::array<char, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = 'u';
  table['"'] = '"';
  table['\\'] = '\\';
  table['\n'] = 'n';
  table['\t'] = 't';
  table['\r'] = 'r';
  table['\b'] = 'b';
  table['\f'] = 'f';
  return table;
}
constexpr std::array<char, 256> kEscape = EscapeTable();

}  // namespace

OutputFile::~OutputFile() {
  if (file_ != nullptr) std::fclose(file_);
  if (!committed_ && !tmp_path_.empty()) std::remove(tmp_path_.c_str());
}

absl::Status OutputFile::Open(const std::string& path) {
  path_ = path;
  tmp_path_ = path + ".tmp";
  file_ = std::fopen(tmp_path_.c_str(), "wb");
  if (file_ == nullptr) return FileError(tmp_path_, "create");
  buffer_.reserve(kFlushBytes + (size_t{1} << 20));
  return absl::OkStatus();
}

absl::Status OutputFile::Flush(bool all) {
  if (buffer_.empty() || (!all && buffer_.size() < kFlushBytes)) return absl::OkStatus();
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    return FileError(tmp_path_, "write");
  }
  written_ += buffer_.size();
  buffer_.clear();
  return absl::OkStatus();
}

absl::Status OutputFile::Commit() {
  if (absl::Status status = Flush(true); !status.ok()) return status;
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (closed != 0) return FileError(tmp_path_, "write");
  if (std::rename(tmp_path_.c_str(), path_.c_str()) != 0) return FileError(path_, "rename to");
  committed_ = true;
  return absl::OkStatus();
}

void AppendJsonString(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t run = 0;  // start of the bytes not yet appended
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const char escape = kEscape[c];
    if (escape == 0) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    out.push_back('\\');
    out.push_back(escape);
    if (escape == 'u') {
      out.append("00");
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

}  // namespace neardup::bench
