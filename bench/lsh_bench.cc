// Banded LSH: band keys per signature, and CandidatePairs() over the band keys of N documents.
#include <cstdint>
#include <numeric>
#include <optional>
#include <span>
#include <vector>

#include <benchmark/benchmark.h>
#include <tbb/parallel_for.h>

#include "bench_util.h"
#include "neardup/config.h"
#include "neardup/similarity/lsh.h"
#include "neardup/similarity/minhash.h"
#include "neardup/text/normalize.h"
#include "neardup/text/shingle.h"

namespace neardup::bench {
namespace {

constexpr double kThreshold = 0.8;  // the Config default

struct Signatures {
  std::vector<uint32_t> table;  // row-major, num_perm per document
  size_t docs = 0;
  size_t text_bytes = 0;        // of the documents they stand for
};

// The band keys of all signatures, row-major, as the pipeline keeps them.
std::vector<uint64_t> KeyTable(const Signatures& sigs, int num_perm, const LshParams& params) {
  std::vector<uint64_t> keys;
  const auto width = static_cast<size_t>(num_perm);
  for (size_t i = 0; i < sigs.docs; ++i) {
    AppendBandKeys(std::span<const uint32_t>(sigs.table).subspan(i * width, width), params, kBenchSeed, keys);
  }
  return keys;
}

// Signatures of `num_docs` generated documents of the default size, computed on all cores (this
// is set-up, outside the timed loop), or nothing after marking the benchmark failed.
std::optional<Signatures> SignaturesOrSkip(benchmark::State& state, size_t num_docs, int num_perm) {
  const std::optional<SyntheticCorpus> corpus = CorpusOrSkip(state, num_docs);
  if (!corpus) return std::nullopt;
  const MinHasher hasher(num_perm, kBenchSeed);
  const auto width = static_cast<size_t>(num_perm);
  Signatures out{std::vector<uint32_t>(num_docs * width), num_docs, corpus->total_bytes()};
  tbb::parallel_for(size_t{0}, num_docs, [&](size_t i) {
    const std::vector<uint32_t> shingles =
        Shingles(Normalize(corpus->documents[i].text), ShingleSpec{}, kBenchSeed);
    hasher.SignInto(shingles, std::span<uint32_t>(out.table).subspan(i * width, width));
  });
  return out;
}

// CandidatePairs() over the band keys of every one of range(0) documents, 128 permutations, the
// banding the pipeline chooses for the default threshold.
void BM_LshCandidatePairs(benchmark::State& state) {
  constexpr int kNumPerm = 128;
  const std::optional<Signatures> sigs =
      SignaturesOrSkip(state, static_cast<size_t>(state.range(0)), kNumPerm);
  if (!sigs) return;
  std::vector<uint32_t> docs(sigs->docs);
  std::iota(docs.begin(), docs.end(), 0u);
  const LshParams params = ChooseBands(kThreshold, kNumPerm);
  const std::vector<uint64_t> keys = KeyTable(*sigs, kNumPerm, params);
  size_t pairs = 0;
  for (auto _ : state) {
    const std::vector<DocPair> candidates = CandidatePairs(keys, params.bands, docs);
    pairs = candidates.size();
    benchmark::DoNotOptimize(candidates.data());
  }
  ReportThroughput(state, sigs->text_bytes, sigs->docs);
  state.counters["pairs"] = static_cast<double>(pairs);
}
BENCHMARK(BM_LshCandidatePairs)
    ->ArgName("docs")
    ->RangeMultiplier(8)
    ->Range(1 << 10, 1 << 15)  // set-up signs every document, so larger sizes cost seconds each
    ->Unit(benchmark::kMillisecond);

// BandKeys() for 1024 signatures of range(0) permutations.
void BM_LshBandKeys(benchmark::State& state) {
  const int num_perm = static_cast<int>(state.range(0));
  const std::optional<Signatures> sigs = SignaturesOrSkip(state, 1024, num_perm);
  if (!sigs) return;
  const LshParams params = ChooseBands(kThreshold, num_perm);
  const std::span<const uint32_t> table(sigs->table);
  const auto width = static_cast<size_t>(num_perm);
  for (auto _ : state) {
    for (size_t i = 0; i < sigs->docs; ++i) {
      std::vector<uint64_t> keys = BandKeys(table.subspan(i * width, width), params, kBenchSeed);
      benchmark::DoNotOptimize(keys.data());
    }
  }
  ReportThroughput(state, sigs->text_bytes, sigs->docs);
}
BENCHMARK(BM_LshBandKeys)->ArgName("num_perm")->Arg(64)->Arg(128)->Arg(256);

}  // namespace
}  // namespace neardup::bench
