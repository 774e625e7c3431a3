// Normalize(): NFKC, case folding and separator folding over whole documents.
#include <string>

#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "neardup/text/normalize.h"

namespace neardup::bench {
namespace {

constexpr size_t kDocs = 64;

// The hashing fast path, over documents of range(0) bytes.
void BM_NormalizeText(benchmark::State& state) {
  const std::optional<SyntheticCorpus> corpus = CorpusOrSkip(state, kDocs, WithDocBytes(state.range(0)));
  if (!corpus) return;
  for (auto _ : state) {
    for (const Document& doc : corpus->documents) {
      std::string normalized = Normalize(doc.text);
      benchmark::DoNotOptimize(normalized.data());
    }
  }
  ReportThroughput(state, corpus->total_bytes(), corpus->documents.size());
}
BENCHMARK(BM_NormalizeText)->ArgName("doc_bytes")->RangeMultiplier(4)->Range(1 << 10, 1 << 16);

// The variant that also keeps the byte map back to the original (used for passages).
void BM_NormalizeWithMap(benchmark::State& state) {
  const std::optional<SyntheticCorpus> corpus = CorpusOrSkip(state, kDocs, WithDocBytes(state.range(0)));
  if (!corpus) return;
  for (auto _ : state) {
    for (const Document& doc : corpus->documents) {
      NormalizedText normalized = NormalizeWithMap(doc.text);
      benchmark::DoNotOptimize(normalized.text.data());
      benchmark::DoNotOptimize(normalized.source.data());
    }
  }
  ReportThroughput(state, corpus->total_bytes(), corpus->documents.size());
}
BENCHMARK(BM_NormalizeWithMap)->ArgName("doc_bytes")->RangeMultiplier(4)->Range(1 << 10, 1 << 16);

}  // namespace
}  // namespace neardup::bench
