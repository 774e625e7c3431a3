#include "cli/progress.h"

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "absl/strings/str_format.h"

namespace neardup::cli {
namespace {

constexpr auto kMinInterval = std::chrono::milliseconds(250);  // at most 4 redraws a second
constexpr auto kPlainInterval = std::chrono::seconds(5);       // lines into a log
constexpr double kMegabyte = 1e6;

// Columns of the terminal on stderr; 0 when unknown.
size_t TerminalColumns() {
  struct winsize size = {};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

void Write(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace

bool WantProgress(const CommonOptions& options) {
  if (options.quiet) return false;
  return options.progress || isatty(STDERR_FILENO) == 1;
}

uint64_t KnownInputBytes(const InputSet& inputs) {
  uint64_t total = 0;
  for (const InputFile& file : inputs.files()) {
    struct stat info;
    if (file.compression != Compression::kNone || stat(file.path.c_str(), &info) != 0) return 0;
    total += static_cast<uint64_t>(info.st_size);
  }
  return total;
}

std::string FormatProgress(const Progress& p, uint64_t total_bytes, double seconds) {
  if (p.stage != "sign") return absl::StrFormat("neardup: %d docs read, %s...", p.documents, p.stage);
  const double megabytes = static_cast<double>(p.bytes) / kMegabyte;
  std::string out = absl::StrFormat("neardup: %d docs, %.1f", p.documents, megabytes);
  if (total_bytes > 0) out += absl::StrFormat(" of %.1f", static_cast<double>(total_bytes) / kMegabyte);
  const double rate = seconds > 0 ? megabytes / seconds : 0.0;
  out += absl::StrFormat(" MB, %.1f MB/s", rate);
  if (total_bytes > 0 && rate > 0) {
    // Text bytes can fall short of file bytes (JSON escapes, other fields): never below zero.
    const uint64_t rest = p.bytes >= total_bytes ? 0 : total_bytes - p.bytes;
    const double left = static_cast<double>(rest) / kMegabyte / rate;
    out += absl::StrFormat(", %.0f s left", left);
  }
  return out;
}

std::string FitToWidth(std::string_view line, size_t columns) {
  if (columns == 0 || line.size() < columns) return std::string(line);
  // Whole parts ("45.1 of 120.0 MB") read better than a part cut in the middle.
  const size_t comma = line.substr(0, columns - 1).rfind(", ");
  if (comma != std::string_view::npos) return std::string(line.substr(0, comma));
  return std::string(line.substr(0, columns - 1));
}

ProgressLine::ProgressLine(bool enabled, uint64_t total_bytes)
    : enabled_(enabled),
      terminal_(isatty(STDERR_FILENO) == 1),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()) {}

ProgressFn ProgressLine::callback() {
  if (!enabled_) return nullptr;
  return [this](const Progress& p) { Update(p); };
}

void ProgressLine::Update(const Progress& p) {
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < (terminal_ ? kMinInterval : kPlainInterval)) return;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const std::string line = FormatProgress(p, total_bytes_, seconds);
  if (terminal_) {
    // "\x1b[K" erases what a longer previous line left, without writing past the last column.
    Write("\r" + FitToWidth(line, TerminalColumns()) + "\x1b[K");
  } else {
    Write(line + "\n");
  }
  drawn_ = true;
  last_draw_ = now;
}

void ProgressLine::Clear() {
  if (!drawn_) return;
  if (terminal_) Write("\r\x1b[K");
  drawn_ = false;
}

}  // namespace neardup::cli
