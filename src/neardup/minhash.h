// MinHash signatures: fixed-size sketches whose agreement rate estimates Jaccard similarity.
//
// Permutation i maps a 64-bit shingle hash x to the top 32 bits of a_i * x + b_i (mod 2^64), with
// odd a_i; a_i and b_i come from SplitMix64 seeded by the one user seed. A MinHasher is built
// once and shared read-only by all threads.
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
  std::vector<uint32_t> Sign(std::span<const uint64_t> shingles) const;

  // Writes the signature into `out` (size num_perm()) without allocating.
  void SignInto(std::span<const uint64_t> shingles, std::span<uint32_t> out) const;

  int num_perm() const { return static_cast<int>(mul_.size()); }

 private:
  std::vector<uint64_t> mul_;
  std::vector<uint64_t> add_;
};

// Share of equal positions: an unbiased estimate of the Jaccard similarity of the two sets.
double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b);

}  // namespace neardup

#endif  // NEARDUP_MINHASH_H_
