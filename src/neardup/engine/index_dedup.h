// Duplicate documents against a persistent index (store/index.h): what `neardup index add` and
// `neardup index query` run.
//
// The rule is the document rule of one run with --keep first, applied one document at a time: a
// document is a duplicate when it verifies (exact Jaccard of shingle sets >= threshold, or the
// same normalized text) against an indexed document that shares a band key with it; it is named
// after the earliest such document. Indexed documents were all kept (only kept documents are
// added), and every one precedes the new ones, so this is the decision a single run over all
// batches in order would make, without reading the archive: candidates come from the index's
// band keys and verification from its stored shingle sets. Memory holds one document at a time,
// whatever the size of the index.
//
// Not covered yet: containment (--containment) against the index, the fan-out cap of very large
// LSH buckets (lsh.h; an index verifies every document of a bucket), and the passage rules.
#ifndef NEARDUP_INDEX_DEDUP_H_
#define NEARDUP_INDEX_DEDUP_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/config.h"
#include "neardup/document.h"
#include "neardup/progress.h"
#include "neardup/report.h"
#include "neardup/engine/analyze.h"
#include "neardup/engine/sketch.h"
#include "neardup/store/index.h"
#include "neardup/store/spill.h"

namespace neardup {

// The parameters an index is built with and checked against: those of `config` that change
// document decisions (seed, num_perm, shingle, threshold, the banding, containment).
IndexParams IndexParamsOf(const Config& config);

// InvalidArgumentError when `config` asks for something an index cannot do yet (containment, a
// keep policy other than first), naming the option.
absl::Status CheckIndexConfig(const Config& config);

// An indexed document that a new document duplicates.
struct IndexMatch {
  uint32_t doc = 0;  // its number in the index (its order of addition)
  std::string id;
  std::string source;
  double similarity = 0.0;  // exact Jaccard of the shingle sets
  DocumentMatch match = DocumentMatch::kJaccard;  // kExact: same normalized text
};

struct IndexAddResult {
  uint64_t documents = 0;   // read
  uint64_t added = 0;
  uint64_t duplicates = 0;  // not added: duplicates of an indexed document or of an earlier one
};

// Adds the documents of `source` that are not duplicates (above) of the index or of documents
// added before them in this run, then commits them in one transaction. `index` must be open for
// writing; its parameters are checked first. Nothing is committed on error.
absl::StatusOr<IndexAddResult> AddToIndex(const DocumentSource& source, const Config& config, Index& index,
                                          const ProgressFn& progress = nullptr);

// Calls `visit` for each document of `source`, in order, with its duplicates in the index
// (ascending index number; empty when it has none). The index's parameters are checked first.
using IndexMatchVisitor = std::function<absl::Status(const Document&, std::span<const IndexMatch>)>;
absl::Status QueryIndex(const DocumentSource& source, const Config& config, const Index& index,
                        const IndexMatchVisitor& visit, const ProgressFn& progress = nullptr);

// A run's documents against the index (clean, report and check with --index): which of `docs`
// (ascending corpus numbers: the first of each exact group) duplicate an indexed document, by the
// rule above. Only documents sharing a band key with an indexed one are read again, for their
// shingle sets; memory holds the hits, never the index.
struct IndexHits {
  std::vector<uint32_t> docs;            // ascending
  std::vector<uint32_t> kept;            // per hit: its indexed document, as a slot of `indexed`
  std::vector<double> similarity;        // per hit
  std::vector<DocumentMatch> match;      // per hit: kExact or kJaccard
  std::vector<StoredDoc> indexed;        // the indexed documents named (shingles left empty)
};
absl::StatusOr<IndexHits> MatchIndex(const DocumentSource& source, const CorpusSketch& sketch,
                                     std::span<const uint32_t> docs, const Analyzer& analyzer, const Config& config,
                                     const Index& index, const SpillOptions& spill, uint64_t& documents_reread);

// After `clean --index`: adds the documents `report` keeps (CleanEdits: not dropped) to the index,
// reading `source` again, and commits them in one transaction with the run's parameters.
absl::StatusOr<uint64_t> AddKeptToIndex(const DocumentSource& source, const Config& config, const Report& report,
                                        Index& index);

}  // namespace neardup

#endif  // NEARDUP_INDEX_DEDUP_H_
