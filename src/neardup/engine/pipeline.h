// The whole engine as one call: corpus in, Report out (the public Deduplicate() of neardup.h),
// plus what --verbose needs to know about a run. Reads the source once (plus, when there is
// boilerplate, up to the documents where it was first seen); keeps per document a few hundred
// bytes in memory and its shingles and passages in spill files, never its text.
#ifndef NEARDUP_PIPELINE_H_
#define NEARDUP_PIPELINE_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "neardup/neardup.h"
#include "neardup/store/index.h"

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

// Deduplicate() of neardup.h, filling `profile` (may be null) as it goes.
absl::StatusOr<Report> Deduplicate(const DocumentSource& source, const Config& config,
                                   const ProgressFn& progress, RunProfile* profile);

// The same against a persistent index (--index): the documents of `index` come before the
// corpus's, so a document that duplicates one is removed in its favour (index_dedup.h); the
// report names it (DocumentCluster::kept_in_index). The index is only read. Document rule only:
// passages and boilerplate are those of the corpus alone.
absl::StatusOr<Report> DeduplicateWithIndex(const DocumentSource& source, const Config& config, const Index& index,
                                            const ProgressFn& progress, RunProfile* profile);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_H_
