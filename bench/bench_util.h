// Helpers shared by the *_bench.cc suites (header-only; only the suites link Google Benchmark).
//
// Every suite reports the same two figures so that stages can be compared: bytes/s counts the
// original document text the timed work stands for (for a stage that takes shingles or
// signatures, the bytes of the documents they came from), and docs_per_second the documents.
#ifndef NEARDUP_BENCH_BENCH_UTIL_H_
#define NEARDUP_BENCH_BENCH_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>

#include <benchmark/benchmark.h>

#include "bench_corpus.h"

namespace neardup::bench {

// Sets bytes/s and docs/s from the work one iteration does. Call after the timed loop.
inline void ReportThroughput(benchmark::State& state, size_t bytes_per_iteration,
                             size_t docs_per_iteration) {
  const auto iterations = static_cast<int64_t>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes_per_iteration) * iterations);
  state.counters["docs_per_second"] = benchmark::Counter(
      static_cast<double>(docs_per_iteration) * static_cast<double>(iterations),
      benchmark::Counter::kIsRate);
}

// The corpus every suite uses (seed kBenchSeed), or nothing after marking the benchmark as
// failed, e.g. when the seed articles cannot be read.
inline std::optional<SyntheticCorpus> CorpusOrSkip(benchmark::State& state, size_t num_docs,
                                                   const CorpusOptions& options = {}) {
  absl::StatusOr<SyntheticCorpus> corpus = GenerateCorpus(num_docs, kBenchSeed, options);
  if (!corpus.ok()) {
    state.SkipWithError(corpus.status().ToString().c_str());
    return std::nullopt;
  }
  return std::move(*corpus);
}

// Options for documents of `doc_bytes` bytes, the size argument most suites sweep.
inline CorpusOptions WithDocBytes(int64_t doc_bytes) {
  CorpusOptions options;
  options.doc_bytes = static_cast<size_t>(doc_bytes);
  return options;
}

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_BENCH_UTIL_H_
