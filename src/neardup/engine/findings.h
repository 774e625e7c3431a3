// The passage rules applied to the kept documents of a sketched corpus: boilerplate (counted over
// every document first), templated boilerplate, repeats within a document (lines and glued runs),
// and repeats of passages of earlier kept documents.
#ifndef NEARDUP_FINDINGS_H_
#define NEARDUP_FINDINGS_H_

#include <span>
#include <vector>

#include "absl/status/status.h"
#include "neardup/engine/analyze.h"
#include "neardup/passages/boilerplate.h"
#include "neardup/passages/crossdoc.h"
#include "neardup/config.h"
#include "neardup/document.h"
#include "neardup/report.h"
#include "neardup/engine/sketch.h"
#include "neardup/store/spill.h"

namespace neardup {

// Fills report.passages, report.boilerplate (text left empty), stats.rules, stats.sources and the
// passage totals of stats. `kept_as[d]` is the kept document of d's duplicate cluster (d itself
// when d is kept);
// `boilerplate` and `across` hold the records of the first pass; documents with candidates for
// a near copy are read again from `source`. Runs its parallel parts as tasks of the current arena.
// `reread` counts the documents read again.
absl::Status ApplyPassageRules(const DocumentSource& source, const CorpusSketch& corpus,
                               std::span<const uint32_t> kept_as, BoilerplateCounter& boilerplate,
                               CrossDocMatcher& across, const Analyzer& analyzer, const Config& config,
                               Report& report, uint64_t& reread);

// Reads `source` once more, up to the last document where boilerplate was first seen, and fills
// in each entry's text. Does nothing when there is no boilerplate.
absl::Status FillBoilerplateText(const DocumentSource& source, const Config& config, Report& report);

}  // namespace neardup

#endif  // NEARDUP_FINDINGS_H_
