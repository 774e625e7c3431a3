// SIGINT and SIGTERM: remove the temporary files this run created (a partial output beside its
// target, a named copy of stdin), then exit with 128 + the signal number (130, 143), as shells
// report a process killed by it.
#ifndef NEARDUP_CLI_SIGNALS_H_
#define NEARDUP_CLI_SIGNALS_H_

namespace neardup::cli {

// Installs the handlers, and ignores SIGPIPE so that a closed stdout pipe is an error value
// (EPIPE) that ends the run quietly rather than a signal that kills it.
void InstallSignalHandlers();

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_SIGNALS_H_
