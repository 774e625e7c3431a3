#include "neardup/similarity/minhash.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "neardup/base/hash.h"

namespace neardup {

TEST_CASE("a signature depends only on the set of shingles") {
  const MinHasher hasher(/*num_perm=*/64, /*seed=*/7);
  CHECK(hasher.Sign(std::vector<uint32_t>{1, 2, 3}) == hasher.Sign(std::vector<uint32_t>{3, 3, 1, 2}));
  CHECK(hasher.Sign(std::vector<uint32_t>{1, 2, 3}).size() == 64);
}

TEST_CASE("the same seed gives the same signature; another seed another one") {
  const std::vector<uint32_t> set{11, 22, 33, 44};
  CHECK(MinHasher(32, 1).Sign(set) == MinHasher(32, 1).Sign(set));
  CHECK(MinHasher(32, 1).Sign(set) != MinHasher(32, 2).Sign(set));
}

TEST_CASE("agreement of signatures estimates Jaccard similarity") {
  // A and B share 600 of 1000 distinct elements: J = 600 / 1000 = 0.6.
  std::vector<uint32_t> a, b;
  uint64_t state = 42;
  for (int i = 0; i < 800; ++i) {
    const auto x = static_cast<uint32_t>(SplitMix64(state));
    if (i < 600) {
      a.push_back(x);
      b.push_back(x);
    } else if (i < 700) {
      a.push_back(x);
    } else {
      b.push_back(x);
    }
  }
  for (int i = 0; i < 200; ++i) b.push_back(static_cast<uint32_t>(SplitMix64(state)));  // b: 600 + 100 + 200
  // |A ∪ B| = 600 + 100 + 300 = 1000, |A ∩ B| = 600.
  const MinHasher hasher(1024, 3);
  const double estimate = EstimateJaccard(hasher.Sign(a), hasher.Sign(b));
  // Standard error sqrt(0.6 * 0.4 / 1024) ~ 0.015; five of them is a safe margin.
  CHECK(std::abs(estimate - 0.6) < 0.08);
}

TEST_CASE("over many pairs the estimate is unbiased with the spread of independent permutations") {
  // 400 pairs of random sets with J = 0.8 (400 shared, 50 own each), 128 permutations: the mean
  // must be within 0.006 of 0.8 (four standard errors of the mean) and the spread within 15% of
  // sqrt(0.8 * 0.2 / 128) = 0.0354, what truly independent permutations give.
  const MinHasher hasher(128, 11);
  uint64_t state = 5;
  double sum = 0, sum_sq = 0;
  const int trials = 400;
  for (int t = 0; t < trials; ++t) {
    std::vector<uint32_t> a, b;
    for (int i = 0; i < 400; ++i) {
      const auto x = static_cast<uint32_t>(SplitMix64(state));
      a.push_back(x);
      b.push_back(x);
    }
    for (int i = 0; i < 50; ++i) a.push_back(static_cast<uint32_t>(SplitMix64(state)));
    for (int i = 0; i < 50; ++i) b.push_back(static_cast<uint32_t>(SplitMix64(state)));
    const double e = EstimateJaccard(hasher.Sign(a), hasher.Sign(b));
    sum += e;
    sum_sq += e * e;
  }
  const double mean = sum / trials;
  const double spread = std::sqrt(sum_sq / trials - mean * mean);
  CHECK(std::abs(mean - 0.8) < 0.006);
  CHECK(spread > 0.85 * 0.0354);
  CHECK(spread < 1.15 * 0.0354);
}

TEST_CASE("sets of consecutive values are estimated like random ones") {
  // Multiply-add permutations are weakest on arithmetic progressions; shingles are hashes, but the
  // estimate must not collapse even on such input. A = [0, 1000), B = [200, 1200): J = 800 / 1200.
  std::vector<uint32_t> a, b;
  for (uint32_t x = 0; x < 1000; ++x) a.push_back(x);
  for (uint32_t x = 200; x < 1200; ++x) b.push_back(x);
  const MinHasher hasher(1024, 3);
  CHECK(std::abs(EstimateJaccard(hasher.Sign(a), hasher.Sign(b)) - 2.0 / 3.0) < 0.08);
}

}  // namespace neardup
