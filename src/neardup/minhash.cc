#include "neardup/minhash.h"

#include <algorithm>
#include <limits>

#include "neardup/hash.h"

namespace neardup {

MinHasher::MinHasher(int num_perm, uint64_t seed) {
  uint64_t state = seed;
  mul_.resize(static_cast<size_t>(num_perm));
  add_.resize(static_cast<size_t>(num_perm));
  for (int i = 0; i < num_perm; ++i) {
    mul_[static_cast<size_t>(i)] = SplitMix64(state) | 1;
    add_[static_cast<size_t>(i)] = SplitMix64(state);
  }
}

std::vector<uint32_t> MinHasher::Sign(std::span<const uint64_t> shingles) const {
  std::vector<uint32_t> out(mul_.size());
  SignInto(shingles, out);
  return out;
}

void MinHasher::SignInto(std::span<const uint64_t> shingles, std::span<uint32_t> out) const {
  std::fill(out.begin(), out.end(), std::numeric_limits<uint32_t>::max());
  const size_t n = mul_.size();
  const uint64_t* mul = mul_.data();
  const uint64_t* add = add_.data();
  uint32_t* sig = out.data();
  // Permutations in the inner loop: contiguous arrays the compiler can vectorize.
  for (const uint64_t x : shingles) {
    for (size_t i = 0; i < n; ++i) {
      const auto h = static_cast<uint32_t>((mul[i] * x + add[i]) >> 32);
      sig[i] = std::min(sig[i], h);
    }
  }
}

double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

}  // namespace neardup
