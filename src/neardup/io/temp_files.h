// The temporary files a run has created and not yet renamed or deleted, so that a signal handler
// can remove them before the process dies (SIGINT or SIGTERM would otherwise leave a hidden
// partial output, up to tens of megabytes, that no later run removes).
//
// This is the one piece of process-wide state in the I/O layer: a signal handler can reach
// nothing else. The table is fixed-size and lock-free, and RemoveTemporaryFiles() only calls
// unlink(), so it is safe to call from a signal handler. The library never installs handlers;
// the command-line program does.
#ifndef NEARDUP_IO_TEMP_FILES_H_
#define NEARDUP_IO_TEMP_FILES_H_

#include <string>
#include <string_view>

namespace neardup {

// Remembers `path` until ForgetTemporaryFile() is called with the returned ticket. Returns -1
// (the path is then not remembered) when the table is full or the path too long; callers go on
// regardless, since a remembered path only matters if a signal arrives.
int RememberTemporaryFile(std::string_view path);
void ForgetTemporaryFile(int ticket);

// Like mkstemp(`pattern`), but the name is remembered before the file is created (with O_EXCL),
// so a signal handled on any thread at any moment finds every file this run made. Returns the
// descriptor (or -1 with errno set) and the ticket in `ticket`.
int CreateTemporaryFile(std::string& pattern, int& ticket);

// Unlinks every remembered path. Async-signal-safe.
void RemoveTemporaryFiles();

}  // namespace neardup

#endif  // NEARDUP_IO_TEMP_FILES_H_
