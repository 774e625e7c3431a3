// The benchmark corpus, one document at a time, with the truth of each document. Four profiles
// share the options and the document value below:
//
// - default (CorpusGenerator, here): originals made of varied base sentences, and copies of
//   earlier originals injected at known rates. An original is a headline line (two varied short
//   descriptions, "A: B") and paragraph lines of 2 to 6 sentences (TextBank draws, each varied),
//   about doc_bytes long (uniform in [2/3, 4/3] of it); `pasted` originals repeat one paragraph
//   later in the same text. Each source (site-NN) has 1 or 2 boilerplate lines, appended to
//   about boilerplate_share of its originals. Exact and near copies take an earlier original,
//   uniformly, with its source and boilerplate; near copies edit 1-3% of the words (NearCopier).
// - wire (gen_corpus_wire.h): text reused the way news reuses it: paragraphs from a small pool,
//   per-site headers and footers, wire stories republished by other sites.
// - near-identical and record (gen_corpus_stress.h): the engine's worst cases, one source.
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

enum class Profile { kDefault, kWire, kNearIdentical, kRecord };

struct GeneratorOptions {
  Profile profile = Profile::kDefault;
  uint64_t seed = 1;
  size_t doc_bytes = 3000;
  size_t sources = 50;
  double exact_rate = 0.05;   // byte-identical copies of an earlier original
  double near_rate = 0.05;    // copies with 1-3% of words edited
  double pasted_rate = 0.03;  // originals with one paragraph pasted a second time
  double boilerplate_share = 0.5;
  double near_min_jaccard = 0.85;  // word 5-gram Jaccard floor of a near copy to its original
  // wire only
  double wire_rate = 0.15;          // republications of an earlier wire story by another site
  size_t pool_paragraphs = 120000;  // distinct paragraphs all articles draw from
  // near-identical only: words substituted in each copy
  size_t edits = 3;
};

// The options of `profile` when no flag overrides them.
GeneratorOptions DefaultOptions(Profile profile);

// OK, or why the options cannot be used (rates outside [0, 1] or summing above 1, ...).
absl::Status Validate(const GeneratorOptions& options);

// kWire: an article of the wire profile that republishes an earlier wire story (its copy_of)
// with another headline, some of its paragraphs, a few edits and paragraphs of its own. It is
// no duplicate document (word 5-gram Jaccard to the story at most 0.6) and must be kept.
enum class DocKind { kOriginal, kExact, kNear, kPasted, kWire };
inline constexpr int kNumDocKinds = 5;
std::string_view KindName(DocKind kind);  // "original", "exact", "near", "pasted", "wire"

// A line of a kept document that repeats a passage of an earlier kept document: what the
// engine's repeat-across rule should report for it.
struct RepeatTruth {
  uint32_t line = 0;   // 1-based line of the document's text
  uint32_t start = 0;  // bytes of the line in the text, its "\n" excluded
  uint32_t end = 0;
  uint64_t copy_of = 0;  // id of the first document (in input order) that holds the passage
  double jaccard = 1;    // word 3-gram Jaccard to that passage (1: identical text)
};

struct GeneratedDoc {
  uint64_t id = 0;
  DocKind kind = DocKind::kOriginal;
  uint64_t copy_of = 0;  // id of the original; kExact and kNear (for kWire: the story)
  double jaccard = 1;    // word 5-gram Jaccard to the original; kNear (and kWire) only
  size_t source = 0;     // index into source_names()
  std::string text;      // lines ending in "\n"
  std::vector<RepeatTruth> repeats;  // in line order; only profiles that know them fill it
};

// Documents come out in order; the same bank, options and number of calls give the same
// documents on every platform. Not thread-safe (scratch buffers).
class DocumentGenerator {
 public:
  virtual ~DocumentGenerator() = default;
  // Fills `doc` with the next document, reusing its buffers.
  virtual void Next(GeneratedDoc& doc) = 0;
  virtual const std::vector<std::string>& source_names() const = 0;
};

// Text drawn from the bank, shared by the profiles: a headline line (two varied short
// descriptions, "A: B\n"), and lines of 2 to 6 varied sentences appended until `out` holds
// `target_size` bytes (at least one line). A line ends early, after its second sentence, once the
// target is reached or once it holds 600 bytes: the engine splits lines over 1000 bytes into
// sentences, and news paragraphs are rarely that long.
void WriteHeadlineLine(const TextBank& bank, Rng& rng, std::string& out);
void WriteParagraphLines(const TextBank& bank, size_t target_size, Rng& rng, std::string& out);

// The default profile.
class CorpusGenerator : public DocumentGenerator {
 public:
  // Preconditions: Validate(options).ok(); at most 2^32 documents will be asked for. `bank` must
  // outlive the generator.
  CorpusGenerator(const TextBank& bank, const GeneratorOptions& options);

  void Next(GeneratedDoc& doc) override;
  const std::vector<std::string>& source_names() const override { return source_names_; }

 private:
  DocKind KindOf(uint64_t index) const;
  size_t SourceOf(uint64_t index) const;
  // Appends original `index`; returns the size of `out` before its boilerplate lines.
  size_t WriteOriginal(uint64_t index, std::string& out) const;

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
