// The real text the benchmark corpus generator draws from: distinct sentences and headlines of a
// base corpus, with the words a sentence may have swapped, and a way to write a varied copy.
//
// Bases: Debian's English package descriptions (JSONL written by scripts/fetch_base_text.sh: the
// first line of a description is its short description, our headline pool; the other lines are
// split into sentences) or the seed articles in corpus/seeds (the first line of each file is its
// title). Sentences and headlines are kept once each, so frequent boilerplate of the base ("This
// package contains the development files") is not over-drawn.
//
// Why variation: 30 MB of base text make a 3 GB corpus, so every sentence is drawn about 170
// times. Each draw swaps one or two of its words (of 4+ lowercase letters) for words drawn from
// the whole base by frequency, sometimes dropping another, so a reused sentence is rarely
// verbatim, lines of several drawn sentences never repeat by accident, and two unrelated
// documents share almost no word 5-grams, while the text stays the base's real sentences.
#ifndef NEARDUP_BENCH_GEN_CORPUS_TEXT_H_
#define NEARDUP_BENCH_GEN_CORPUS_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "gen_corpus_rng.h"

namespace neardup::bench {

// Built once, then only read (const methods), so threads may share one.
class TextBank {
 public:
  // Both keep at most 4 GB of distinct text (offsets are 32-bit); the rest is ignored.
  // From JSONL lines with a "text" field (scripts/fetch_base_text.sh output). Errors: the file
  // cannot be read, a line is not JSON with a string "text", or too little text was found.
  static absl::StatusOr<TextBank> FromDescriptions(const std::string& jsonl_path);
  // From the *.txt files of `dir`, in name order. Errors as above.
  static absl::StatusOr<TextBank> FromArticles(const std::string& dir);

  size_t num_sentences() const { return sentences_.size(); }
  size_t num_headlines() const { return headlines_.size(); }
  // Base documents (descriptions or articles) in the order read.
  size_t num_documents() const { return document_starts_.size(); }

  // Sentence `i` as it is in the base, without variation.
  std::string_view Sentence(size_t i) const {
    return std::string_view(text_.data() + sentences_[i].offset, sentences_[i].size);
  }
  // The sentences of base document `d` in their order there, as indices for Sentence(): real
  // paragraphs can be rebuilt from consecutive ones. A sentence seen before (in any document)
  // keeps its first index; one that was left out (too short, too long) is skipped.
  std::span<const uint32_t> DocumentSentences(size_t d) const {
    const uint32_t end = d + 1 < document_starts_.size()
                             ? document_starts_[d + 1]
                             : static_cast<uint32_t>(document_sentences_.size());
    return std::span<const uint32_t>(document_sentences_).subspan(document_starts_[d],
                                                                  end - document_starts_[d]);
  }

  // Appends sentence `i` (i < num_sentences()), or headline `i`, varied with draws from `rng`.
  void WriteSentence(size_t i, Rng& rng, std::string& out) const;
  void WriteHeadline(size_t i, Rng& rng, std::string& out) const;
  // A word of the base drawn by frequency: lowercase ASCII letters, at least four.
  std::string_view RandomWord(Rng& rng) const;

 private:
  struct Span {
    uint32_t offset;  // into text_
    uint32_t size;
    uint32_t slots_begin;  // into slots_: this piece's words that may be swapped or dropped
    uint32_t slots_count;
  };
  // A swappable word, never the first: >= 4 lowercase ASCII letters (in headlines, any case).
  struct Slot {
    uint32_t offset;  // into text_
    uint32_t size;
  };

  class Builder;
  void WriteVaried(const Span& span, int max_swaps, bool may_drop, Rng& rng,
                   std::string& out) const;

  std::string text_;
  std::vector<Span> sentences_;
  std::vector<Span> headlines_;
  std::vector<Slot> slots_;  // all pieces' slots, in order
  // Every lowercase word of slot size, repeats included: the vocabulary, drawn by frequency.
  std::vector<Slot> words_;
  std::vector<uint32_t> document_sentences_;  // per base document, its sentences in order
  std::vector<uint32_t> document_starts_;     // where each document's run begins
};

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_GEN_CORPUS_TEXT_H_
