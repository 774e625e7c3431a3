#include "neardup/pipeline.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <numeric>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "neardup/analyze.h"
#include "neardup/cluster.h"
#include "neardup/findings.h"
#include "neardup/lsh.h"
#include "neardup/parallel.h"
#include "neardup/sketch.h"
#include "neardup/status_macros.h"
#include "neardup/verify.h"

namespace neardup {
namespace {

// Bounds the texts held at once: a batch is analyzed in parallel, then its texts are dropped.
constexpr size_t kBatchDocuments = 512;
constexpr size_t kBatchBytes = size_t{32} << 20;

// Containment candidates: LSH tuned for this share of the containment threshold, so that a
// reprint at least half as long as the original becomes a candidate with >= 95% probability.
constexpr double kContainmentSizeRatio = 0.5;

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

class SketchBuilder {
 public:
  SketchBuilder(const Analyzer& analyzer, const Config& config) : analyzer_(analyzer), config_(config) {}

  void Add(Document&& doc) {
    batch_bytes_ += doc.text.size();
    batch_.push_back(std::move(doc));
    if (batch_.size() >= kBatchDocuments || batch_bytes_ >= kBatchBytes) Flush();
  }

  void Flush() {
    results_.assign(batch_.size(), DocAnalysis{});
    ParallelFor(batch_.size(), ResolveThreads(config_.threads),
                [&](size_t i) { results_[i] = analyzer_.Analyze(batch_[i].text); });
    for (size_t i = 0; i < batch_.size(); ++i) Append(batch_[i], results_[i]);
    batch_.clear();
    batch_bytes_ = 0;
  }

  size_t pending() const { return out_.size() + batch_.size(); }
  uint64_t bytes() const { return bytes_; }
  CorpusSketch& sketch() { return out_; }

 private:
  void Append(Document& doc, DocAnalysis& a) {
    out_.ids.push_back(std::move(doc.id));
    out_.locations.push_back(std::move(doc.location));
    out_.sizes.push_back(doc.text.size());
    out_.exact.push_back(a.exact_hash);
    out_.shingles.push_back(std::move(a.shingles));
    out_.signatures.insert(out_.signatures.end(), a.signature.begin(), a.signature.end());
    out_.passages.push_back(std::move(a.passages));
    out_.runs.push_back(std::move(a.runs));
    const auto [it, inserted] = source_ids_.try_emplace(doc.source, out_.source_names.size());
    if (inserted) out_.source_names.push_back(doc.source);
    out_.source.push_back(it->second);
    out_.keep_keys.push_back(config_.keep == KeepPolicy::kField ? std::move(doc.keep_key) : std::nullopt);
    bytes_ += doc.text.size();
  }

  const Analyzer& analyzer_;
  const Config& config_;
  std::vector<Document> batch_;
  std::vector<DocAnalysis> results_;
  size_t batch_bytes_ = 0;
  uint64_t bytes_ = 0;
  CorpusSketch out_;
  absl::flat_hash_map<std::string, uint32_t> source_ids_;
};

absl::StatusOr<CorpusSketch> SketchAll(const DocumentSource& source, const Analyzer& analyzer,
                                       const Config& config, const ProgressFn& progress) {
  SketchBuilder builder(analyzer, config);
  NEARDUP_RETURN_IF_ERROR(source.ForEach([&](Document&& doc) -> absl::Status {
    if (builder.pending() >= std::numeric_limits<uint32_t>::max() - 1) {
      return absl::ResourceExhaustedError("more than 4 billion documents in one run");
    }
    const size_t before = builder.sketch().size();
    builder.Add(std::move(doc));
    if (progress && builder.sketch().size() != before) {
      progress({"sign", builder.sketch().size(), builder.bytes()});
    }
    return absl::OkStatus();
  }));
  builder.Flush();
  if (progress) progress({"sign", builder.sketch().size(), builder.bytes()});
  return std::move(builder.sketch());
}

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

// Documents with the same normalized text, grouped: the best-ranked of each group takes part in
// LSH, the others follow its fate (their shingle sets are equal, so whatever verifies against it
// verifies against them with the same similarity).
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
    const uint32_t first = order[lo];
    g.representatives.push_back(first);
    g.first_of[first] = first;
    for (size_t k = lo + 1; k < hi; ++k) {
      const uint32_t doc = order[k];
      // Equal sets confirm the 64-bit fingerprint; a collision just makes a group of its own.
      const bool same = s.shingles[doc] == s.shingles[first];
      g.first_of[doc] = same ? first : doc;
      if (!same) g.representatives.push_back(doc);
    }
    lo = hi;
  }
  std::sort(g.representatives.begin(), g.representatives.end());
  return g;
}

