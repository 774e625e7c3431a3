// Text normalization for comparison: what makes two spellings of a passage count as the same.
//
// Normalize() applies Unicode NFKC and case folding (utf8proc), keeps letters, digits and marks,
// and folds every run of anything else (punctuation, symbols, spaces, controls) into one ASCII
// space, with no space at either end. Characters of scripts written without spaces (Han, kana,
// Thai, Lao, Khmer, Myanmar) become one word each, so word shingles turn into character shingles
// there. Bytes that are not valid UTF-8 are kept as one-byte word characters, so such documents
// are still compared (and written back verbatim by the cleaner).
//
// ASCII letters and digits take a table-driven fast path; utf8proc sees only non-ASCII clusters
// (and an ASCII character a combining mark may follow). The result is only ever hashed, never
// shown, so it need not be valid UTF-8.
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

// One word of normalized text and the original bytes it came from.
struct Token {
  uint32_t norm_begin = 0;  // [norm_begin, norm_end) of TokenizedText::text
  uint32_t norm_end = 0;
  uint32_t begin = 0;       // original bytes [begin, end): its first to its last character,
  uint32_t end = 0;         // combining marks included, no separator
};

// Normalized text and its words. Buffers are reused by Tokenize(), so a caller that tokenizes
// many documents with one TokenizedText allocates only while documents grow.
struct TokenizedText {
  std::string text;
  std::vector<Token> tokens;
};

// Normalized text only. Linear time; thread-safe.
std::string Normalize(std::string_view original);

// Normalized text with the byte map. Precondition: original.size() < 4 GiB.
NormalizedText NormalizeWithMap(std::string_view original);

// Normalized text with its words into `out` (previous contents replaced). out.text equals
// Normalize(original). Precondition: original.size() < 4 GiB.
void Tokenize(std::string_view original, TokenizedText& out);

}  // namespace neardup

#endif  // NEARDUP_NORMALIZE_H_
