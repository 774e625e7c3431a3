// 64-bit hashing for shingles, fingerprints and band keys.
//
// Every hash in neardup goes through here so that one algorithm, XXH3 (whose output is fixed by
// its specification on every platform), decides all on-disk and in-report values. Signatures and
// band keys computed on one machine therefore match those computed on another, which the planned
// persistent index and MPI runs rely on.
#ifndef NEARDUP_HASH_H_
#define NEARDUP_HASH_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace neardup {

// XXH3-64 of `bytes` with `seed`. Pure; thread-safe.
uint64_t Hash64(std::string_view bytes, uint64_t seed);

// Hash64 of many pieces of one buffer, in one call so that XXH3 is inlined into the loop (most
// pieces are words of a few bytes, where a call would cost as much as the hash): piece i is
// text[offsets[i * stride], offsets[i * stride + 1]).
void Hash64Pieces(std::string_view text, const uint32_t* offsets, size_t stride, size_t count, uint64_t seed,
                  uint64_t* out);

// XXH3-64 of the little-endian bytes of `words`, used for LSH band keys.
uint64_t HashWords(std::span<const uint32_t> words, uint64_t seed);

// SplitMix64 step: a fixed, documented generator for deriving per-permutation constants from one
// user seed. Advances `state` and returns the next value.
uint64_t SplitMix64(uint64_t& state);

}  // namespace neardup

#endif  // NEARDUP_HASH_H_
