// What the program writes on stdout, checked: a failed write (a full disk) is an error with exit
// code 2, while a closed pipe (the reader has gone, as with `| head`) ends the run quietly.
#ifndef NEARDUP_CLI_OUTPUT_H_
#define NEARDUP_CLI_OUTPUT_H_

#include <string_view>

#include "absl/status/status.h"
#include "cli/options.h"

namespace neardup::cli {

// Writes all of `text` to file descriptor 1, retrying short writes. Errors name "stdout"; a
// closed pipe gives IsBrokenPipe().
absl::Status WriteStdout(std::string_view text);

// The exit code after writing an output with `status`: `ok_code` when it succeeded or met a
// closed pipe (which prints nothing), else kExitUsage after printing the error.
int ExitAfterWrite(const absl::Status& status, const Messages& messages, int ok_code);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_OUTPUT_H_
