// The paragraph pool of the wire-heavy corpus: real paragraphs, each one or more consecutive
// sentences of one base description (TextBank::DocumentSentences), none near another.
//
// Why a pool: news reuses text. When every article draws its paragraphs from a pool that is small
// relative to the corpus, each paragraph recurs in tens of unrelated documents (about 7 at 100,000
// documents of 3.3 KB with 120,000 paragraphs, about 70 at 1,000,000), which is what the engine's
// cross-document rule meets on real news and never met in the default profile.
//
// Why "none near another": the truth of the wire profile says which lines repeat an earlier
// document. That holds only if two different pool paragraphs never repeat each other by the
// engine's rule (word 3-gram Jaccard >= 0.8). The base has about 158,000 distinct sentences, so
// 120,000 paragraphs of ~60 words share sentences: windows are drawn in a seeded order and a
// window is taken only when its word 3-gram Jaccard to every paragraph taken before is below 0.6
// (found through MinHash LSH, 16 bands of 3 rows, then computed exactly; a pair at 0.6 becomes a
// candidate with probability 0.98, at 0.8 with probability 0.99999). Two windows of one
// description that share half their sentences stay apart (J about 0.4); one that contains
// another does not. Near-identical descriptions of the base ("This package contains the
// development files for libfoo") give one paragraph, not hundreds.
//
// The first pass takes the windows verbatim: about 75,000 paragraphs of Debian's descriptions
// are apart from each other. Larger pools come from further passes over the same windows with
// one or two words of each sentence swapped (TextBank::WriteSentence, as in the default
// profile): two such versions of one window share few word 3-grams (J about 0.3).
#ifndef NEARDUP_BENCH_GEN_CORPUS_POOL_H_
#define NEARDUP_BENCH_GEN_CORPUS_POOL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "gen_corpus_text.h"

namespace neardup::bench {

// Built once, then only read.
class ParagraphPool {
 public:
  // Paragraphs have at least kMinWords words (more than the 20 of the engine's templated lines,
  // and enough for one edited word to keep a word 3-gram Jaccard near 0.85) and at most
  // kMaxBytes bytes (the engine splits longer lines into sentences).
  static constexpr size_t kMinWords = 45;
  static constexpr size_t kMaxBytes = 900;
  static constexpr double kMaxJaccard = 0.6;

  // `size` paragraphs from `bank`, in an order given by `seed`. Error when the bank holds fewer
  // paragraphs that are apart from each other, saying how many it holds.
  static absl::StatusOr<ParagraphPool> Build(const TextBank& bank, size_t size, uint64_t seed);

  size_t size() const { return spans_.size(); }
  std::string_view Paragraph(size_t i) const {
    return std::string_view(text_.data() + spans_[i].offset, spans_[i].size);
  }
  uint64_t total_bytes() const { return text_.size(); }
  // How many paragraphs are the base's text verbatim (taken in the first pass).
  size_t verbatim() const { return verbatim_; }

 private:
  struct Span {
    uint64_t offset;
    uint32_t size;
  };
  class Builder;

  std::string text_;
  std::vector<Span> spans_;
  size_t verbatim_ = 0;
};

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_GEN_CORPUS_POOL_H_
