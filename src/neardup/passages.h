// Passages of one document, sketched for every passage rule, and the repeats inside it.
//
// SketchPassages() segments a text and, per passage, keeps what later stages decide on without
// the text: its normalized fingerprint (exact repeats, boilerplate), its opening words (templated
// boilerplate), its word-shingle set when long enough for near matching (cross-document repeats),
// and whether it repeats an earlier kept passage of the same document.
//
// A repeat is identical after normalization, or (for passages of at least `near_min_words` words)
// of word-shingle Jaccard >= `near_threshold`. The first copy stays. Near candidates come from a
// prefix-filter index, which finds every pair above the threshold without comparing all pairs.
#ifndef NEARDUP_PASSAGES_H_
#define NEARDUP_PASSAGES_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "neardup/segment.h"

namespace neardup {

struct PassageOptions {
  SegmentOptions segment;
  int shingle_words = 3;         // word k-grams for passage similarity
  size_t near_min_words = 8;     // shorter passages only count when identical
  double near_threshold = 0.8;
  uint64_t seed = 1;
  size_t opening_words = 2;      // templated lines: how many opening words name the template
  size_t opening_max_words = 20; // ... and the longest line that can be one
};

struct PassageSketch {
  Passage span;
  uint32_t line = 0;             // 1-based line of span.start
  uint32_t words = 0;            // 0: no content (punctuation only); never matched
  uint64_t fingerprint = 0;      // XXH3 of the normalized passage
  uint64_t opening = 0;          // XXH3 of its opening words; 0 when not a template candidate
  int32_t within_copy = -1;      // index of the kept passage of this document it repeats
  double within_similarity = 1.0;
  std::vector<uint64_t> shingles;  // word shingles, only when words >= near_min_words
};

std::vector<PassageSketch> SketchPassages(std::string_view text, const PassageOptions& options);

// Bytes removed with passage i when `removed` passages go: [start, removal_end), extended over
// the line terminator when every piece of its line goes too.
std::pair<size_t, size_t> RemovalSpan(std::span<const PassageSketch> passages,
                                      const std::vector<bool>& removed, size_t i);

// The same Jaccard threshold test the passage rules use, with a size filter first.
double PassageSimilarity(std::span<const uint64_t> a, std::span<const uint64_t> b, double threshold);

// Elements of a sorted set of size n that any set of Jaccard >= t with it must share one of.
size_t PrefixLength(size_t n, double t);

struct RepeatedPassage {
  size_t start = 0;        // removed bytes [start, end), terminator included
  size_t end = 0;
  size_t copy_start = 0;   // the kept copy it repeats, terminator excluded
  size_t copy_end = 0;
  double similarity = 1.0;
};

// Later copies of repeated passages within `text`, in text order. Thread-safe.
std::vector<RepeatedPassage> FindRepeatsWithin(std::string_view text, const PassageOptions& options);

}  // namespace neardup

#endif  // NEARDUP_PASSAGES_H_