// Exact scores of candidate pairs, in parallel; each result stored by index.
std::vector<double> Score(const CorpusSketch& s, const std::vector<DocPair>& candidates, int threads,
                          bool containment, double threshold) {
  std::vector<double> score(candidates.size());
  ParallelFor(candidates.size(), threads, [&](size_t i) {
    const auto& a = s.shingles[candidates[i].a];
    const auto& b = s.shingles[candidates[i].b];
    if (!containment) {
      score[i] = JaccardAtLeast(a, b, threshold);
      return;
    }
    const size_t smaller = std::min(a.size(), b.size());
    score[i] = smaller == 0 ? 0.0 : static_cast<double>(IntersectionSize(a, b)) / static_cast<double>(smaller);
  });
  return score;
}

std::vector<ScoredPair> JaccardPairs(const CorpusSketch& s, const ExactGroups& groups,
                                     const LshParams& lsh, const Config& config) {
  const auto candidates = CandidatePairs(s.signatures, config.num_perm, groups.representatives, lsh, config.seed);
  const std::vector<double> score = Score(s, candidates, ResolveThreads(config.threads), false, config.threshold);
  std::vector<ScoredPair> verified;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (score[i] >= config.threshold - 1e-12) verified.push_back({candidates[i].a, candidates[i].b, score[i]});
  }
  return verified;
}

// Removes kept documents contained (share >= config.containment of their shingles) in a larger
// kept document. Larger documents are decided first, so a container is never itself removed
// afterwards and nothing chains.
void ApplyContainment(const CorpusSketch& s, const ExactGroups& groups, const std::vector<uint32_t>& rank,
                      const Config& config, Clusters& clusters, std::vector<DocumentMatch>& match) {
  std::vector<uint32_t> kept;
  for (const uint32_t doc : groups.representatives) {
    if (!clusters.removed(doc)) kept.push_back(doc);
  }
  const LshParams lsh = ChooseBands(config.containment * kContainmentSizeRatio, config.num_perm);
  const auto candidates = CandidatePairs(s.signatures, config.num_perm, kept, lsh, config.seed + 1);
  const std::vector<double> score = Score(s, candidates, ResolveThreads(config.threads), true, config.containment);
  // (contained, container, score): the container is the larger set, ties by keep rank.
  const auto larger = [&](uint32_t a, uint32_t b) {
    return std::tuple(s.shingles[a].size(), rank[b]) > std::tuple(s.shingles[b].size(), rank[a]);
  };
  std::vector<ScoredPair> contained;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (score[i] < config.containment - 1e-12) continue;
    auto [a, b] = candidates[i];
    if (larger(b, a)) std::swap(a, b);
    contained.push_back({b, a, score[i]});  // .a = contained, .b = container
  }
  std::sort(contained.begin(), contained.end(), [&](const ScoredPair& x, const ScoredPair& y) {
    return std::tuple(s.shingles[y.a].size(), rank[x.a], rank[x.b]) <
           std::tuple(s.shingles[x.a].size(), rank[y.a], rank[y.b]);
  });
  for (const ScoredPair& p : contained) {
    if (clusters.removed(p.a) || clusters.removed(p.b)) continue;
    clusters.kept_as[p.a] = p.b;
    clusters.similarity[p.a] = p.similarity;
    match[p.a] = DocumentMatch::kContainment;
  }
}

