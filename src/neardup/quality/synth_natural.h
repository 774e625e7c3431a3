// Natural negatives: repetition that real prose has and a correct tool keeps, built from a base
// document's own words (and, for continuations, words of documents the corpus does not contain).
//
// - a restated quote: one of the document's sentences repeated once, inside a later paragraph
//   that has other sentences, never right after its copy;
// - rhetoric: a phrase of 3-6 words of a sentence repeated later in the same sentence with
//   another continuation ("P R, p C."), never back to back;
// - a list whose labels repeat with different values: items "- N <label> <Name> (a <x>, b <y>,
//   c <z>)", on lines of their own (optionally with a short note line repeated between items, as
//   in a fixtures list), or, in glued documents, joined with ";".
// Each becomes a NaturalSpan of the document's truth: no duplicate content, so any removal there
// is collateral damage.
#ifndef NEARDUP_SYNTH_NATURAL_H_
#define NEARDUP_SYNTH_NATURAL_H_

#include <string>
#include <vector>

#include "neardup/quality/synth_base.h"
#include "neardup/quality/synth_random.h"
#include "neardup/quality/synth_text.h"

namespace neardup {

struct NaturalOptions {
  double restated_quote_rate = 0.0;
  double rhetoric_rate = 0.0;
  double label_list_rate = 0.0;
};

struct NaturalLine {
  MarkedText text;   // natural spans relative to the line
  bool list = false;  // a line of the label list (item or note)
  bool note = false;  // a short note line between list items
};

struct NaturalDocument {
  std::string headline;
  std::vector<NaturalLine> lines;

  // The plain document (for copies, which are edited from it).
  BaseDocument Plain() const;
};

// `doc` with the negatives chosen by `random` at the given rates. `foreign` holds lines of
// documents not in the corpus, used for rhetorical continuations. A negative that does not fit
// the document (no suitable sentence or words) is left out.
NaturalDocument AddNaturalNegatives(const BaseDocument& doc, const NaturalOptions& options,
                                    const std::vector<std::string>& foreign, SynthRandom& random);

}  // namespace neardup

#endif  // NEARDUP_SYNTH_NATURAL_H_
