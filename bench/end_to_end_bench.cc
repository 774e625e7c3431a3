// Deduplicate(): every stage, from documents in memory to the Report, at the default Config.
#include <cstdint>
#include <optional>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "neardup/config.h"
#include "neardup/document.h"
#include "neardup/engine/pipeline.h"

namespace neardup::bench {
namespace {

// Share of the ground-truth exact and near copies the report removed, and share of removals that
// are copies at all. Near copies substitute near_word_rate of their words, so whether they reach
// the threshold depends on that rate and the shingle size: the recall shows which way it went.
void CountAgainstTruth(benchmark::State& state, const SyntheticCorpus& corpus, const Report& report) {
  std::vector<bool> removed(corpus.documents.size(), false);
  double removals = 0;
  for (const DocumentCluster& cluster : report.clusters) {
    for (const RemovedDocument& doc : cluster.removed) {
      removed[doc.doc] = true;
      removals += 1;
    }
  }
  // [kind][found]: how many documents of each kind the report removed or kept.
  double count[4][2] = {};
  double copies_found = 0;
  for (size_t i = 0; i < corpus.documents.size(); ++i) {
    count[static_cast<int>(corpus.kinds[i])][removed[i] ? 1 : 0] += 1;
    if (corpus.copy_of[i] >= 0 && removed[i]) copies_found += 1;
  }
  const auto recall = [&](DocKind kind) {
    const double* c = count[static_cast<int>(kind)];
    return c[0] + c[1] == 0 ? 1.0 : c[1] / (c[0] + c[1]);
  };
  state.counters["exact_recall"] = recall(DocKind::kExactCopy);
  state.counters["near_recall"] = recall(DocKind::kNearCopy);
  state.counters["precision"] = removals == 0 ? 1.0 : copies_found / removals;
}

// range(0) documents of ~3 KB on range(1) threads. Wall time, since the work runs on the
// pipeline's worker threads rather than on the timing thread.
void BM_EndToEndDeduplicate(benchmark::State& state) {
  const std::optional<SyntheticCorpus> corpus =
      CorpusOrSkip(state, static_cast<size_t>(state.range(0)));
  if (!corpus) return;
  const MemorySource source(corpus->documents);  // a copy, made before the timing
  Config config;
  config.seed = kBenchSeed;
  config.threads = static_cast<int>(state.range(1));
  std::optional<Report> last;
  for (auto _ : state) {
    absl::StatusOr<Report> report = Deduplicate(source, config, ProgressFn());
    if (!report.ok()) {
      state.SkipWithError(report.status().ToString().c_str());
      break;
    }
    last = std::move(*report);
  }
  if (!last) return;
  ReportThroughput(state, corpus->total_bytes(), corpus->documents.size());
  CountAgainstTruth(state, *corpus, *last);
}
BENCHMARK(BM_EndToEndDeduplicate)
    ->ArgNames({"docs", "threads"})
    ->ArgsProduct({{1000, 10000}, {1, 2}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace neardup::bench
