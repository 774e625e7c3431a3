#include "cli/signals.h"

#include <unistd.h>

#include <csignal>

#include "neardup/io/temp_files.h"

namespace neardup::cli {
namespace {

// Only async-signal-safe calls: unlink() inside RemoveTemporaryFiles, write(), _exit().
extern "C" void OnTerminate(int signal) {
  RemoveTemporaryFiles();
  // The progress line may be half drawn; end it so the shell prompt starts on a line of its own.
  if (::isatty(STDERR_FILENO) == 1) {
    const char newline = '\n';
    [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, &newline, 1);
  }
  ::_exit(128 + signal);
}

}  // namespace

void InstallSignalHandlers() {
  std::signal(SIGPIPE, SIG_IGN);
  struct sigaction action = {};
  action.sa_handler = OnTerminate;
  sigemptyset(&action.sa_mask);
  // A second signal while the first is handled waits; the handler exits anyway.
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGTERM);
  for (const int signal : {SIGINT, SIGTERM}) {
    // A signal the parent told us to ignore (SIGINT for a background job of a script) stays so.
    struct sigaction previous = {};
    if (::sigaction(signal, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;
    ::sigaction(signal, &action, nullptr);
  }
}

}  // namespace neardup::cli
