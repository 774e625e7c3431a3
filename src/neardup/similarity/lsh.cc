#include "neardup/similarity/lsh.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "neardup/base/hash.h"
#include "neardup/base/radix_sort.h"

namespace neardup {
namespace {

using Bucketed = std::vector<std::pair<uint64_t, uint32_t>>;

}  // namespace

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

void AppendBandKeys(std::span<const uint32_t> signature, const LshParams& params, uint64_t seed,
                    std::vector<uint64_t>& out) {
  const auto rows = static_cast<size_t>(params.rows);
  for (size_t band = 0; band < static_cast<size_t>(params.bands); ++band) {
    out.push_back(HashWords(signature.subspan(band * rows, rows), seed + band));
  }
}

std::vector<uint64_t> BandKeys(std::span<const uint32_t> signature, const LshParams& params,
                               uint64_t seed) {
  std::vector<uint64_t> keys;
  AppendBandKeys(signature, params, seed, keys);
  return keys;
}

std::vector<DocPair> CandidatePairs(std::span<const uint64_t> keys, int bands,
                                    std::span<const uint32_t> docs) {
  const auto width = static_cast<size_t>(bands);
  std::vector<std::vector<DocPair>> per_band(width);
  // One band per task keeps only |docs| keys alive per thread instead of |docs| * bands.
  tbb::parallel_for(size_t{0}, width, [&](size_t band) {
    Bucketed bucket(docs.size()), scratch;
    for (size_t i = 0; i < docs.size(); ++i) bucket[i] = {keys[docs[i] * width + band], docs[i]};
    // docs is ascending, so a stable sort by key gives (key, doc).
    RadixSort(bucket, scratch, [](const std::pair<uint64_t, uint32_t>& e) { return e.first; });
    std::vector<DocPair>& pairs = per_band[band];
    for (size_t lo = 0; lo < bucket.size();) {
      size_t hi = lo + 1;
      while (hi < bucket.size() && bucket[hi].first == bucket[lo].first) ++hi;
      ForEachBucketPair(hi - lo, [&](size_t x, size_t y) { pairs.push_back({bucket[lo + x].second, bucket[lo + y].second}); });
      lo = hi;
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  });
  std::vector<DocPair> pairs;
  for (std::vector<DocPair>& band : per_band) {
    pairs.insert(pairs.end(), band.begin(), band.end());
    std::vector<DocPair>().swap(band);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace neardup
