// The document rule: exact groups, LSH candidates, exact verification (the candidates are read
// again and their shingle sets computed), containment, and clustering without chaining.
#ifndef NEARDUP_DOC_DEDUP_H_
#define NEARDUP_DOC_DEDUP_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/engine/analyze.h"
#include "neardup/similarity/cluster.h"
#include "neardup/config.h"
#include "neardup/document.h"
#include "neardup/similarity/lsh.h"
#include "neardup/report.h"
#include "neardup/engine/sketch.h"
#include "neardup/store/spill.h"

namespace neardup {

struct DocumentDecisions {
  Clusters clusters;
  std::vector<DocumentMatch> match;  // how each removed document matched
  uint64_t candidate_pairs = 0;
  uint64_t verified_pairs = 0;
  uint64_t documents_reread = 0;
};

// Decides which documents are duplicates of which. Runs its parallel parts as tasks of the
// current arena.
absl::StatusOr<DocumentDecisions> DecideDocuments(const DocumentSource& source, const CorpusSketch& sketch,
                                                  const Analyzer& analyzer, const Config& config,
                                                  const SpillOptions& spill);

}  // namespace neardup

#endif  // NEARDUP_DOC_DEDUP_H_
