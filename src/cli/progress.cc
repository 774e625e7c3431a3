#include "cli/progress.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "absl/strings/str_format.h"

namespace neardup::cli {
namespace {

constexpr auto kMinInterval = std::chrono::milliseconds(250);  // at most 4 redraws a second
constexpr double kMegabyte = 1e6;

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

ProgressLine::ProgressLine(bool enabled, uint64_t total_bytes)
    : enabled_(enabled), total_bytes_(total_bytes), start_(std::chrono::steady_clock::now()) {}

ProgressFn ProgressLine::callback() {
  if (!enabled_) return nullptr;
  return [this](const Progress& p) { Update(p); };
}

void ProgressLine::Update(const Progress& p) {
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < kMinInterval) return;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const std::string line = FormatProgress(p, total_bytes_, seconds);
  // Pad over what a longer previous line left on screen.
  const std::string pad(width_ > line.size() ? width_ - line.size() : 0, ' ');
  std::fprintf(stderr, "\r%s%s", line.c_str(), pad.c_str());
  std::fflush(stderr);
  width_ = line.size();
  drawn_ = true;
  last_draw_ = now;
}

void ProgressLine::Clear() {
  if (!drawn_) return;
  const std::string blank(width_, ' ');
  std::fprintf(stderr, "\r%s\r", blank.c_str());
  std::fflush(stderr);
  drawn_ = false;
  width_ = 0;
}

}  // namespace neardup::cli
