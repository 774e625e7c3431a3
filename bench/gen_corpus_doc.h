// The benchmark corpus, one document at a time: originals made of varied base sentences, and
// copies of earlier originals injected at known rates, with the truth of each document.
//
// An original is a headline line (two varied short descriptions, "A: B") and paragraph lines of
// 2 to 6 sentences (TextBank draws, each varied), about doc_bytes long (uniform in [2/3, 4/3] of
// it); `pasted` originals repeat one paragraph later in the same text. Each source (site-NN) has
// 1 or 2 boilerplate lines, appended to about boilerplate_share of its originals. Exact and near
// copies take an earlier original, uniformly, with its source and boilerplate; near copies edit
// 1-3% of the words (NearCopier).
//
// Memory stays bounded: the text of original i is a pure function of (seed, i), so a copy
// regenerates its original instead of the generator keeping earlier texts; what grows is one
// 4-byte index per original.
#ifndef NEARDUP_BENCH_GEN_CORPUS_DOC_H_
#define NEARDUP_BENCH_GEN_CORPUS_DOC_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "gen_corpus_edit.h"
#include "gen_corpus_rng.h"
#include "gen_corpus_text.h"

namespace neardup::bench {

struct GeneratorOptions {
  uint64_t seed = 1;
  size_t doc_bytes = 3000;
  size_t sources = 50;
  double exact_rate = 0.05;   // byte-identical copies of an earlier original
  double near_rate = 0.05;    // copies with 1-3% of words edited
  double pasted_rate = 0.03;  // originals with one paragraph pasted a second time
  double boilerplate_share = 0.5;
  double near_min_jaccard = 0.85;  // word 5-gram Jaccard floor of a near copy to its original
};

// OK, or why the options cannot be used (rates outside [0, 1] or summing above 1, ...).
absl::Status Validate(const GeneratorOptions& options);

enum class DocKind { kOriginal, kExact, kNear, kPasted };
std::string_view KindName(DocKind kind);  // "original", "exact", "near", "pasted"

struct GeneratedDoc {
  uint64_t id = 0;
  DocKind kind = DocKind::kOriginal;
  uint64_t copy_of = 0;  // id of the original; for kExact and kNear only
  double jaccard = 1;    // word 5-gram Jaccard to the original; for kNear only
  size_t source = 0;     // index into source_names()
  std::string text;      // lines ending in "\n", the headline first
};

// Not thread-safe (scratch buffers). Documents come out in order; the same bank, options and
// number of calls give the same documents on every platform.
class CorpusGenerator {
 public:
  // Preconditions: Validate(options).ok(); at most 2^32 documents will be asked for. `bank` must
  // outlive the generator.
  CorpusGenerator(const TextBank& bank, const GeneratorOptions& options);

  // Fills `doc` with the next document, reusing its text buffer.
  void Next(GeneratedDoc& doc);

  const std::vector<std::string>& source_names() const { return source_names_; }

 private:
  DocKind KindOf(uint64_t index) const;
  size_t SourceOf(uint64_t index) const;
  // Appends original `index`; returns the size of `out` before its boilerplate lines.
  size_t WriteOriginal(uint64_t index, std::string& out) const;
  void WriteParagraphs(size_t target_bytes, Rng& rng, std::string& out) const;

  const TextBank& bank_;
  const GeneratorOptions options_;
  std::vector<std::string> source_names_;
  std::vector<std::vector<std::string>> boilerplate_;  // per source, its lines
  std::vector<uint32_t> originals_;                    // indices of the originals generated so far
  uint64_t next_ = 0;
  NearCopier copier_;
  std::string scratch_;
};

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_GEN_CORPUS_DOC_H_
