// Repeated passages inside one document: a paragraph pasted twice, a caption line repeated.
//
// The first copy stays; every later passage that repeats a kept passage goes. A repeat is either
// identical after normalization, or (for passages of at least `near_min_words` words) of word
// shingle Jaccard >= `near_threshold`. Near candidates come from a prefix-filter index, which
// finds every pair above the threshold without comparing all pairs of passages.
#ifndef NEARDUP_PASSAGES_H_
#define NEARDUP_PASSAGES_H_

#include <cstddef>
#include <cstdint>
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
};

struct RepeatedPassage {
  size_t start = 0;        // removed bytes [start, end), terminator included
  size_t end = 0;
  size_t copy_start = 0;   // the kept copy it repeats, terminator excluded
  size_t copy_end = 0;
  double similarity = 1.0;
};

// Later copies of repeated passages in `text`, in text order; removed ranges never overlap.
// A removal that covers every piece of a line also takes the line's terminator. Thread-safe.
std::vector<RepeatedPassage> FindRepeatsWithin(std::string_view text, const PassageOptions& options);

}  // namespace neardup

#endif  // NEARDUP_PASSAGES_H_
