// Word-level differences between two copies of a text, for the review reports: a near-duplicate
// document or passage against the copy that was kept in its place.
#ifndef NEARDUP_RENDER_DIFF_H_
#define NEARDUP_RENDER_DIFF_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace neardup {

struct DiffPiece {
  enum Kind { kSame, kOnlyKept, kOnlyRemoved, kGap };
  Kind kind = kSame;
  std::string_view text;  // words with the whitespace after each, as in the text they come from
  size_t words = 0;       // kGap: the words of a common stretch left out
};

// The shortest edit (Myers' O((n + m)·d) algorithm) that turns the words of `kept` into those of
// `removed`, as maximal runs: words both have (as they are in `removed`), words only `kept` has,
// words only `removed` has. Words are compared byte for byte; whitespace between them is not
// compared. nullopt when either text has more than `max_words` words or the texts differ in more
// than `max_edits` words: such a diff would be too slow to compute or too long to read. The
// pieces view the two texts, which must outlive them.
std::optional<std::vector<DiffPiece>> WordDiff(std::string_view kept, std::string_view removed,
                                               size_t max_words = 20000, size_t max_edits = 2000);

// `pieces` with each common stretch cut to the `context` words next to a change: the words
// between become one kGap piece. A diff without changes comes back as it is.
std::vector<DiffPiece> WithContext(const std::vector<DiffPiece>& pieces, size_t context = 8);

}  // namespace neardup

#endif  // NEARDUP_RENDER_DIFF_H_
