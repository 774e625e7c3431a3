// Banded locality-sensitive hashing: turns signatures into candidate pairs without comparing all.
//
// A signature is cut into `bands` bands of `rows` values; two documents become candidates when any
// band agrees. A pair of Jaccard similarity s becomes a candidate with probability
// 1 - (1 - s^rows)^bands (the S-curve). Only the band keys (one 64-bit hash per band) are kept
// per document, never the signature. Bucketing is sort-based, so the pairs come out in an order
// that depends only on the input, never on hash-map iteration or threads.
//
// Fan-out cap: in a bucket of more than 2 * kBucketFanout + 1 documents, a document is paired
// only with the kBucketFanout first documents of the bucket and the kBucketFanout documents just
// before it (in input order), not with all: a bucket of 100,000 near-identical pages would
// otherwise cost 5 billion verifications. Recall holds: in such a bucket the first documents are
// the ones kept, and a document that truly matches another shares several of the other bands,
// where buckets are small, with it (at Jaccard 0.8 each band agrees with probability 0.21, so the
// 18 bands agree on about 4).
#ifndef NEARDUP_LSH_H_
#define NEARDUP_LSH_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "neardup/config.h"

namespace neardup {

inline constexpr size_t kBucketFanout = 32;

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
// The same, appended to `out`.
void AppendBandKeys(std::span<const uint32_t> signature, const LshParams& params, uint64_t seed,
                    std::vector<uint64_t>& out);

struct DocPair {
  uint32_t a = 0;  // a < b
  uint32_t b = 0;
  friend auto operator<=>(const DocPair&, const DocPair&) = default;
};

// Calls pair(x, y), x < y, for the pairs of members of a bucket of n members (in input order) that
// the fan-out cap lets through.
template <typename PairFn>
void ForEachBucketPair(size_t n, PairFn&& pair) {
  for (size_t y = 1; y < n; ++y) {
    if (n <= 2 * kBucketFanout + 1) {
      for (size_t x = 0; x < y; ++x) pair(x, y);
      continue;
    }
    const size_t head = y < kBucketFanout ? y : kBucketFanout;
    for (size_t x = 0; x < head; ++x) pair(x, y);
    for (size_t x = y > 2 * kBucketFanout ? y - kBucketFanout : head; x < y; ++x) pair(x, y);
  }
}

// Every pair of `docs` sharing a band key (subject to the fan-out cap), sorted and without
// repeats. `keys` is the row-major table of band keys of all documents, `bands` per document;
// `docs` (ascending) picks the rows that take part. Bands are bucketed in parallel.
// Cost: O(bands * |docs| log |docs|) plus the pairs emitted.
std::vector<DocPair> CandidatePairs(std::span<const uint64_t> keys, int bands,
                                    std::span<const uint32_t> docs);

}  // namespace neardup

#endif  // NEARDUP_LSH_H_
