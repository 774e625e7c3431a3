#include "cli/output.h"

#include <unistd.h>

#include <cerrno>

#include "absl/strings/str_format.h"
#include "neardup/io/byte_stream.h"

namespace neardup::cli {

absl::Status WriteStdout(std::string_view text) {
  // write(2) rather than stdio: stdio buffers, and its errors surface late or not at all.
  while (!text.empty()) {
    const ssize_t n = ::write(STDOUT_FILENO, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) return BrokenPipeError("stdout");
      return absl::ErrnoToStatus(errno, "stdout: write failed");
    }
    text.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

int ExitAfterWrite(const absl::Status& status, const Messages& messages, int ok_code) {
  if (status.ok() || IsBrokenPipe(status)) return ok_code;
  messages.Error(status);
  return kExitUsage;
}

}  // namespace neardup::cli
