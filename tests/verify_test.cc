#include "neardup/verify.h"

#include <doctest/doctest.h>

#include <vector>

namespace neardup {

TEST_CASE("Jaccard of sorted sets is intersection over union") {
  const std::vector<uint64_t> a{1, 2, 3, 4}, b{3, 4, 5}, empty;
  CHECK(Jaccard(a, b) == doctest::Approx(2.0 / 5.0));
  CHECK(Jaccard(a, a) == 1.0);
  CHECK(Jaccard(a, empty) == 0.0);
  CHECK(Jaccard(empty, empty) == 1.0);
  CHECK(IntersectionSize(a, b) == 2);
}

}  // namespace neardup
