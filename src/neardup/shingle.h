// Shingling: the set of overlapping k-grams that stands for a text in similarity estimates.
//
// Input is text already passed through Normalize(): words separated by single spaces. Word
// shingles hash runs of k consecutive words; character shingles hash runs of k characters (spaces
// included). A text with fewer than k units gets one shingle of the whole text, so no text (not
// even an empty one) has an empty set and identical short texts still match.
#ifndef NEARDUP_SHINGLE_H_
#define NEARDUP_SHINGLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace neardup {

enum class ShingleKind { kWord, kChar };

struct ShingleSpec {
  ShingleKind kind = ShingleKind::kWord;
  int k = 5;

  std::string ToString() const;  // "word:5", the same form ParseShingleSpec() accepts
  friend bool operator==(const ShingleSpec&, const ShingleSpec&) = default;
};

// Parses "word:K" or "char:K" with 1 <= K <= 64.
absl::StatusOr<ShingleSpec> ParseShingleSpec(std::string_view text);

// Sorted, duplicate-free XXH3 hashes (seeded with `seed`) of the k-grams of `normalized`.
// Allocates only the result. Thread-safe.
std::vector<uint64_t> Shingles(std::string_view normalized, const ShingleSpec& spec, uint64_t seed);

// Number of words in normalized text.
size_t CountWords(std::string_view normalized);

}  // namespace neardup

#endif  // NEARDUP_SHINGLE_H_
