#include "neardup/similarity/lsh.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

namespace neardup {

TEST_CASE("bands are chosen to catch at least 95% of pairs at the threshold") {
  // rows 8 x bands 16: 1 - (1 - 0.8^8)^16 = 0.947 < 0.95, so one row fewer:
  // rows 7 x bands 18: 1 - (1 - 0.8^7)^18 = 0.986.
  const LshParams p = ChooseBands(0.8, 128);
  CHECK(p.rows == 7);
  CHECK(p.bands == 18);
  CHECK(CandidateProbability(0.8, p) >= 0.95);
  CHECK(CandidateProbability(0.8, {16, 8}) < 0.95);
}

TEST_CASE("with too few permutations every value is its own band") {
  const LshParams p = ChooseBands(0.5, 2);
  CHECK(p.rows == 1);
  CHECK(p.bands == 2);
}

TEST_CASE("documents sharing one band key become a candidate pair, once") {
  // Four documents, two bands each.
  const std::vector<uint64_t> keys{
      1, 2,   // doc 0
      1, 9,   // doc 1: band 0 equals doc 0
      1, 2,   // doc 2: both bands equal doc 0
      7, 8};  // doc 3: nothing in common (its keys equal others' keys of other bands only)
  const std::vector<uint32_t> docs{0, 1, 2, 3};
  const auto pairs = CandidatePairs(keys, 2, docs);
  const std::vector<DocPair> expected{{0, 1}, {0, 2}, {1, 2}};
  CHECK(pairs == expected);
}

TEST_CASE("equal keys in different bands do not make a pair") {
  const std::vector<uint64_t> keys{5, 6, 6, 5};
  const std::vector<uint32_t> docs{0, 1};
  CHECK(CandidatePairs(keys, 2, docs).empty());
}

TEST_CASE("only the listed documents take part") {
  const std::vector<uint64_t> keys{1, 1, 1};
  const std::vector<uint32_t> docs{0, 2};
  CHECK(CandidatePairs(keys, 1, docs) == std::vector<DocPair>{{0, 2}});
}

TEST_CASE("a giant bucket pairs each document with the first and the nearest before it only") {
  const size_t n = 200;
  const std::vector<uint64_t> keys(n, 42);
  std::vector<uint32_t> docs(n);
  for (uint32_t i = 0; i < n; ++i) docs[i] = i;
  const auto pairs = CandidatePairs(keys, 1, docs);
  size_t expected = 0;
  for (size_t y = 1; y < n; ++y) {
    for (size_t x = 0; x < y; ++x) expected += x < kBucketFanout || y - x <= kBucketFanout;
  }
  CHECK(pairs.size() == expected);
  CHECK(std::binary_search(pairs.begin(), pairs.end(), DocPair{0, 199}));
  CHECK(std::binary_search(pairs.begin(), pairs.end(), DocPair{31, 199}));
  CHECK(std::binary_search(pairs.begin(), pairs.end(), DocPair{167, 199}));
  CHECK_FALSE(std::binary_search(pairs.begin(), pairs.end(), DocPair{32, 199}));
  CHECK_FALSE(std::binary_search(pairs.begin(), pairs.end(), DocPair{166, 199}));
}

TEST_CASE("a bucket of up to 2 * kBucketFanout + 1 documents gives every pair") {
  const size_t n = 2 * kBucketFanout + 1;
  const std::vector<uint64_t> keys(n, 7);
  std::vector<uint32_t> docs(n);
  for (uint32_t i = 0; i < n; ++i) docs[i] = i;
  CHECK(CandidatePairs(keys, 1, docs).size() == n * (n - 1) / 2);
}

TEST_CASE("band keys differ between bands holding the same values") {
  const std::vector<uint32_t> signature{5, 5, 5, 5};
  const auto keys = BandKeys(signature, {2, 2}, 9);
  REQUIRE(keys.size() == 2);
  CHECK(keys[0] != keys[1]);
}

}  // namespace neardup
