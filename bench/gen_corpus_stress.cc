#include "gen_corpus_stress.h"

#include <algorithm>

#include "gen_corpus_edit.h"
#include "gen_corpus_rng.h"

namespace neardup::bench {
namespace {

bool IsSlotWord(std::string_view word) {
  return word.size() >= 4 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

NearIdenticalGenerator::NearIdenticalGenerator(const TextBank& bank,
                                               const GeneratorOptions& options)
    : bank_(bank), options_(options) {
  Rng rng(DeriveSeed(options.seed, Stream::kText, 0));
  WriteHeadlineLine(bank, rng, article_);
  WriteParagraphLines(bank, options.doc_bytes, rng, article_);
  for (size_t i = 0; i < article_.size();) {
    if (article_[i] == ' ' || article_[i] == '\n') {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < article_.size() && article_[i] != ' ' && article_[i] != '\n') ++i;
    if (IsSlotWord(std::string_view(article_).substr(start, i - start))) {
      slots_.emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(i));
    }
  }
  WordShingles(article_, words_, article_set_);
}

void NearIdenticalGenerator::Next(GeneratedDoc& doc) {
  const uint64_t index = next_++;
  doc.id = DocumentId(options_.seed, index);
  doc.source = 0;
  doc.repeats.clear();
  doc.text.clear();
  if (index == 0 || slots_.empty()) {
    doc.kind = DocKind::kOriginal;
    doc.copy_of = 0;
    doc.jaccard = 1;
    doc.text = article_;
    return;
  }
  Rng rng(DeriveSeed(options_.seed, Stream::kEdit, index));
  chosen_.clear();
  const size_t edits = std::min(options_.edits, slots_.size());
  while (chosen_.size() < edits) {
    const size_t s = rng.Below(slots_.size());
    if (std::find(chosen_.begin(), chosen_.end(), s) == chosen_.end()) chosen_.push_back(s);
  }
  std::sort(chosen_.begin(), chosen_.end());
  size_t at = 0;
  for (const size_t s : chosen_) {
    const auto [start, end] = slots_[s];
    const std::string_view old_word = std::string_view(article_).substr(start, end - start);
    std::string_view word = bank_.RandomWord(rng);
    while (word == old_word) word = bank_.RandomWord(rng);
    doc.text.append(article_, at, start - at);
    doc.text.append(word);
    at = end;
  }
  doc.text.append(article_, at);
  doc.kind = DocKind::kNear;
  doc.copy_of = DocumentId(options_.seed, 0);
  WordShingles(doc.text, words_, copy_set_);
  doc.jaccard = Jaccard(article_set_, copy_set_);
}

void RecordGenerator::Next(GeneratedDoc& doc) {
  const uint64_t index = next_++;
  doc.id = DocumentId(options_.seed, index);
  doc.kind = DocKind::kOriginal;
  doc.copy_of = 0;
  doc.jaccard = 1;
  doc.source = 0;
  doc.repeats.clear();
  doc.text.clear();
  Rng rng(DeriveSeed(options_.seed, Stream::kText, index));
  WriteHeadlineLine(bank_, rng, doc.text);
  WriteParagraphLines(bank_, options_.doc_bytes, rng, doc.text);
}

}  // namespace neardup::bench
