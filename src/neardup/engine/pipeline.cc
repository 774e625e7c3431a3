#include "neardup/engine/pipeline.h"

#include <tbb/task_arena.h>

#include <chrono>

#include "neardup/engine/analyze.h"
#include "neardup/engine/doc_dedup.h"
#include "neardup/engine/findings.h"
#include "neardup/engine/first_pass.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

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

void AddClusters(const CorpusSketch& s, const DocumentDecisions& d, Report& r) {
  const Clusters& clusters = d.clusters;
  // Indexed documents kept in place of some of the run's have numbers from s.size() on.
  std::vector<int64_t> cluster_of(s.size() + d.indexed.size(), -1);
  for (uint32_t doc = 0; doc < s.size(); ++doc) {
    r.stats.bytes += s.sizes[doc];
    if (!clusters.removed(doc)) continue;
    ++r.stats.duplicate_documents;
    r.stats.duplicate_document_bytes += s.sizes[doc];
    switch (d.match[doc]) {
      case DocumentMatch::kExact: ++r.stats.exact_documents; break;
      case DocumentMatch::kJaccard: ++r.stats.jaccard_documents; break;
      case DocumentMatch::kContainment: ++r.stats.containment_documents; break;
    }
    const uint32_t kept = clusters.kept_as[doc];
    if (cluster_of[kept] < 0) {
      cluster_of[kept] = static_cast<int64_t>(r.clusters.size());
      r.clusters.push_back({kept, {}, kept >= s.size()});
    }
    r.clusters[static_cast<size_t>(cluster_of[kept])].removed.push_back({doc, clusters.similarity[doc], d.match[doc]});
  }
  std::sort(r.clusters.begin(), r.clusters.end(),
            [](const DocumentCluster& a, const DocumentCluster& b) { return a.kept < b.kept; });
}

// The indexed documents the clusters name, after the corpus's own (Report::indexed_documents).
void AppendIndexed(const std::vector<StoredDoc>& indexed, const Index& index, Report& r) {
  for (const StoredDoc& doc : indexed) {
    r.ids.push_back(doc.id);
    r.sizes.push_back(doc.size);
    r.locations.push_back("index " + index.dir());
    r.fingerprints.push_back(doc.exact);
  }
  r.indexed_documents = static_cast<uint32_t>(indexed.size());
}

absl::StatusOr<Report> Run(const DocumentSource& source, const Config& config, const ProgressFn& progress,
                           RunProfile& t, const Index* index) {
  Stopwatch watch;
  const SpillOptions spill{config.temp_dir, config.spill_memory_bytes};
  const Analyzer analyzer(config);
  CorpusSketch sketch;
  sketch.passages = std::make_unique<SpillFile>(spill);
  BoilerplateCounter boilerplate(spill);
  CrossDocMatcher across(config.passages.near_threshold, spill);
  NEARDUP_RETURN_IF_ERROR(SketchCorpus(source, analyzer, config, progress, sketch, boilerplate, across));
  t.sign = watch.Lap();
  NEARDUP_ASSIGN_OR_RETURN(const DocumentDecisions decisions,
                           DecideDocuments(source, sketch, analyzer, config, spill, index));
  if (progress) progress({"verify", sketch.size(), 0});
  t.verify = watch.Lap();

  Report report;
  report.config = config;
  report.lsh = analyzer.lsh();
  report.stats.documents = sketch.size();
  AddClusters(sketch, decisions, report);
  t.cluster = watch.Lap();
  t.document_pairs = decisions.candidate_pairs;
  t.document_matches = decisions.verified_pairs;
  t.documents_reread = decisions.documents_reread;
  NEARDUP_RETURN_IF_ERROR(
      ApplyPassageRules(source, sketch, decisions.clusters.kept_as, boilerplate, across, analyzer, config, report,
                        t.documents_reread));
  t.passage_pairs = across.candidate_pairs();
  t.passage_sketched = across.sketched_pairs();
  t.passage_matches = across.verified_pairs();
  report.ids = std::move(sketch.ids);
  report.sizes = std::move(sketch.sizes);
  report.locations = std::move(sketch.locations);
  report.fingerprints = std::move(sketch.exact);
  if (index != nullptr) AppendIndexed(decisions.indexed, *index, report);
  sketch = CorpusSketch();
  NEARDUP_RETURN_IF_ERROR(FillBoilerplateText(source, config, report));
  t.passages = watch.Lap();
  return report;
}

absl::StatusOr<Report> RunInArena(const DocumentSource& source, const Config& config, const Index* index,
                                  const ProgressFn& progress, RunProfile* profile) {
  NEARDUP_RETURN_IF_ERROR(Validate(config));
  RunProfile local;
  RunProfile& t = profile != nullptr ? *profile : local;
  // Every parallel part of the engine runs as tasks of this arena, so --threads bounds them all.
  tbb::task_arena arena(ResolveThreads(config.threads));
  absl::StatusOr<Report> report;
  arena.execute([&] { report = Run(source, config, progress, t, index); });
  return report;
}

}  // namespace

absl::StatusOr<Report> Deduplicate(const DocumentSource& source, const Config& config,
                                   const ProgressFn& progress, RunProfile* profile) {
  return RunInArena(source, config, nullptr, progress, profile);
}

absl::StatusOr<Report> DeduplicateWithIndex(const DocumentSource& source, const Config& config, const Index& index,
                                            const ProgressFn& progress, RunProfile* profile) {
  return RunInArena(source, config, &index, progress, profile);
}

absl::StatusOr<Report> Deduplicate(const DocumentSource& source, const Config& config,
                                   const ProgressFn& progress) {
  return Deduplicate(source, config, progress, nullptr);
}

std::vector<DocumentEdit> CleanEdits(const Report& report) {
  std::vector<DocumentEdit> edits(report.ids.size() - report.indexed_documents);
  for (const DocumentCluster& c : report.clusters) {
    for (const RemovedDocument& d : c.removed) edits[d.doc].drop = true;  // never an indexed document
  }
  for (const PassageFinding& p : report.passages) {
    if (p.removed) edits[p.doc].cuts.emplace_back(p.start, p.end);
  }
  return edits;
}

}  // namespace neardup
