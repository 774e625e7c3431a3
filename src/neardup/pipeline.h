// The whole engine as one call: corpus in, Report out. Reads the source once (plus, when there
// is boilerplate, up to the documents where it was first seen); keeps per document a few hundred
// bytes in memory and its shingles and passages in spill files, never its text.
#ifndef NEARDUP_PIPELINE_H_
#define NEARDUP_PIPELINE_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/config.h"
#include "neardup/document.h"
#include "neardup/first_pass.h"
#include "neardup/io/clean_writer.h"
#include "neardup/report.h"

namespace neardup {

struct StageSeconds {
  double sign = 0, verify = 0, cluster = 0, passages = 0;
};

// Runs every stage on `source` on config.threads threads. Errors: an invalid config, the first
// read error of the source, a temporary file that cannot be written. The result depends only on
// the documents, the config and the seed, never on config.threads. `progress` (may be empty) is
// called from the calling thread only; `seconds` may be null.
absl::StatusOr<Report> Deduplicate(const DocumentSource& source, const Config& config,
                                   const ProgressFn& progress, StageSeconds* seconds = nullptr);

// The edits that turn the corpus into its cleaned form: drop removed documents, cut removed
// passages from kept ones. One entry per document.
std::vector<DocumentEdit> CleanEdits(const Report& report);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_H_
