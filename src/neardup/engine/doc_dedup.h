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
#include "neardup/store/index.h"
#include "neardup/store/spill.h"

namespace neardup {

struct DocumentDecisions {
  Clusters clusters;
  std::vector<DocumentMatch> match;  // how each removed document matched
  uint64_t candidate_pairs = 0;
  uint64_t verified_pairs = 0;
  uint64_t documents_reread = 0;
  // With an index: the indexed documents that documents of the run duplicate. A document removed
  // in favour of indexed[k] has kept_as == size() + k.
  std::vector<StoredDoc> indexed;
};

// Decides which documents are duplicates of which. Runs its parallel parts as tasks of the
// current arena. With `index` (not null), every indexed document precedes the run's: a document
// that duplicates one is removed in its favour (index_dedup.h) and removes no other.
absl::StatusOr<DocumentDecisions> DecideDocuments(const DocumentSource& source, const CorpusSketch& sketch,
                                                  const Analyzer& analyzer, const Config& config,
                                                  const SpillOptions& spill, const Index* index = nullptr);

}  // namespace neardup

#endif  // NEARDUP_DOC_DEDUP_H_
