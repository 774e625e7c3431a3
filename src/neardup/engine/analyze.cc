#include "neardup/engine/analyze.h"

#include "neardup/base/hash.h"
#include "neardup/text/shingle.h"

namespace neardup {

Analyzer::Analyzer(const Config& config)
    : config_(config),
      hasher_(config.num_perm, config.seed),
      passage_keys_(config.seed),
      lsh_(ChooseBands(config.threshold, config.num_perm)) {
  config_.passages.seed = config.seed;
  config_.passages.opening_words = config.boilerplate.pattern_words;
  config_.passages.opening_max_words = config.boilerplate.pattern_max_words;
  if (config.containment > 0) {
    containment_lsh_ = ChooseBands(config.containment * kContainmentSizeRatio, config.num_perm);
  }
}

namespace {

void DocumentShingles(const TokenizedText& tokens, const std::vector<uint64_t>& words, const Config& config,
                      std::vector<uint32_t>& out) {
  out.clear();
  if (config.shingle.kind == ShingleKind::kWord) {
    AppendWordShingles(words, static_cast<size_t>(config.shingle.k), out);
  } else {
    out = Shingles(tokens.text, config.shingle, config.seed);
  }
}

}  // namespace

void Analyzer::Scratch::Tokenize(std::string_view text, uint64_t seed) {
  neardup::Tokenize(text, tokens_);
  HashTokens(tokens_, seed, words_);
}

void Analyzer::ShingleSet(std::string_view text, Scratch& s, std::vector<uint32_t>& out) const {
  s.Tokenize(text, config_.seed);
  DocumentShingles(s.tokens_, s.words_, config_, out);
  MakeSet(out);
}

void Analyzer::PassageSets(std::string_view text, Scratch& s, std::span<const uint32_t> passages,
                           std::vector<std::vector<uint32_t>>& out) const {
  s.Tokenize(text, config_.seed);
  s.sketcher_.Sets(text, s.tokens_, s.words_, passages, out);
}

void Analyzer::Analyze(std::string_view text, Scratch& s, DocAnalysis& out) const {
  s.Tokenize(text, config_.seed);
  out.exact_hash = Hash64(s.tokens_.text, config_.seed);
  DocumentShingles(s.tokens_, s.words_, config_, out.shingles);
  s.signature_.resize(static_cast<size_t>(config_.num_perm));
  hasher_.SignInto(out.shingles, s.signature_);
  out.band_keys.clear();
  AppendBandKeys(s.signature_, lsh_, config_.seed, out.band_keys);
  if (containment_lsh_.bands > 0) AppendBandKeys(s.signature_, containment_lsh_, config_.seed + 1, out.band_keys);

  s.sketcher_.Sketch(text, s.tokens_, s.words_, out.passages);
  for (const PassageSketch& p : out.passages.passages) {
    if (p.has_shingles()) passage_keys_.Append(out.passages.ShinglesOf(p), s.passage_signature_, out.passages.band_keys,
                                               out.passages.sketches);
  }
  const auto& passages = out.passages.passages;
  s.removed_.assign(passages.size(), false);
  for (size_t i = 0; i < passages.size(); ++i) s.removed_[i] = passages[i].within_copy >= 0;
  const RunOptions runs{config_.passages.segment.long_line_bytes, config_.min_span_words,
                        config_.max_gap_tokens, 5, config_.seed};
  // At the default word:5 the document's shingles are the runs' k-grams.
  const bool same_grams = config_.shingle.kind == ShingleKind::kWord && config_.shingle.k == runs.k &&
                          config_.min_span_words >= static_cast<size_t>(runs.k);
  out.runs = FindRepeatedRuns(text, s.tokens_, s.words_,
                              same_grams ? std::span<const uint32_t>(out.shingles) : std::span<const uint32_t>(),
                              passages, s.removed_, runs);
}

DocAnalysis Analyzer::Analyze(std::string_view text) const {
  Scratch scratch(*this);
  DocAnalysis out;
  Analyze(text, scratch, out);
  return out;
}

}  // namespace neardup
