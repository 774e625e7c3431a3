// The plans of synthetic documents: which lines an original, a near copy or a truncated reprint
// is made of, and which of them are labelled duplicate content. Used by Synthesize().
#ifndef NEARDUP_SYNTH_PLAN_H_
#define NEARDUP_SYNTH_PLAN_H_

#include <deque>
#include <string>
#include <vector>

#include "neardup/quality/synth_base.h"
#include "neardup/quality/synth_doc.h"
#include "neardup/quality/synth_natural.h"
#include "neardup/quality/synth_options.h"
#include "neardup/quality/synth_random.h"

namespace neardup {

// A site: the lines it stamps on its pages and the prefix of its templated links.
struct SourceProfile {
  std::string name;
  std::string top_line;         // boilerplate line after the headline: a share bar ("SHARE")
  std::string bottom_line;      // boilerplate line at the end: a sentence ("Comments are closed.")
  std::string template_prefix;  // "Read also:"
};

// `count` sources, drawn in order from fixed pools of invented lines and prefixes.
std::vector<SourceProfile> MakeSources(size_t count);

// What the plans share: options, sources, words for edits, titles for templated lines, and
// paragraphs no other document contains (each used once, by near copies).
struct PlanContext {
  const SynthOptions& options;
  const std::vector<SourceProfile>& sources;
  const std::vector<std::string>& vocabulary;  // not empty
  const std::vector<std::string>& titles;      // not empty
  std::deque<std::string>& spare_paragraphs;
};

struct OriginalPlan {
  std::vector<PlannedLine> lines;
  bool glued = false;  // copies other than exact re-scrapes are not made of glued originals
};

// `index` (the original's number) names its closing token, so that no two originals share one.
OriginalPlan PlanOriginal(const NaturalDocument& doc, size_t index, size_t source,
                          const PlanContext& context, SynthRandom& random);

// The closing token of original `index`: three letters, distinct for indexes below 26^3.
std::string ClosingToken(size_t index);
std::vector<PlannedLine> PlanNearCopy(const BaseDocument& doc, size_t source,
                                      const PlanContext& context, SynthRandom& random);
std::vector<PlannedLine> PlanTruncated(const BaseDocument& doc, size_t source,
                                       const PlanContext& context, SynthRandom& random);

}  // namespace neardup

#endif  // NEARDUP_SYNTH_PLAN_H_
