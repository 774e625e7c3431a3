#include "neardup/base/radix_sort.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace neardup {

TEST_CASE("radix sort orders by key and keeps the order of equal keys") {
  std::vector<std::pair<uint64_t, uint32_t>> v, scratch;
  uint64_t state = 3;
  for (uint32_t i = 0; i < 20000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    v.emplace_back(state % 500 == 0 ? 42 : state, i);  // many ties on key 42
  }
  std::vector<std::pair<uint64_t, uint32_t>> expected = v;
  std::stable_sort(expected.begin(), expected.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  RadixSort(v, scratch, [](const auto& e) { return e.first; });
  CHECK(v == expected);
}

TEST_CASE("radix sort on narrow keys reads only the bits it is told") {
  std::vector<uint32_t> v{5, 3, 9, 3, 0, 4095}, scratch;
  RadixSort(v, scratch, [](uint32_t x) { return x; }, 12);
  CHECK(v == std::vector<uint32_t>{0, 3, 3, 5, 9, 4095});
  std::vector<uint32_t> empty;
  RadixSort(empty, scratch, [](uint32_t x) { return x; });
  CHECK(empty.empty());
}

}  // namespace neardup
