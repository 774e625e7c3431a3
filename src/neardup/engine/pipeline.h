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
#include "neardup/engine/first_pass.h"
#include "neardup/io/clean_writer.h"
#include "neardup/report.h"

namespace neardup {

// Where a run spent its time and how much work each stage found, for --verbose. Timings vary
// from run to run and are never part of the report.
struct RunProfile {
  double sign = 0, verify = 0, cluster = 0, passages = 0;  // seconds
  uint64_t document_pairs = 0;       // LSH candidate pairs of documents
  uint64_t document_matches = 0;     // ... that verified
  uint64_t passage_pairs = 0;        // candidate pairs of passages across documents
  uint64_t passage_sketched = 0;     // ... whose sketches agreed
  uint64_t passage_matches = 0;      // ... that verified
  uint64_t documents_reread = 0;     // documents read a second time for verification
};

// Runs every stage on `source` on config.threads threads. Errors: an invalid config, the first
// read error of the source, a temporary file that cannot be written. The result depends only on
// the documents, the config and the seed, never on config.threads. `progress` (may be empty) is
// called from the calling thread only; `profile` may be null.
absl::StatusOr<Report> Deduplicate(const DocumentSource& source, const Config& config,
                                   const ProgressFn& progress, RunProfile* profile = nullptr);

// The edits that turn the corpus into its cleaned form: drop removed documents, cut removed
// passages from kept ones. One entry per document.
std::vector<DocumentEdit> CleanEdits(const Report& report);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_H_
