#include "neardup/engine/doc_dedup.h"

#include <tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <tuple>

#include "neardup/base/partitions.h"
#include "neardup/store/set_store.h"
#include "neardup/base/status_macros.h"
#include "neardup/engine/index_dedup.h"
#include "neardup/similarity/verify.h"

namespace neardup {
namespace {

// rank[doc]: the document's place in keep order (smaller is kept).
std::vector<uint32_t> KeepRank(const CorpusSketch& s, const Config& config) {
  std::vector<uint32_t> order(s.size());
  std::iota(order.begin(), order.end(), 0u);
  if (config.keep == KeepPolicy::kLongest) {
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return s.sizes[a] > s.sizes[b]; });
  } else if (config.keep == KeepPolicy::kField) {
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const auto& x = s.keep_keys[a];
      const auto& y = s.keep_keys[b];
      if (x.has_value() != y.has_value()) return x.has_value();  // missing values go last
      return x.has_value() && *x < *y;
    });
  }
  std::vector<uint32_t> rank(s.size());
  for (uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  return rank;
}

// Documents with the same normalized text (the same 64-bit fingerprint), grouped: the
// best-ranked of each group takes part in LSH, the others follow its fate.
struct ExactGroups {
  std::vector<uint32_t> representatives;  // ascending
  std::vector<uint32_t> first_of;         // first_of[i]: the representative of i's group
};

ExactGroups GroupExact(const CorpusSketch& s, const std::vector<uint32_t>& rank) {
  std::vector<uint32_t> order(s.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(s.exact[a], rank[a]) < std::tie(s.exact[b], rank[b]);
  });
  ExactGroups g;
  g.first_of.resize(s.size());
  for (size_t lo = 0; lo < order.size();) {
    size_t hi = lo + 1;
    while (hi < order.size() && s.exact[order[hi]] == s.exact[order[lo]]) ++hi;
    g.representatives.push_back(order[lo]);
    for (size_t k = lo; k < hi; ++k) g.first_of[order[k]] = order[lo];
    lo = hi;
  }
  std::sort(g.representatives.begin(), g.representatives.end());
  return g;
}

// What verification needs to read: the shingle sets of the documents of `pairs`.
absl::StatusOr<std::unique_ptr<SetStore>> ReadSets(const DocumentSource& source, const CorpusSketch& s,
                                                   const Analyzer& analyzer, const std::vector<DocPair>& pairs,
                                                   const SpillOptions& spill, DocumentDecisions& d) {
  std::vector<uint32_t> docs;
  for (const DocPair& p : pairs) {
    docs.push_back(p.a);
    docs.push_back(p.b);
  }
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  std::vector<uint64_t> positions;
  for (const uint32_t doc : docs) positions.push_back(s.positions[doc]);
  d.documents_reread += docs.size();
  tbb::enumerable_thread_specific<Analyzer::Scratch> scratch([&analyzer] { return Analyzer::Scratch(analyzer); });
  auto store = std::make_unique<SetStore>(spill);
  NEARDUP_RETURN_IF_ERROR(RevisitSets(source, docs, positions,
                                      [&](uint32_t doc, const Document& d, KeyedSets& out) {
                                        out.emplace_back(doc, std::vector<uint32_t>());
                                        analyzer.ShingleSet(d.text, scratch.local(), out.back().second);
                                      },
                                      *store));
  return store;
}

// Exact scores of candidate pairs (sorted by a), in parallel; each result stored by index.
absl::StatusOr<std::vector<double>> Score(const SetStore& sets, const std::vector<DocPair>& pairs,
                                          bool containment, double threshold) {
  std::vector<double> score(pairs.size(), 0.0);
  // Runs of pairs with the same first document.
  std::vector<size_t> runs;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (i == 0 || pairs[i].a != pairs[i - 1].a) runs.push_back(i);
  }
  runs.push_back(pairs.size());
  struct Sets {
    std::vector<uint32_t> a, b;
  };
  tbb::enumerable_thread_specific<Sets> local;
  NEARDUP_RETURN_IF_ERROR(ForEachPartition(runs.size() - 1, [&](size_t r) -> absl::Status {
    Sets& s = local.local();
    NEARDUP_RETURN_IF_ERROR(sets.Get(pairs[runs[r]].a, s.a));
    for (size_t i = runs[r]; i < runs[r + 1]; ++i) {
      NEARDUP_RETURN_IF_ERROR(sets.Get(pairs[i].b, s.b));
      if (!containment) {
        score[i] = JaccardAtLeast(s.a, s.b, threshold);
        continue;
      }
      const size_t smaller = std::min(s.a.size(), s.b.size());
      score[i] = smaller == 0 ? 0.0 : static_cast<double>(IntersectionSize(s.a, s.b)) / static_cast<double>(smaller);
    }
    return absl::OkStatus();
  }));
  return score;
}

absl::StatusOr<std::vector<ScoredPair>> JaccardPairs(const DocumentSource& source, const CorpusSketch& s,
                                                     const ExactGroups& groups, const Analyzer& analyzer,
                                                     const Config& config, const SpillOptions& spill,
                                                     DocumentDecisions& d) {
  const std::vector<DocPair> candidates = CandidatePairs(s.band_keys, analyzer.lsh().bands, groups.representatives);
  NEARDUP_ASSIGN_OR_RETURN(const auto sets, ReadSets(source, s, analyzer, candidates, spill, d));
  NEARDUP_ASSIGN_OR_RETURN(const std::vector<double> score, Score(*sets, candidates, false, config.threshold));
  std::vector<ScoredPair> verified;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (score[i] >= config.threshold - 1e-12) verified.push_back({candidates[i].a, candidates[i].b, score[i]});
  }
  d.candidate_pairs += candidates.size();
  d.verified_pairs += verified.size();
  return verified;
}

