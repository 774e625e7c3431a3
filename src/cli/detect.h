// The detection `clean`, `report` and `check` share: flags to a validated config and resolved
// inputs (Prepare, before anything long runs, so that the commands can check their outputs
// first), then the engine with the progress line and the warnings about what was read (Detect).
#ifndef NEARDUP_CLI_DETECT_H_
#define NEARDUP_CLI_DETECT_H_

#include <memory>

#include <oneapi/tbb/global_control.h>

#include "absl/status/statusor.h"
#include "cli/options.h"
#include "neardup/io/corpus.h"
#include "neardup/io/inputs.h"
#include "neardup/engine/pipeline.h"
#include "neardup/report.h"
#include "neardup/store/index.h"

namespace neardup::cli {

struct Prepared {
  Config config;
  InputSet inputs;
};

// The config and the inputs (stdin and pipes spooled into --temp-dir). Under --verbose, says what
// a directory walk skipped. Errors: a bad option, a missing or unreadable input (exit code 2).
absl::StatusOr<Prepared> Prepare(const CommonOptions& options, const Messages& messages);

struct Detection {
  InputSet inputs;  // kept for a second read (cleaning, the texts in the HTML report)
  Report report;
  RunProfile seconds;
  ReadStats read;
  Config config;
  std::unique_ptr<Index> index;  // --index: open (for writing when clean adds to it)
};

// With --index, runs against the index (opened for writing when `write_index`, holding the
// writer's lock until the Detection goes). Errors (exit code 2): a directory that is not an
// index, an index built with other parameters, another writer, an option an index cannot take.
// Runs the engine on the prepared inputs, then warns about what the read saw: records repaired,
// a JSONL field missing from more than 1% of records (the count, and the first such record).
// Errors: a malformed record, an unreadable file, and a field (--text-field, --source-field,
// --url-field, --keep field:NAME) that no record has.
absl::StatusOr<Detection> Detect(const CommonOptions& options, Prepared prepared, const Messages& messages,
                                 bool write_index = false);

// The warnings and errors about what a complete read saw (Detect's): records repaired, a JSONL
// field missing from some records (a warning) or from all of them (an error).
absl::Status CheckRead(const ReadStats& read, const CommonOptions& options, const Messages& messages);

// Lets oneTBB run as many threads as --threads asks for, even more than there are cores (it would
// otherwise print a warning on stderr, --quiet or not). Lives as long as the command runs.
class ThreadLimit {
 public:
  explicit ThreadLimit(int threads);

 private:
  std::unique_ptr<tbb::global_control> control_;
};

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_DETECT_H_
