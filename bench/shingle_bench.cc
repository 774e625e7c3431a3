// Shingles(): hashing the word or character k-grams of normalized documents.
#include <cstdint>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "neardup/text/normalize.h"
#include "neardup/text/shingle.h"

namespace neardup::bench {
namespace {

constexpr size_t kDocs = 64;  // sizes stop at 8 KB: longer documents repeat seed sentences

// Shingles `kind` k-grams (k = range(1)) of documents of range(0) bytes, normalized beforehand.
void ShingleDocuments(benchmark::State& state, ShingleKind kind) {
  const std::optional<SyntheticCorpus> corpus = CorpusOrSkip(state, kDocs, WithDocBytes(state.range(0)));
  if (!corpus) return;
  std::vector<std::string> normalized;
  for (const Document& doc : corpus->documents) normalized.push_back(Normalize(doc.text));
  const ShingleSpec spec{kind, static_cast<int>(state.range(1))};
  for (auto _ : state) {
    for (const std::string& text : normalized) {
      std::vector<uint32_t> shingles = Shingles(text, spec, kBenchSeed);
      benchmark::DoNotOptimize(shingles.data());
    }
  }
  ReportThroughput(state, corpus->total_bytes(), corpus->documents.size());
}

void BM_ShingleWord(benchmark::State& state) { ShingleDocuments(state, ShingleKind::kWord); }
BENCHMARK(BM_ShingleWord)
    ->ArgNames({"doc_bytes", "k"})
    ->ArgsProduct({{1 << 10, 1 << 11, 1 << 12, 1 << 13}, {5}})
    ->Args({1 << 12, 3})
    ->Args({1 << 12, 9});

void BM_ShingleChar(benchmark::State& state) { ShingleDocuments(state, ShingleKind::kChar); }
BENCHMARK(BM_ShingleChar)
    ->ArgNames({"doc_bytes", "k"})
    ->ArgsProduct({{1 << 10, 1 << 11, 1 << 12, 1 << 13}, {5}})
    ->Args({1 << 12, 9});

}  // namespace
}  // namespace neardup::bench
