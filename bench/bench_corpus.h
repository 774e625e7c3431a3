// A seeded, reproducible corpus of realistic documents with known duplicates, for the benchmarks.
//
// The text is real: every sentence comes from the scraped news articles in corpus/seeds. Documents
// are paragraphs of sentences drawn in an order fixed by the seed, and a known share of them are
// exact copies, near copies (some words swapped for other real words) or documents with one
// paragraph pasted twice. All randomness comes from neardup::SplitMix64, never from <random> or
// std::hash, so one seed gives the same bytes on every platform and compiler.
#ifndef NEARDUP_BENCH_BENCH_CORPUS_H_
#define NEARDUP_BENCH_BENCH_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/document.h"

namespace neardup::bench {

// The seed every benchmark uses, so that runs on different days compare like with like.
inline constexpr uint64_t kBenchSeed = 20241030;

struct CorpusOptions {
  // Each original document is this long or slightly longer. Past the size of the distinct seed
  // text (~13 KB) documents must reuse sentences, so their shingle sets stop growing.
  size_t doc_bytes = 3000;
  double exact_copy_rate = 0.10;    // byte-identical copy of an earlier original
  double near_copy_rate = 0.10;     // copy of an earlier original with some words substituted
  double near_word_rate = 0.01;     // share of words a near copy substitutes (J about 0.9)
  double repeat_paragraph_rate = 0.05;  // original with one of its paragraphs pasted a second time
  std::string seed_dir;             // empty: <source dir>/corpus/seeds
};

enum class DocKind { kOriginal, kExactCopy, kNearCopy, kRepeatedParagraph };

struct SyntheticCorpus {
  std::vector<Document> documents;
  // Ground truth per document: the index of the earlier document it copies, or -1. Copies always
  // copy an original (never another copy), so -1 marks exactly the documents a deduplicator keeps.
  std::vector<int64_t> copy_of;
  std::vector<DocKind> kinds;

  size_t total_bytes() const;
};

// The distinct sentences of the seed articles (*.txt in `dir`, read in name order), split at ". "
// and line ends, in first-seen order. Errors: the directory or a file cannot be read, or no
// sentence was found.
absl::StatusOr<std::vector<std::string>> LoadSeedSentences(const std::string& dir);

// `num_docs` documents built from the seed sentences. The first document is always an original;
// copies pick their source uniformly among the originals before them. Same arguments, same bytes.
// Cost: linear in the bytes generated. Errors: those of LoadSeedSentences, or invalid rates.
absl::StatusOr<SyntheticCorpus> GenerateCorpus(size_t num_docs, uint64_t seed,
                                               const CorpusOptions& options = {});

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_BENCH_CORPUS_H_
