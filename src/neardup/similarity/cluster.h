// Clustering of verified pairs into kept documents and the duplicates they stand for.
//
// Documents are visited in keep order (input order unless a rank says otherwise). A document is
// removed when it verifies against a document that is kept, and it then points at the
// best-ranked such document. A removed document never
// removes another, so there is no chaining: with A~B, B~C and A not ~C, only B goes. Because the
// result depends on the set of pairs and on indices alone, it does not depend on thread count or
// the order in which pairs were found.
#ifndef NEARDUP_CLUSTER_H_
#define NEARDUP_CLUSTER_H_

#include <cstdint>
#include <span>
#include <vector>

namespace neardup {

struct ScoredPair {
  uint32_t a = 0;  // a < b
  uint32_t b = 0;
  double similarity = 0.0;
};

struct Clusters {
  std::vector<uint32_t> kept_as;     // kept_as[i] == i for a kept document
  std::vector<double> similarity;    // similarity to kept_as[i]; 1.0 for a kept document

  bool removed(uint32_t doc) const { return kept_as[doc] != doc; }
};

// `pairs` must hold only pairs that passed verification, in any order. `rank[doc]` is the
// document's place in keep order (smaller stays); empty means input order. O(n + p log p).
Clusters Cluster(std::span<const ScoredPair> pairs, size_t num_docs,
                 std::span<const uint32_t> rank = {});

}  // namespace neardup

#endif  // NEARDUP_CLUSTER_H_
