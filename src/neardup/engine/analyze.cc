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
  repeats_.k = static_cast<size_t>(config_.passages.shingle_words);
  repeats_.near_min_words = config_.passages.near_min_words;
  repeats_.threshold = config_.passages.near_threshold;
  repeats_.min_tandem_words = config.min_tandem_words;
  repeats_.seed = config.seed;
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

void Analyzer::IndexKeys(std::string_view text, Scratch& s, uint64_t& exact, std::vector<uint64_t>& band_keys,
                         std::vector<uint32_t>& set) const {
  s.Tokenize(text, config_.seed);
  exact = Hash64(s.tokens_.text, config_.seed);
  DocumentShingles(s.tokens_, s.words_, config_, set);
  MakeSet(set);  // a signature depends only on the set, so signing the set gives Analyze()'s keys
  s.signature_.resize(static_cast<size_t>(config_.num_perm));
  hasher_.SignInto(set, s.signature_);
  band_keys.clear();
  AppendBandKeys(s.signature_, lsh_, config_.seed, band_keys);
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

  s.grams_.clear();
  AppendWordShingles(s.words_, repeats_.k, s.grams_);
  s.sketcher_.Sketch(text, s.tokens_, s.words_, s.grams_, out.passages);
  for (const PassageSketch& p : out.passages.passages) {
    if (p.has_shingles()) passage_keys_.Append(out.passages.ShinglesOf(p), s.passage_signature_, out.passages.band_keys,
                                               out.passages.sketches);
  }
  DocUnits(out.passages.passages, out.passages.pieces, s.units_);
  out.repeats = FindWithinRepeats(text, s.tokens_, s.words_, s.grams_, s.units_, repeats_, s.repeats_);
}

DocAnalysis Analyzer::Analyze(std::string_view text) const {
  Scratch scratch(*this);
  DocAnalysis out;
  Analyze(text, scratch, out);
  return out;
}

}  // namespace neardup
