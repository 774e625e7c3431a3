// Signing: what the first pass does to every document before any comparison, on one thread —
// read a JSONL line (parse and unescape), normalize, shingle (word 5-grams), 128-permutation
// MinHash. MB/s counts JSONL bytes. Two kinds of text:
//   english:    the end-to-end benchmark corpus (real English, Debian's package descriptions;
//               bench/data/corpus-10000.jsonl, which scripts/bench.sh generates; skipped with a
//               message when it is missing; NEARDUP_BENCH_JSONL names another file);
//   indonesian: the seed news articles' sentences (bench_corpus.h), as JSONL lines.
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "neardup/base/json_string.h"
#include "neardup/io/jsonl.h"
#include "neardup/similarity/minhash.h"
#include "neardup/text/normalize.h"
#include "neardup/text/shingle.h"

namespace neardup::bench {
namespace {

constexpr size_t kDocs = 5000;

std::vector<std::string> EnglishLines() {
  const char* path = std::getenv("NEARDUP_BENCH_JSONL");
  std::ifstream in(path != nullptr ? path : NEARDUP_SOURCE_DIR "/bench/data/corpus-10000.jsonl");
  std::vector<std::string> lines;
  for (std::string line; lines.size() < kDocs && std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> IndonesianLines(benchmark::State& state) {
  const std::optional<SyntheticCorpus> corpus = CorpusOrSkip(state, kDocs);
  std::vector<std::string> lines;
  if (!corpus) return lines;
  for (const Document& doc : corpus->documents) {
    lines.push_back("{\"id\": " + QuoteJson(doc.id) + ", \"text\": " + QuoteJson(doc.text) + "}");
  }
  return lines;
}

void BM_Sign(benchmark::State& state, bool english) {
  const std::vector<std::string> lines = english ? EnglishLines() : IndonesianLines(state);
  if (lines.empty()) {
    state.SkipWithError("no input: run scripts/bench.sh once to generate bench/data/corpus-10000.jsonl");
    return;
  }
  size_t bytes = 0;
  for (const std::string& line : lines) bytes += line.size() + 1;
  JsonlParser parser({});
  const MinHasher hasher(128, kBenchSeed);
  TokenizedText tokens;
  std::vector<uint64_t> words;
  std::vector<uint32_t> shingles, signature(128);
  for (auto _ : state) {
    for (const std::string& line : lines) {
      const absl::StatusOr<JsonlRecord> record = parser.Parse(line);
      Tokenize(record->text, tokens);
      HashTokens(tokens, kBenchSeed, words);
      shingles.clear();
      AppendWordShingles(words, 5, shingles);
      hasher.SignInto(shingles, signature);
      benchmark::DoNotOptimize(signature.data());
    }
  }
  ReportThroughput(state, bytes, lines.size());
}
BENCHMARK_CAPTURE(BM_Sign, english, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Sign, indonesian, false)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace neardup::bench
