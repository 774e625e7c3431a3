#include "neardup/similarity/verify.h"

#include <algorithm>
#include <limits>

namespace neardup {
namespace {

constexpr size_t kOutOfReach = std::numeric_limits<size_t>::max();

// |A ∩ B| of two sorted, duplicate-free sets, by one merge. With kStopEarly, kOutOfReach as soon
// as `needed` common elements can no longer be reached: most candidates stop long before the end.
template <bool kStopEarly>
size_t CountCommon(std::span<const uint32_t> a, std::span<const uint32_t> b, double needed) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if constexpr (kStopEarly) {
      const size_t left = std::min(a.size() - i, b.size() - j);
      if (static_cast<double>(common + left) < needed) return kOutOfReach;
    }
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return common;
}

double Ratio(size_t common, size_t a, size_t b) {
  return static_cast<double>(common) / static_cast<double>(a + b - common);
}

}  // namespace

size_t IntersectionSize(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  return CountCommon<false>(a, b, 0.0);
}

double Jaccard(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  if (a.empty() && b.empty()) return 1.0;
  return Ratio(IntersectionSize(a, b), a.size(), b.size());
}

double JaccardAtLeast(std::span<const uint32_t> a, std::span<const uint32_t> b, double threshold) {
  if (a.empty() || b.empty()) return Jaccard(a, b);
  // J >= t  <=>  |A ∩ B| >= t / (1 + t) * (|A| + |B|).
  const double needed = threshold / (1.0 + threshold) * static_cast<double>(a.size() + b.size()) - 1e-9;
  const size_t common = CountCommon<true>(a, b, needed);
  return common == kOutOfReach ? 0.0 : Ratio(common, a.size(), b.size());
}

}  // namespace neardup
