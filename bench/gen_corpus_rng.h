// Randomness for the benchmark corpus generator (neardup_gen_corpus): SplitMix64 only.
//
// Every draw comes from neardup::SplitMix64, whose output is fixed by its definition, never from
// <random> distributions (their algorithms differ between standard libraries) or std::hash. Each
// document and each decision about it gets its own stream, derived from (seed, stream, index), so
// the text of document i can be generated again later without replaying documents 0..i-1: that is
// how copies get their original's text without the generator holding earlier documents.
#ifndef NEARDUP_BENCH_GEN_CORPUS_RNG_H_
#define NEARDUP_BENCH_GEN_CORPUS_RNG_H_

#include <cstddef>
#include <cstdint>

#include "neardup/base/hash.h"

namespace neardup::bench {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next() { return SplitMix64(state_); }
  // Uniform in [0, n) for n > 0, by multiply-high: no division, and a bias below n / 2^64.
  size_t Below(size_t n) {
    return static_cast<size_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }
  // Uniform in [0, 1) with 53 random bits.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

// Independent streams per kind of decision, so that adding a draw to one never shifts another.
enum class Stream : uint64_t {
  kKind = 1, kSource, kText, kTarget, kEdit, kSites, kId,
  // Added for the wire-heavy and stress profiles (appended: earlier streams keep their seeds).
  kPool, kStory, kRepublish
};

// The seed of stream `stream` for document `index`.
inline uint64_t DeriveSeed(uint64_t seed, Stream stream, uint64_t index) {
  uint64_t state = seed ^ (static_cast<uint64_t>(stream) * 0xd1b54a32d192ed03ULL);
  state = SplitMix64(state) ^ index;
  return SplitMix64(state);
}

// The id of document `index`: a bijection of the index keyed by the seed (key + odd × index,
// then SplitMix64's invertible mix), so ids never collide and reveal nothing about the kind.
inline uint64_t DocumentId(uint64_t seed, uint64_t index) {
  uint64_t state = DeriveSeed(seed, Stream::kId, 0) + index * 0x9e3779b97f4a7c15ULL;
  return SplitMix64(state);
}

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_GEN_CORPUS_RNG_H_
