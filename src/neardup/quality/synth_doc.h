// One synthetic document as a list of planned lines, and its rendering into text plus the exact
// byte spans of every labelled line. Keeping the plan separate from the bytes means a span can
// never drift from the text it labels: both come out of the same Render() call.
#ifndef NEARDUP_SYNTH_DOC_H_
#define NEARDUP_SYNTH_DOC_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/quality/synth_random.h"
#include "neardup/quality/synth_truth.h"

namespace neardup {

struct PlannedLine {
  std::string text;  // without a terminator
  std::optional<Injection> label;  // set: the line is a duplicate span of this injection
  bool ambiguous = false;
  double similarity = 1.0;
  // Appended to the previous line with nothing between. Its span then ends before the line
  // terminator, which stays with the first part; the previous line must not be labelled.
  bool same_line = false;
  // Spans inside an unlabelled line (offsets into `text`): injections inside a glued line, and
  // natural negatives. A labelled line's own marks are dropped: the whole line is duplicate.
  std::vector<TruthSpan> inner;
  std::vector<NaturalSpan> natural;
  bool in_list = false;  // a line of a natural list: nothing is inserted between two of them
};

// True when a line may be inserted before lines[at] without splitting a list.
bool InsertableAt(const std::vector<PlannedLine>& lines, size_t at);

struct RenderedDocument {
  std::string text;
  std::vector<TruthSpan> spans;      // ascending
  std::vector<NaturalSpan> natural;  // ascending; a list's lines are one span
};

// Every line followed by "\n" (same_line parts joined without one). A labelled line's span
// covers the line and its terminator; inner spans and natural spans are moved to the line's
// place, and natural spans of one kind that touch are merged.
RenderedDocument Render(const std::vector<PlannedLine>& lines);

// Word 3-gram Jaccard of two lines after normalization (1 when they normalize equal), as the
// engine's passage rules measure it.
double LineSimilarity(std::string_view a, std::string_view b);

// Word 5-gram Jaccard of two documents, as the engine's document rule measures it.
double DocumentSimilarity(std::string_view a, std::string_view b);

size_t WordCount(std::string_view text);  // words after normalization

// Words of `line` (split on spaces), each substituted, deleted or followed by an inserted word
// with probability rate/3, new words drawn from `vocabulary`. May return an empty string.
std::string EditWords(std::string_view line, double rate, const std::vector<std::string>& vocabulary,
                      SynthRandom& random);

// `line` with `count` of its words (not the first or last two) replaced from `vocabulary`.
std::string SubstituteWords(std::string_view line, int count, const std::vector<std::string>& vocabulary,
                            SynthRandom& random);

// `line` with one word inserted at a random place.
std::string InsertWord(std::string_view line, const std::vector<std::string>& vocabulary,
                       SynthRandom& random);

// The first `words` words of `line`.
std::string FirstWords(std::string_view line, size_t words);

}  // namespace neardup

#endif  // NEARDUP_SYNTH_DOC_H_
