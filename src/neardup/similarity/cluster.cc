#include "neardup/similarity/cluster.h"

#include <algorithm>
#include <tuple>

namespace neardup {

Clusters Cluster(std::span<const ScoredPair> pairs, size_t num_docs, std::span<const uint32_t> rank) {
  const auto rank_of = [&](uint32_t doc) { return rank.empty() ? doc : rank[doc]; };
  // Each pair as (better-ranked, worse-ranked).
  std::vector<ScoredPair> sorted(pairs.begin(), pairs.end());
  for (ScoredPair& p : sorted) {
    if (rank_of(p.b) < rank_of(p.a)) std::swap(p.a, p.b);
  }
  std::sort(sorted.begin(), sorted.end(), [&](const ScoredPair& x, const ScoredPair& y) {
    return std::tuple(rank_of(x.b), rank_of(x.a)) < std::tuple(rank_of(y.b), rank_of(y.a));
  });
  Clusters out;
  out.kept_as.resize(num_docs);
  out.similarity.assign(num_docs, 1.0);
  for (size_t i = 0; i < num_docs; ++i) out.kept_as[i] = static_cast<uint32_t>(i);
  // Pairs grouped by their worse-ranked document, partners best first: the first kept partner
  // found is the best-ranked one, and its own fate is already final.
  for (const ScoredPair& p : sorted) {
    if (out.removed(p.b) || out.removed(p.a)) continue;
    out.kept_as[p.b] = p.a;
    out.similarity[p.b] = p.similarity;
  }
  return out;
}

}  // namespace neardup
