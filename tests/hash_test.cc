#include "neardup/base/hash.h"

#include <doctest/doctest.h>

#include <array>

namespace neardup {

TEST_CASE("Hash64 is XXH3-64 as its specification fixes it") {
  // Known answer from the xxHash reference: XXH3_64bits of the empty input with seed 0.
  CHECK(Hash64("", 0) == 0x2D06800538D394C2ULL);
  CHECK(Hash64("abc", 1) != Hash64("abc", 2));
}

TEST_CASE("SplitMix64 yields the reference sequence for seed 0") {
  uint64_t state = 0;
  CHECK(SplitMix64(state) == 0xE220A8397B1DCDAFULL);
  CHECK(SplitMix64(state) == 0x6E789E6AA1B965F4ULL);
}

TEST_CASE("HashWords hashes the little-endian bytes of the words") {
  const std::array<uint32_t, 2> words{0x64636261u, 0x68676665u};  // "abcd" "efgh"
  CHECK(HashWords(words, 5) == Hash64("abcdefgh", 5));
}

}  // namespace neardup
