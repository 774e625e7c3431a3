// Verification: the exact similarity of a candidate pair, so that LSH false positives never
// remove a document.
#ifndef NEARDUP_VERIFY_H_
#define NEARDUP_VERIFY_H_

#include <cstdint>
#include <span>

namespace neardup {

// |A ∩ B| / |A ∪ B| of two sorted, duplicate-free sets; 1.0 when both are empty.
// Linear in |A| + |B|. Pure.
double Jaccard(std::span<const uint64_t> a, std::span<const uint64_t> b);

// |A ∩ B| of two sorted, duplicate-free sets.
size_t IntersectionSize(std::span<const uint64_t> a, std::span<const uint64_t> b);

}  // namespace neardup

#endif  // NEARDUP_VERIFY_H_
