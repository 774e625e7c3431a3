// The detection `report` and `check` share: flags to a validated config, inputs resolved, the
// engine run with the progress line.
#ifndef NEARDUP_CLI_DETECT_H_
#define NEARDUP_CLI_DETECT_H_

#include "absl/status/statusor.h"
#include "cli/options.h"
#include "neardup/io/inputs.h"
#include "neardup/engine/pipeline.h"
#include "neardup/report.h"

namespace neardup::cli {

struct Detection {
  InputSet inputs;  // kept for a second read (the HTML report shows texts)
  Report report;
  RunProfile seconds;
};

// Errors: a bad option, a missing or unreadable input, a malformed record: all usage or input
// errors (exit code 2).
absl::StatusOr<Detection> Detect(const CommonOptions& options);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_DETECT_H_
