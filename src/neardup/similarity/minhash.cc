#include "neardup/similarity/minhash.h"

#include <algorithm>
#include <limits>

#include "neardup/base/hash.h"

namespace neardup {
namespace {

// Permutations handled per sweep over the shingles: 32 minima stay in registers (four AVX2 or two
// AVX-512 vectors) while every shingle passes, so the inner loop touches no memory but the input.
constexpr size_t kBlock = 32;

// A nonlinear bijection of 32-bit values (constants of Chris Wellons' "lowbias32"), applied once
// per shingle before the linear permutations: shingles are hashes already, but the estimate must
// not depend on that (multiply-add alone is weak on arithmetic progressions).
inline uint32_t Mix(uint32_t x) {
  x ^= x >> 16;
  x *= 0x7FEB352Du;
  x ^= x >> 15;
  x *= 0x846CA68Bu;
  x ^= x >> 16;
  return x;
}

__attribute__((target_clones("avx512f", "avx2", "default")))
void MixAll(const uint32_t* in, size_t n, uint32_t* out) {
  for (size_t i = 0; i < n; ++i) out[i] = Mix(in[i]);
}

// Minima of permutations [base, base + B) over all shingles, the B accumulators in registers.
template <size_t B>
__attribute__((always_inline)) inline void MinBlock(const uint32_t* shingles, size_t n, const uint32_t* mul, const uint32_t* add, uint32_t* sig) {
  uint32_t m[B], a[B], acc[B];
  for (size_t j = 0; j < B; ++j) {
    m[j] = mul[j];
    a[j] = add[j];
    acc[j] = sig[j];
  }
  for (size_t s = 0; s < n; ++s) {
    const uint32_t x = shingles[s];
    for (size_t j = 0; j < B; ++j) {
      const uint32_t h = m[j] * x + a[j];
      acc[j] = h < acc[j] ? h : acc[j];
    }
  }
  for (size_t j = 0; j < B; ++j) sig[j] = acc[j];
}

__attribute__((target_clones("avx512f", "avx2", "default")))
void MinBlocks(const uint32_t* shingles, size_t n, const uint32_t* mul, const uint32_t* add,
               uint32_t* sig, size_t perms) {
  size_t base = 0;
  for (; base + kBlock <= perms; base += kBlock) MinBlock<kBlock>(shingles, n, mul + base, add + base, sig + base);
  for (; base + 8 <= perms; base += 8) MinBlock<8>(shingles, n, mul + base, add + base, sig + base);
  for (; base < perms; ++base) MinBlock<1>(shingles, n, mul + base, add + base, sig + base);
}

}  // namespace

MinHasher::MinHasher(int num_perm, uint64_t seed) {
  uint64_t state = seed;
  mul_.resize(static_cast<size_t>(num_perm));
  add_.resize(static_cast<size_t>(num_perm));
  for (int i = 0; i < num_perm; ++i) {
    // The high half of each draw: SplitMix64's best-mixed bits.
    mul_[static_cast<size_t>(i)] = static_cast<uint32_t>(SplitMix64(state) >> 32) | 1u;
    add_[static_cast<size_t>(i)] = static_cast<uint32_t>(SplitMix64(state) >> 32);
  }
}

std::vector<uint32_t> MinHasher::Sign(std::span<const uint32_t> shingles) const {
  std::vector<uint32_t> out(mul_.size());
  SignInto(shingles, out);
  return out;
}

void MinHasher::SignInto(std::span<const uint32_t> shingles, std::span<uint32_t> out) const {
  std::fill(out.begin(), out.end(), std::numeric_limits<uint32_t>::max());
  // Mixed in pieces on the stack: no allocation, and the piece stays in L1 for all blocks.
  constexpr size_t kPiece = 1024;
  uint32_t mixed[kPiece];
  for (size_t at = 0; at < shingles.size(); at += kPiece) {
    const size_t n = std::min(kPiece, shingles.size() - at);
    MixAll(shingles.data() + at, n, mixed);
    MinBlocks(mixed, n, mul_.data(), add_.data(), out.data(), mul_.size());
  }
}

double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

}  // namespace neardup
