#include "neardup/minhash.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "neardup/hash.h"

namespace neardup {

TEST_CASE("a signature depends only on the set of shingles") {
  const MinHasher hasher(/*num_perm=*/64, /*seed=*/7);
  CHECK(hasher.Sign(std::vector<uint64_t>{1, 2, 3}) == hasher.Sign(std::vector<uint64_t>{3, 3, 1, 2}));
  CHECK(hasher.Sign(std::vector<uint64_t>{1, 2, 3}).size() == 64);
}

TEST_CASE("the same seed gives the same signature; another seed another one") {
  const std::vector<uint64_t> set{11, 22, 33, 44};
  CHECK(MinHasher(32, 1).Sign(set) == MinHasher(32, 1).Sign(set));
  CHECK(MinHasher(32, 1).Sign(set) != MinHasher(32, 2).Sign(set));
}

TEST_CASE("agreement of signatures estimates Jaccard similarity") {
  // A and B share 600 of 1000 distinct elements: J = 600 / 1000 = 0.6.
  std::vector<uint64_t> a, b;
  uint64_t state = 42;
  for (int i = 0; i < 800; ++i) {
    const uint64_t x = SplitMix64(state);
    if (i < 600) {
      a.push_back(x);
      b.push_back(x);
    } else if (i < 700) {
      a.push_back(x);
    } else {
      b.push_back(x);
    }
  }
  for (int i = 0; i < 200; ++i) b.push_back(SplitMix64(state));  // b: 600 + 100 + 200
  // |A ∪ B| = 600 + 100 + 300 = 1000, |A ∩ B| = 600.
  const MinHasher hasher(1024, 3);
  const double estimate = EstimateJaccard(hasher.Sign(a), hasher.Sign(b));
  // Standard error sqrt(0.6 * 0.4 / 1024) ~ 0.015; five of them is a safe margin.
  CHECK(std::abs(estimate - 0.6) < 0.08);
}

}  // namespace neardup
