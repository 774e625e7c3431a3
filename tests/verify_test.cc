#include "neardup/similarity/verify.h"

#include <doctest/doctest.h>

#include <vector>

namespace neardup {

TEST_CASE("Jaccard of sorted sets is intersection over union") {
  const std::vector<uint32_t> a{1, 2, 3, 4}, b{3, 4, 5}, empty;
  CHECK(Jaccard(a, b) == doctest::Approx(2.0 / 5.0));
  CHECK(Jaccard(a, a) == 1.0);
  CHECK(Jaccard(a, empty) == 0.0);
  CHECK(Jaccard(empty, empty) == 1.0);
  CHECK(IntersectionSize(a, b) == 2);
}

}  // namespace neardup

namespace neardup {

TEST_CASE("JaccardAtLeast agrees with Jaccard at or above the threshold and stays below it otherwise") {
  std::vector<uint32_t> a, b;
  for (uint32_t x = 0; x < 100; ++x) a.push_back(x);
  for (uint32_t x = 10; x < 110; ++x) b.push_back(x);  // 90 shared of 110: J = 0.818
  CHECK(JaccardAtLeast(a, b, 0.8) == doctest::Approx(90.0 / 110.0));
  CHECK(JaccardAtLeast(a, b, 90.0 / 110.0) == doctest::Approx(90.0 / 110.0));  // the boundary itself
  CHECK(JaccardAtLeast(a, b, 0.85) < 0.85);
}

}  // namespace neardup
