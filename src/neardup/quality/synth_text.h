// Text with labelled byte ranges, and the sentence boundaries the generator may rely on.
//
// The truth of an injection inside a line is only unambiguous where every reasonable sentence
// splitter agrees on the boundary. CleanEnds() therefore accepts only plain cases: a terminator
// after a word of two or more letters or digits that is no abbreviation, after at least four words,
// followed by the line's end, by one space and a capital, or glued to a capital. Injections are
// placed at such ends only; everything else in the base text is left as it is.
//
// MarkedText keeps truth spans and natural-negative spans right while pieces are joined or text
// is inserted, so a label never drifts from the bytes it names.
#ifndef NEARDUP_SYNTH_TEXT_H_
#define NEARDUP_SYNTH_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "neardup/quality/synth_truth.h"

namespace neardup {

// Offsets e (0 < e <= line.size()) where a sentence ends cleanly: line[e - 1] is the terminator.
std::vector<size_t> CleanEnds(std::string_view line);

// [start, end) of the sentences of `line` that lie between clean ends (or the line's start) and
// a clean end, and that hold no other '.', '!' or '?': sentences no splitter cuts in two.
std::vector<std::pair<size_t, size_t>> StrictSentences(std::string_view line);

// True when `line` ends cleanly (its last sentence has a clean end at line.size()).
bool EndsCleanly(std::string_view line);

bool StartsWithCapital(std::string_view text);  // ASCII A-Z
std::string Capitalized(std::string_view text);  // first byte upper-cased when it is a-z

// Words of `text` split on spaces.
std::vector<std::string_view> SpaceWords(std::string_view text);

// True for words of letters only (ASCII), at least `min_letters` long.
bool IsPlainWord(std::string_view word, size_t min_letters);

struct MarkedText {
  std::string text;
  std::vector<TruthSpan> spans;      // offsets into text
  std::vector<NaturalSpan> natural;  // offsets into text
  // Ranges no insertion may fall strictly inside (a caption and its repeat, a list).
  std::vector<std::pair<size_t, size_t>> protect;

  void Append(std::string_view plain);
  void Append(const MarkedText& other);
  // Inserts `plain` at `at`, shifting every range at or after it; ranges around `at` grow.
  void Insert(size_t at, std::string_view plain);
  void AddSpan(size_t start, size_t end, Injection injection, bool ambiguous = false);
  void AddNatural(size_t start, size_t end, Natural kind);
  // True when `at` is strictly inside a protected, natural or labelled range.
  bool Splits(size_t at) const;
};

}  // namespace neardup

#endif  // NEARDUP_SYNTH_TEXT_H_
