// The labelled-corpus generator's only source of randomness: a SplitMix64 stream.
//
// Every choice `synth` makes goes through one SynthRandom seeded from --seed, so the same seed
// gives the same corpus bytes on every platform. <random> distributions are not used because
// their output differs between standard libraries.
#ifndef NEARDUP_SYNTH_RANDOM_H_
#define NEARDUP_SYNTH_RANDOM_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "neardup/base/hash.h"

namespace neardup {

class SynthRandom {
 public:
  explicit SynthRandom(uint64_t seed) : state_(seed) {}

  uint64_t Next() { return SplitMix64(state_); }

  // Uniform in [0, n); 0 when n == 0. Multiply-shift, so no modulo bias worth speaking of.
  uint64_t Below(uint64_t n) {
    if (n == 0) return 0;
    return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }

  // Uniform in [0, 1) with 53 bits.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  // Uniform in [low, high).
  double Between(double low, double high) { return low + (high - low) * Unit(); }

  bool Chance(double p) { return Unit() < p; }

  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[Below(i)]);
  }

 private:
  uint64_t state_;
};

}  // namespace neardup

#endif  // NEARDUP_SYNTH_RANDOM_H_
