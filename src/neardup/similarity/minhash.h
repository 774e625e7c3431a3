// MinHash signatures: fixed-size sketches whose agreement rate estimates Jaccard similarity.
//
// Permutation i maps a 32-bit shingle x to a_i * m(x) + b_i (mod 2^32), with odd a_i and m a fixed
// nonlinear bijection applied once per shingle, so each permutation is a bijection of the 32-bit
// values; a_i and b_i come from SplitMix64 seeded by the one user seed. The mix makes the input
// look random whatever it is, which is what lets such cheap permutations behave as random ones
// (tests/minhash_test.cc checks the estimator's bias and spread). All arithmetic is
// 32-bit so that 8 or 16 permutations go in one SIMD instruction; the kernel is compiled for
// AVX-512, AVX2 and baseline x86-64 and picked at run time, so the binary runs on any x86-64.
// A MinHasher is built once and shared read-only by all threads.
#ifndef NEARDUP_MINHASH_H_
#define NEARDUP_MINHASH_H_

#include <cstdint>
#include <span>
#include <vector>

namespace neardup {

class MinHasher {
 public:
  MinHasher(int num_perm, uint64_t seed);

  // Per-permutation minima over `shingles`; all 0xFFFFFFFF for an empty set.
  // Depends only on the set of values, not their order or repetition. Thread-safe.
  std::vector<uint32_t> Sign(std::span<const uint32_t> shingles) const;

  // Writes the signature into `out` (size num_perm()) without allocating.
  void SignInto(std::span<const uint32_t> shingles, std::span<uint32_t> out) const;

  int num_perm() const { return static_cast<int>(mul_.size()); }

 private:
  std::vector<uint32_t> mul_;
  std::vector<uint32_t> add_;
};

// Share of equal positions: an unbiased estimate of the Jaccard similarity of the two sets.
double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b);

}  // namespace neardup

#endif  // NEARDUP_MINHASH_H_
