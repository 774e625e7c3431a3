#include "neardup/lsh.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "neardup/hash.h"

namespace neardup {

double CandidateProbability(double s, const LshParams& params) {
  return 1.0 - std::pow(1.0 - std::pow(s, params.rows), params.bands);
}

LshParams ChooseBands(double threshold, int num_perm, double min_recall) {
  for (int rows = num_perm; rows >= 1; --rows) {
    const LshParams params{num_perm / rows, rows};
    if (CandidateProbability(threshold, params) >= min_recall) return params;
  }
  return {num_perm, 1};
}

std::vector<uint64_t> BandKeys(std::span<const uint32_t> signature, const LshParams& params,
                               uint64_t seed) {
  std::vector<uint64_t> keys(static_cast<size_t>(params.bands));
  const auto rows = static_cast<size_t>(params.rows);
  for (size_t band = 0; band < keys.size(); ++band) {
    keys[band] = HashWords(signature.subspan(band * rows, rows), seed + band);
  }
  return keys;
}

std::vector<DocPair> CandidatePairs(std::span<const uint32_t> signatures, int num_perm,
                                    std::span<const uint32_t> docs, const LshParams& params,
                                    uint64_t seed) {
  std::vector<DocPair> pairs;
  std::vector<std::pair<uint64_t, uint32_t>> bucket(docs.size());
  const auto width = static_cast<size_t>(num_perm);
  const auto rows = static_cast<size_t>(params.rows);
  // One band at a time keeps only n keys alive instead of n * bands.
  for (size_t band = 0; band < static_cast<size_t>(params.bands); ++band) {
    for (size_t i = 0; i < docs.size(); ++i) {
      const auto row = signatures.subspan(docs[i] * width + band * rows, rows);
      bucket[i] = {HashWords(row, seed + band), docs[i]};
    }
    std::sort(bucket.begin(), bucket.end());
    for (size_t lo = 0; lo < bucket.size();) {
      size_t hi = lo + 1;
      while (hi < bucket.size() && bucket[hi].first == bucket[lo].first) ++hi;
      for (size_t x = lo; x < hi; ++x) {
        for (size_t y = x + 1; y < hi; ++y) pairs.push_back({bucket[x].second, bucket[y].second});
      }
      lo = hi;
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace neardup
