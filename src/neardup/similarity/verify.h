// Verification: the exact similarity of a candidate pair, so that LSH false positives never
// remove a document.
#ifndef NEARDUP_VERIFY_H_
#define NEARDUP_VERIFY_H_

#include <cstdint>
#include <span>

namespace neardup {

// |A ∩ B| / |A ∪ B| of two sorted, duplicate-free sets; 1.0 when both are empty.
// Linear in |A| + |B|. Pure.
double Jaccard(std::span<const uint32_t> a, std::span<const uint32_t> b);

// Jaccard(a, b) when it is at least `threshold`, else some value below `threshold` (often 0):
// the merge stops as soon as the threshold is out of reach, which is most candidates.
double JaccardAtLeast(std::span<const uint32_t> a, std::span<const uint32_t> b, double threshold);

// |A ∩ B| of two sorted, duplicate-free sets.
size_t IntersectionSize(std::span<const uint32_t> a, std::span<const uint32_t> b);

}  // namespace neardup

#endif  // NEARDUP_VERIFY_H_
