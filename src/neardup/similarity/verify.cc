#include "neardup/similarity/verify.h"

#include <algorithm>

namespace neardup {

size_t IntersectionSize(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
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

double Jaccard(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  if (a.empty() && b.empty()) return 1.0;
  const size_t common = IntersectionSize(a, b);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

double JaccardAtLeast(std::span<const uint32_t> a, std::span<const uint32_t> b, double threshold) {
  if (a.empty() || b.empty()) return Jaccard(a, b);
  // J >= t  <=>  |A ∩ B| >= t / (1 + t) * (|A| + |B|).
  const double needed = threshold / (1.0 + threshold) * static_cast<double>(a.size() + b.size()) - 1e-9;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    const size_t left = std::min(a.size() - i, b.size() - j);
    if (static_cast<double>(common + left) < needed) return 0.0;
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
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

}  // namespace neardup
