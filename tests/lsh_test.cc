#include "neardup/lsh.h"

#include <doctest/doctest.h>

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

TEST_CASE("documents sharing one band become a candidate pair, once") {
  // Four documents, num_perm 4, two bands of two rows.
  const std::vector<uint32_t> signatures{
      1, 2, 3, 4,   // doc 0
      1, 2, 9, 9,   // doc 1: band 0 equals doc 0
      1, 2, 3, 4,   // doc 2: both bands equal doc 0
      7, 7, 7, 7};  // doc 3: nothing in common
  const std::vector<uint32_t> docs{0, 1, 2, 3};
  const auto pairs = CandidatePairs(signatures, 4, docs, {2, 2}, 0);
  const std::vector<DocPair> expected{{0, 1}, {0, 2}, {1, 2}};
  CHECK(pairs == expected);
}

TEST_CASE("only the listed documents take part") {
  const std::vector<uint32_t> signatures{1, 1, 1, 1, 1, 1};
  const std::vector<uint32_t> docs{0, 2};
  CHECK(CandidatePairs(signatures, 2, docs, {1, 2}, 0) == std::vector<DocPair>{{0, 2}});
}

TEST_CASE("band keys differ between bands holding the same values") {
  const std::vector<uint32_t> signature{5, 5, 5, 5};
  const auto keys = BandKeys(signature, {2, 2}, 9);
  REQUIRE(keys.size() == 2);
  CHECK(keys[0] != keys[1]);
}

}  // namespace neardup
