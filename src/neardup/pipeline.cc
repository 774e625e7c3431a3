#include "neardup/pipeline.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <numeric>
#include <tuple>

#include "absl/strings/str_format.h"
#include "neardup/analyze.h"
#include "neardup/cluster.h"
#include "neardup/lsh.h"
#include "neardup/parallel.h"
#include "neardup/status_macros.h"
#include "neardup/verify.h"

namespace neardup {
namespace {

// Bounds the texts held at once: a batch is analyzed in parallel, then its texts are dropped.
constexpr size_t kBatchDocuments = 512;
constexpr size_t kBatchBytes = size_t{32} << 20;

// What the first pass keeps per document.
struct Sketches {
  std::vector<std::string> ids;
  std::vector<uint64_t> sizes;
  std::vector<uint64_t> exact;
  std::vector<std::vector<uint64_t>> shingles;
  std::vector<uint32_t> signatures;  // row-major, num_perm per document
  std::vector<std::vector<RepeatedPassage>> repeats;

  size_t size() const { return ids.size(); }
};

class Stopwatch {
 public:
  double Lap() {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

absl::StatusOr<Sketches> SketchAll(const DocumentSource& source, const Analyzer& analyzer,
                                   const Config& config, const ProgressFn& progress) {
  Sketches out;
  std::vector<Document> batch;
  std::vector<DocAnalysis> results;
  size_t batch_bytes = 0;
  uint64_t bytes_done = 0;
  auto flush = [&] {
    results.assign(batch.size(), DocAnalysis{});
    ParallelFor(batch.size(), ResolveThreads(config.threads),
                [&](size_t i) { results[i] = analyzer.Analyze(batch[i].text); });
    for (size_t i = 0; i < batch.size(); ++i) {
      out.ids.push_back(std::move(batch[i].id));
      out.sizes.push_back(batch[i].text.size());
      out.exact.push_back(results[i].exact_hash);
      out.shingles.push_back(std::move(results[i].shingles));
      out.signatures.insert(out.signatures.end(), results[i].signature.begin(),
                            results[i].signature.end());
      out.repeats.push_back(std::move(results[i].repeats));
      bytes_done += out.sizes.back();
    }
    batch.clear();
    batch_bytes = 0;
    if (progress) progress({"sign", out.size(), bytes_done});
  };
  NEARDUP_RETURN_IF_ERROR(source.ForEach([&](Document&& doc) -> absl::Status {
    if (out.size() + batch.size() >= std::numeric_limits<uint32_t>::max()) {
      return absl::ResourceExhaustedError("more than 4 billion documents in one run");
    }
    batch_bytes += doc.text.size();
    batch.push_back(std::move(doc));
    if (batch.size() >= kBatchDocuments || batch_bytes >= kBatchBytes) flush();
    return absl::OkStatus();
  }));
  flush();
  return out;
}

// Documents with the same normalized text, grouped: the first of each group takes part in LSH,
// the others follow its fate (they have the same shingle set, so whatever verifies against the
// first verifies against them with the same similarity).
struct ExactGroups {
  std::vector<uint32_t> representatives;  // ascending
  std::vector<uint32_t> first_of;         // first_of[i]: the representative of i's group
};

ExactGroups GroupExact(const Sketches& s) {
  std::vector<uint32_t> order(s.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(s.exact[a], a) < std::tie(s.exact[b], b);
  });
  ExactGroups g;
  g.first_of.resize(s.size());
  for (size_t lo = 0; lo < order.size();) {
    size_t hi = lo + 1;
    while (hi < order.size() && s.exact[order[hi]] == s.exact[order[lo]]) ++hi;
    const uint32_t first = order[lo];
    g.representatives.push_back(first);
    g.first_of[first] = first;
    for (size_t k = lo + 1; k < hi; ++k) {
      const uint32_t doc = order[k];
      // Equal sets verify the 64-bit fingerprint; a collision just makes a group of its own.
      const bool same = s.shingles[doc] == s.shingles[first];
      g.first_of[doc] = same ? first : doc;
      if (!same) g.representatives.push_back(doc);
    }
    lo = hi;
  }
  std::sort(g.representatives.begin(), g.representatives.end());
  return g;
}

std::vector<ScoredPair> VerifyCandidates(const Sketches& s, const std::vector<DocPair>& candidates,
                                         const Config& config) {
  std::vector<double> similarity(candidates.size());
  ParallelFor(candidates.size(), ResolveThreads(config.threads), [&](size_t i) {
    similarity[i] = Jaccard(s.shingles[candidates[i].a], s.shingles[candidates[i].b]);
  });
  std::vector<ScoredPair> verified;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (similarity[i] >= config.threshold - 1e-12) {
      verified.push_back({candidates[i].a, candidates[i].b, similarity[i]});
    }
  }
  return verified;
}

void FollowRepresentatives(const ExactGroups& groups, Clusters& clusters) {
  for (uint32_t doc = 0; doc < groups.first_of.size(); ++doc) {
    const uint32_t first = groups.first_of[doc];
    if (first == doc) continue;
    if (clusters.removed(first)) {
      clusters.kept_as[doc] = clusters.kept_as[first];
      clusters.similarity[doc] = clusters.similarity[first];
    } else {
      clusters.kept_as[doc] = first;
      clusters.similarity[doc] = 1.0;
    }
  }
}

Report MakeReport(Sketches& s, const Clusters& clusters, const Config& config,
                  const LshParams& lsh) {
  Report r;
  r.config = config;
  r.lsh = lsh;
  r.stats.documents = s.size();
  for (uint32_t doc = 0; doc < s.size(); ++doc) {
    r.stats.bytes += s.sizes[doc];
    if (clusters.removed(doc)) {
      ++r.stats.duplicate_documents;
      r.stats.duplicate_document_bytes += s.sizes[doc];
      continue;
    }
    for (const RepeatedPassage& p : s.repeats[doc]) {
      r.passages.push_back({doc, p.start, p.end, PassageRule::kRepeatWithin, doc, p.copy_start,
                            p.copy_end, p.similarity});
      ++r.stats.removed_passages;
      r.stats.removed_passage_bytes += p.end - p.start;
    }
  }
  std::vector<int64_t> cluster_of(s.size(), -1);
  for (uint32_t doc = 0; doc < s.size(); ++doc) {
    if (!clusters.removed(doc)) continue;
    const uint32_t kept = clusters.kept_as[doc];
    if (cluster_of[kept] < 0) {
      cluster_of[kept] = static_cast<int64_t>(r.clusters.size());
      r.clusters.push_back({kept, {}});
    }
    r.clusters[static_cast<size_t>(cluster_of[kept])].removed.push_back({doc, clusters.similarity[doc]});
  }
  std::sort(r.clusters.begin(), r.clusters.end(),
            [](const DocumentCluster& a, const DocumentCluster& b) { return a.kept < b.kept; });
  r.ids = std::move(s.ids);
  r.sizes = std::move(s.sizes);
  return r;
}

}  // namespace

absl::StatusOr<Report> Deduplicate(const DocumentSource& source, const Config& config,
                                   const ProgressFn& progress, StageSeconds* seconds) {
  NEARDUP_RETURN_IF_ERROR(Validate(config));
  StageSeconds local;
  StageSeconds& t = seconds != nullptr ? *seconds : local;
  Stopwatch watch;
  const Analyzer analyzer(config);
  NEARDUP_ASSIGN_OR_RETURN(Sketches sketches, SketchAll(source, analyzer, config, progress));
  t.sign = watch.Lap();
  const LshParams lsh = ChooseBands(config.threshold, config.num_perm);
  const ExactGroups groups = GroupExact(sketches);
  const std::vector<DocPair> candidates = CandidatePairs(
      sketches.signatures, config.num_perm, groups.representatives, lsh, config.seed);
  t.candidates = watch.Lap();
  const std::vector<ScoredPair> verified = VerifyCandidates(sketches, candidates, config);
  if (progress) progress({"verify", sketches.size(), 0});
  t.verify = watch.Lap();
  Clusters clusters = Cluster(verified, sketches.size());
  FollowRepresentatives(groups, clusters);
  t.cluster = watch.Lap();
  return MakeReport(sketches, clusters, config, lsh);
}

std::vector<DocumentEdit> CleanEdits(const Report& report) {
  std::vector<DocumentEdit> edits(report.ids.size());
  for (const DocumentCluster& c : report.clusters) {
    for (const RemovedDocument& d : c.removed) edits[d.doc].drop = true;
  }
  for (const PassageFinding& p : report.passages) {
    edits[p.doc].cuts.emplace_back(p.start, p.end);
  }
  return edits;
}

}  // namespace neardup