void FollowRepresentatives(const ExactGroups& groups, Clusters& clusters, std::vector<DocumentMatch>& match) {
  for (uint32_t doc = 0; doc < groups.first_of.size(); ++doc) {
    const uint32_t first = groups.first_of[doc];
    if (first == doc) continue;
    if (clusters.removed(first)) {
      clusters.kept_as[doc] = clusters.kept_as[first];
      clusters.similarity[doc] = clusters.similarity[first];
      match[doc] = match[first];
    } else {
      clusters.kept_as[doc] = first;
      clusters.similarity[doc] = 1.0;
      match[doc] = DocumentMatch::kExact;
    }
  }
}

void AddClusters(const CorpusSketch& s, const Clusters& clusters, const std::vector<DocumentMatch>& match,
                 Report& r) {
  std::vector<int64_t> cluster_of(s.size(), -1);
  for (uint32_t doc = 0; doc < s.size(); ++doc) {
    r.stats.bytes += s.sizes[doc];
    if (!clusters.removed(doc)) continue;
    ++r.stats.duplicate_documents;
    r.stats.duplicate_document_bytes += s.sizes[doc];
    switch (match[doc]) {
      case DocumentMatch::kExact: ++r.stats.exact_documents; break;
      case DocumentMatch::kJaccard: ++r.stats.jaccard_documents; break;
      case DocumentMatch::kContainment: ++r.stats.containment_documents; break;
    }
    const uint32_t kept = clusters.kept_as[doc];
    if (cluster_of[kept] < 0) {
      cluster_of[kept] = static_cast<int64_t>(r.clusters.size());
      r.clusters.push_back({kept, {}});
    }
    r.clusters[static_cast<size_t>(cluster_of[kept])].removed.push_back(
        {doc, clusters.similarity[doc], match[doc]});
  }
  std::sort(r.clusters.begin(), r.clusters.end(),
            [](const DocumentCluster& a, const DocumentCluster& b) { return a.kept < b.kept; });
}

}  // namespace

absl::StatusOr<Report> Deduplicate(const DocumentSource& source, const Config& config,
                                   const ProgressFn& progress, StageSeconds* seconds) {
  NEARDUP_RETURN_IF_ERROR(Validate(config));
  StageSeconds local;
  StageSeconds& t = seconds != nullptr ? *seconds : local;
  Stopwatch watch;
  const Analyzer analyzer(config);
  NEARDUP_ASSIGN_OR_RETURN(CorpusSketch sketch, SketchAll(source, analyzer, config, progress));
  t.sign = watch.Lap();
  const LshParams lsh = ChooseBands(config.threshold, config.num_perm);
  const std::vector<uint32_t> rank = KeepRank(sketch, config);
  const ExactGroups groups = GroupExact(sketch, rank);
  const std::vector<ScoredPair> verified = JaccardPairs(sketch, groups, lsh, config);
  if (progress) progress({"verify", sketch.size(), 0});
  t.verify = watch.Lap();
  Clusters clusters = Cluster(verified, sketch.size(), rank);
  std::vector<DocumentMatch> match(sketch.size(), DocumentMatch::kJaccard);
  if (config.containment > 0) ApplyContainment(sketch, groups, rank, config, clusters, match);
  FollowRepresentatives(groups, clusters, match);
  t.cluster = watch.Lap();

  Report report;
  report.config = config;
  report.lsh = lsh;
  report.stats.documents = sketch.size();
  AddClusters(sketch, clusters, match, report);
  std::vector<bool> removed(sketch.size());
  for (uint32_t doc = 0; doc < sketch.size(); ++doc) removed[doc] = clusters.removed(doc);
  ApplyPassageRules(sketch, removed, config, report);
  report.ids = std::move(sketch.ids);
  report.sizes = std::move(sketch.sizes);
  report.locations = std::move(sketch.locations);
  report.fingerprints = std::move(sketch.exact);
  t.passages = watch.Lap();
  NEARDUP_RETURN_IF_ERROR(FillBoilerplateText(source, config, report));
  return report;
}

std::vector<DocumentEdit> CleanEdits(const Report& report) {
  std::vector<DocumentEdit> edits(report.ids.size());
  for (const DocumentCluster& c : report.clusters) {
    for (const RemovedDocument& d : c.removed) edits[d.doc].drop = true;
  }
  for (const PassageFinding& p : report.passages) {
    if (p.removed) edits[p.doc].cuts.emplace_back(p.start, p.end);
  }
  return edits;
}

}  // namespace neardup
