// Banded locality-sensitive hashing: turns signatures into candidate pairs without comparing all.
//
// A signature is cut into `bands` bands of `rows` values; two documents become candidates when any
// band agrees. A pair of Jaccard similarity s becomes a candidate with probability
// 1 - (1 - s^rows)^bands (the S-curve). Bucketing is sort-based, so the pairs come out in an order
// that depends only on the input, never on hash-map iteration or threads.
#ifndef NEARDUP_LSH_H_
#define NEARDUP_LSH_H_

#include <cstdint>
#include <span>
#include <vector>

namespace neardup {

struct LshParams {
  int bands = 0;
  int rows = 0;
};

// The banding with the most rows (hence the fewest dissimilar candidates) whose S-curve still
// reaches `min_recall` at `threshold`, using at most `num_perm` signature values. Falls back to
// one row per band when no banding reaches it.
LshParams ChooseBands(double threshold, int num_perm, double min_recall = 0.95);

// Probability that a pair of similarity `s` becomes a candidate.
double CandidateProbability(double s, const LshParams& params);

// One 64-bit key per band (band index mixed into the hash, so equal rows in different bands never
// collide). These keys are what a persistent index or another machine stores and compares.
std::vector<uint64_t> BandKeys(std::span<const uint32_t> signature, const LshParams& params,
                               uint64_t seed);

struct DocPair {
  uint32_t a = 0;  // a < b
  uint32_t b = 0;
  friend auto operator<=>(const DocPair&, const DocPair&) = default;
};

// Every pair of `docs` sharing a band key, sorted and without repeats. `signatures` is the
// row-major table of all documents (num_perm values each); `docs` picks the rows that take part.
// Cost: O(bands * |docs| log |docs|) plus the pairs emitted.
std::vector<DocPair> CandidatePairs(std::span<const uint32_t> signatures, int num_perm,
                                    std::span<const uint32_t> docs, const LshParams& params,
                                    uint64_t seed);

}  // namespace neardup

#endif  // NEARDUP_LSH_H_
