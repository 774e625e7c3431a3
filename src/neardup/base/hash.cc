#include "neardup/base/hash.h"

#include <bit>

// The implementation compiled in here (it is a header-only option of Debian's libxxhash-dev), so
// that hashing a 6-byte word is a few inlined instructions, not a call through the shared library.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace neardup {

uint64_t Hash64(std::string_view bytes, uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

void Hash64Pieces(std::string_view text, const uint32_t* offsets, size_t stride, size_t count, uint64_t seed,
                  uint64_t* out) {
  for (size_t i = 0; i < count; ++i) {
    const uint32_t begin = offsets[i * stride];
    out[i] = XXH3_64bits_withSeed(text.data() + begin, offsets[i * stride + 1] - begin, seed);
  }
}

uint64_t HashWords(std::span<const uint32_t> words, uint64_t seed) {
  // Band keys must not depend on the host's byte order, or indexes would not move between machines.
  static_assert(std::endian::native == std::endian::little, "big-endian hosts need a byte swap here");
  return XXH3_64bits_withSeed(words.data(), words.size_bytes(), seed);
}

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace neardup
