#include "neardup/cluster.h"

#include <algorithm>
#include <tuple>

namespace neardup {

Clusters Cluster(std::span<const ScoredPair> pairs, size_t num_docs) {
  std::vector<ScoredPair> sorted(pairs.begin(), pairs.end());
  std::sort(sorted.begin(), sorted.end(), [](const ScoredPair& x, const ScoredPair& y) {
    return std::tie(x.b, x.a) < std::tie(y.b, y.a);
  });
  Clusters out;
  out.kept_as.resize(num_docs);
  out.similarity.assign(num_docs, 1.0);
  for (size_t i = 0; i < num_docs; ++i) out.kept_as[i] = static_cast<uint32_t>(i);
  // Pairs grouped by their later document, earlier partners ascending: the first kept partner
  // found is the earliest one.
  for (const ScoredPair& p : sorted) {
    if (out.removed(p.b) || out.removed(p.a)) continue;
    out.kept_as[p.b] = p.a;
    out.similarity[p.b] = p.similarity;
  }
  return out;
}

}  // namespace neardup
