// The document rule: exact groups, LSH candidates, exact verification (against the shingle sets
// spilled by the first pass), containment, and clustering without chaining.
#ifndef NEARDUP_DOC_DEDUP_H_
#define NEARDUP_DOC_DEDUP_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/cluster.h"
#include "neardup/config.h"
#include "neardup/lsh.h"
#include "neardup/report.h"
#include "neardup/sketch.h"

namespace neardup {

struct DocumentDecisions {
  Clusters clusters;
  std::vector<DocumentMatch> match;  // how each removed document matched
  uint64_t candidate_pairs = 0;
  uint64_t verified_pairs = 0;
};

// Decides which documents are duplicates of which. Runs its parallel parts as tasks of the
// current arena.
absl::StatusOr<DocumentDecisions> DecideDocuments(const CorpusSketch& sketch, const Config& config,
                                                  const LshParams& lsh, const LshParams& containment_lsh);

}  // namespace neardup

#endif  // NEARDUP_DOC_DEDUP_H_