// Removes kept documents contained (share >= config.containment of their shingles) in a larger
// kept document. Larger documents are decided first, so a container is never itself removed
// afterwards and nothing chains.
absl::Status ApplyContainment(const DocumentSource& source, const CorpusSketch& s, const ExactGroups& groups,
                              const std::vector<uint32_t>& rank, const Analyzer& analyzer, const Config& config,
                              const SpillOptions& spill, DocumentDecisions& d) {
  Clusters& clusters = d.clusters;
  std::vector<uint32_t> kept;
  for (const uint32_t doc : groups.representatives) {
    if (!clusters.removed(doc)) kept.push_back(doc);
  }
  const std::vector<DocPair> candidates = CandidatePairs(s.containment_keys, analyzer.containment_lsh().bands, kept);
  NEARDUP_ASSIGN_OR_RETURN(const auto sets, ReadSets(source, s, analyzer, candidates, spill, d));
  NEARDUP_ASSIGN_OR_RETURN(const std::vector<double> score, Score(*sets, candidates, true, config.containment));
  d.candidate_pairs += candidates.size();
  // Set sizes decide which is the container; read them once per document involved.
  std::vector<uint32_t> size_of(s.size(), 0);
  std::vector<uint32_t> involved;
  for (const DocPair& p : candidates) {
    involved.push_back(p.a);
    involved.push_back(p.b);
  }
  std::sort(involved.begin(), involved.end());
  involved.erase(std::unique(involved.begin(), involved.end()), involved.end());
  NEARDUP_RETURN_IF_ERROR(ForEachPartition(involved.size(), [&](size_t i) -> absl::Status {
    std::vector<uint32_t> set;
    const absl::Status status = sets->Get(involved[i], set);
    size_of[involved[i]] = static_cast<uint32_t>(set.size());
    return status;
  }));
  // (contained, container, score): the container is the larger set, ties by keep rank.
  const auto larger = [&](uint32_t a, uint32_t b) {
    return std::tuple(size_of[a], rank[b]) > std::tuple(size_of[b], rank[a]);
  };
  std::vector<ScoredPair> contained;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (score[i] < config.containment - 1e-12) continue;
    auto [a, b] = candidates[i];
    if (larger(b, a)) std::swap(a, b);
    contained.push_back({b, a, score[i]});  // .a = contained, .b = container
  }
  d.verified_pairs += contained.size();
  std::sort(contained.begin(), contained.end(), [&](const ScoredPair& x, const ScoredPair& y) {
    return std::tuple(size_of[y.a], rank[x.a], rank[x.b]) < std::tuple(size_of[x.a], rank[y.a], rank[y.b]);
  });
  for (const ScoredPair& p : contained) {
    if (clusters.removed(p.a) || clusters.removed(p.b)) continue;
    clusters.kept_as[p.a] = p.b;
    clusters.similarity[p.a] = p.similarity;
    d.match[p.a] = DocumentMatch::kContainment;
  }
  return absl::OkStatus();
}

void FollowRepresentatives(const ExactGroups& groups, DocumentDecisions& d) {
  Clusters& clusters = d.clusters;
  for (uint32_t doc = 0; doc < groups.first_of.size(); ++doc) {
    const uint32_t first = groups.first_of[doc];
    if (first == doc) continue;
    if (clusters.removed(first)) {
      clusters.kept_as[doc] = clusters.kept_as[first];
      clusters.similarity[doc] = clusters.similarity[first];
      d.match[doc] = d.match[first];
    } else {
      clusters.kept_as[doc] = first;
      clusters.similarity[doc] = 1.0;
      d.match[doc] = DocumentMatch::kExact;
    }
  }
}

}  // namespace

absl::StatusOr<DocumentDecisions> DecideDocuments(const DocumentSource& source, const CorpusSketch& sketch,
                                                  const Analyzer& analyzer, const Config& config,
                                                  const SpillOptions& spill, const Index* index) {
  DocumentDecisions d;
  const std::vector<uint32_t> rank = KeepRank(sketch, config);
  const ExactGroups groups = GroupExact(sketch, rank);
  NEARDUP_ASSIGN_OR_RETURN(std::vector<ScoredPair> verified,
                           JaccardPairs(source, sketch, groups, analyzer, config, spill, d));
  IndexHits hits;
  if (index != nullptr) {
    NEARDUP_ASSIGN_OR_RETURN(hits, MatchIndex(source, sketch, groups.representatives, analyzer, config, *index, spill,
                                              d.documents_reread));
    // A document removed in favour of an indexed one removes no other, as in one run over all
    // batches (no chaining through a removed document).
    std::vector<bool> hit(sketch.size(), false);
    for (const uint32_t doc : hits.docs) hit[doc] = true;
    std::erase_if(verified, [&](const ScoredPair& p) { return hit[p.a] || hit[p.b]; });
  }
  d.clusters = Cluster(verified, sketch.size(), rank);
  d.match.assign(sketch.size(), DocumentMatch::kJaccard);
  for (size_t i = 0; i < hits.docs.size(); ++i) {
    d.clusters.kept_as[hits.docs[i]] = static_cast<uint32_t>(sketch.size() + hits.kept[i]);
    d.clusters.similarity[hits.docs[i]] = hits.similarity[i];
    d.match[hits.docs[i]] = hits.match[i];
  }
  d.indexed = std::move(hits.indexed);
  if (config.containment > 0) {
    NEARDUP_RETURN_IF_ERROR(ApplyContainment(source, sketch, groups, rank, analyzer, config, spill, d));
  }
  FollowRepresentatives(groups, d);
  return d;
}

}  // namespace neardup
