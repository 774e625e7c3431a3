// Text normalization for comparison: what makes two spellings of a passage count as the same.
//
// Normalize() applies Unicode NFKC and case folding (utf8proc), keeps letters, digits and marks,
// and folds every run of anything else (punctuation, symbols, spaces, controls) into one ASCII
// space, with no space at either end. Characters of scripts written without spaces (Han, kana,
// Thai, Lao, Khmer, Myanmar) become one word each, so word shingles turn into character shingles
// there. Bytes that are not valid UTF-8 are kept as one-byte word characters, so such documents
// are still compared (and written back verbatim by the cleaner).
//
// The result is only ever hashed, never shown, so it need not be valid UTF-8.
#ifndef NEARDUP_NORMALIZE_H_
#define NEARDUP_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace neardup {

// Normalized text plus, per normalized byte, the offset of the original byte that produced it.
// source.size() == text.size() + 1; the last entry is the original length, so a normalized range
// [a, b) maps back to original bytes [source[a], source[b]) (whole characters, never a cut word).
struct NormalizedText {
  std::string text;
  std::vector<uint32_t> source;
};

// Normalized text only; the fast path used for hashing. Linear time; thread-safe.
std::string Normalize(std::string_view original);

// Normalized text with the byte map. Precondition: original.size() < 4 GiB.
NormalizedText NormalizeWithMap(std::string_view original);

}  // namespace neardup

#endif  // NEARDUP_NORMALIZE_H_
