// MinHasher::Sign(): per-permutation minima over a document's shingle set.
#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "neardup/similarity/minhash.h"
#include "neardup/text/normalize.h"
#include "neardup/text/shingle.h"

namespace neardup::bench {
namespace {

constexpr size_t kDocs = 64;  // sizes stop at 8 KB: longer documents repeat seed sentences

// The word:5 shingle sets (the default spec) of the documents, in corpus order.
std::vector<std::vector<uint32_t>> ShingleSets(const SyntheticCorpus& corpus) {
  std::vector<std::vector<uint32_t>> sets;
  for (const Document& doc : corpus.documents) {
    sets.push_back(Shingles(Normalize(doc.text), ShingleSpec{}, kBenchSeed));
  }
  return sets;
}

// Documents of range(0) bytes, signatures of range(1) permutations, a new vector each.
void BM_MinHashSign(benchmark::State& state) {
  const std::optional<SyntheticCorpus> corpus = CorpusOrSkip(state, kDocs, WithDocBytes(state.range(0)));
  if (!corpus) return;
  const std::vector<std::vector<uint32_t>> sets = ShingleSets(*corpus);
  const MinHasher hasher(static_cast<int>(state.range(1)), kBenchSeed);
  for (auto _ : state) {
    for (const std::vector<uint32_t>& set : sets) {
      std::vector<uint32_t> signature = hasher.Sign(set);
      benchmark::DoNotOptimize(signature.data());
    }
  }
  ReportThroughput(state, corpus->total_bytes(), corpus->documents.size());
}
BENCHMARK(BM_MinHashSign)
    ->ArgNames({"doc_bytes", "num_perm"})
    ->ArgsProduct({{1 << 10, 1 << 11, 1 << 12, 1 << 13}, {128}})
    ->Args({1 << 12, 64})
    ->Args({1 << 12, 256});

// The same into one reused buffer: the cost of the minima alone, without allocation.
void BM_MinHashSignInto(benchmark::State& state) {
  const std::optional<SyntheticCorpus> corpus = CorpusOrSkip(state, kDocs, WithDocBytes(state.range(0)));
  if (!corpus) return;
  const std::vector<std::vector<uint32_t>> sets = ShingleSets(*corpus);
  const MinHasher hasher(static_cast<int>(state.range(1)), kBenchSeed);
  std::vector<uint32_t> signature(static_cast<size_t>(hasher.num_perm()));
  for (auto _ : state) {
    for (const std::vector<uint32_t>& set : sets) {
      hasher.SignInto(set, signature);
      benchmark::DoNotOptimize(signature.data());
      benchmark::ClobberMemory();
    }
  }
  ReportThroughput(state, corpus->total_bytes(), corpus->documents.size());
}
BENCHMARK(BM_MinHashSignInto)->ArgNames({"doc_bytes", "num_perm"})->Args({1 << 12, 128});

}  // namespace
}  // namespace neardup::bench
