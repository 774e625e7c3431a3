// A glued body: the paragraphs of a document joined into one line, as scrapers do, with what
// scrapers glue into it: a caption printed twice in a row, the source's boilerplate after a
// sentence end or fused to a closing token ("(ren)SHARE"), and the whole body pasted twice.
//
// Spans follow the byte conventions of removed sentence pieces: a piece followed by another
// piece of its line takes the whitespace after it; the last piece of a line takes the
// whitespace before it. Where two pasted copies meet without a clean sentence end (the body ends
// in a list item, say), the first words of the second copy are marked ambiguous (not scored):
// whether a tool keeps the fused word or the piece straddling the joint is not a question the
// labels can answer.
#ifndef NEARDUP_SYNTH_GLUED_H_
#define NEARDUP_SYNTH_GLUED_H_

#include <string>
#include <vector>

#include "neardup/quality/synth_natural.h"
#include "neardup/quality/synth_random.h"
#include "neardup/quality/synth_text.h"

namespace neardup {

struct GluedRequest {
  bool spaced = true;          // paragraphs joined with a space; else nothing between sentences
  bool pasted = false;         // the body pasted a second time...
  bool pasted_spaced = false;  // ...with a space between the copies
  std::string caption;         // non-empty: printed twice in a row before a paragraph
  bool caption_spaced = false;
  std::string mid_item;        // non-empty: inserted after a sentence end (ends in a terminator)
  bool mid_spaced = false;
  std::string end_item;        // non-empty: at the end of the line...
  bool end_fused = false;      // ...fused to " (<token>)", or else after the last sentence
  bool end_spaced = false;
  std::string token;           // letters of the closing token
};

struct GluedLine {
  MarkedText line;
  bool mid_placed = false;  // the items that found no place go on lines of their own
  bool end_placed = false;
};

// List lines of `lines` are joined with ";" into one paragraph (notes left out).
GluedLine BuildGluedLine(const std::vector<NaturalLine>& lines, const GluedRequest& request,
                         SynthRandom& random);

}  // namespace neardup

#endif  // NEARDUP_SYNTH_GLUED_H_
