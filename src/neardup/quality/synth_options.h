// The knobs of `neardup synth` (synth.h): rates of each kind of copy and injection, and the seed.
// A header of its own so that the document plans (synth_plan.h) read them without depending on
// the generator that uses the plans.
#ifndef NEARDUP_SYNTH_OPTIONS_H_
#define NEARDUP_SYNTH_OPTIONS_H_

#include <cstddef>
#include <cstdint>

namespace neardup {

struct SynthOptions {
  uint64_t seed = 1;
  size_t max_base = 3000;        // base documents that become originals
  size_t reserve = 200;          // more, used only as paragraphs added to near copies
  size_t min_base_bytes = 400;   // body bytes (headline excluded) a base document needs
  size_t sources = 8;            // sites, each with its boilerplate lines and templated prefix
  // Shares of originals that get each copy or injection.
  double exact_rate = 0.05;      // re-scraped byte for byte (same source)
  double near_rate = 0.15;       // near copy: same source or another
  double truncated_rate = 0.05;  // first 30-95% of the body, in a random source
  double pasted_rate = 0.05;     // body (or its second part) pasted twice, line text
  double glued_rate = 0.15;      // body written as one line (any length)...
  double glued_pasted_rate = 0.5;  // ...of those, pasted twice...
  double glued_space_rate = 0.5;   // ...paragraphs joined with a space, not glued at sentence ends
  double glued_boilerplate_rate = 0.7;  // a glued document's boilerplate goes inside its line...
  double fused_rate = 0.5;         // ...and at the line's end, fused to a closing token "(xyz)"
  double caption_rate = 0.05;    // a short caption line scraped twice
  double tandem_rate = 0.05;     // a caption printed twice in a row inside a line
  double near_paragraph_rate = 0.05;  // a long paragraph repeated later with 1-2 words changed
  double boilerplate_rate = 0.5;  // each of the source's two boilerplate lines, per document
  double template_rate = 0.3;     // one or two templated lines ("Read also: <title>")
  // Natural negatives: shares of originals given each kind of natural repetition.
  double restated_quote_rate = 0.1;
  double rhetoric_rate = 0.1;
  double label_list_rate = 0.1;
  double edit_rate = 0.03;        // near copies: word edit rate drawn from [0, edit_rate]
  double ambiguous_low = 0.75;    // copies with true Jaccard in [low, high) are ambiguous
  double ambiguous_high = 0.85;
};

}  // namespace neardup

#endif  // NEARDUP_SYNTH_OPTIONS_H_
