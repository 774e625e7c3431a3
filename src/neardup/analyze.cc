#include "neardup/analyze.h"

#include "neardup/hash.h"
#include "neardup/normalize.h"
#include "neardup/shingle.h"

namespace neardup {

Analyzer::Analyzer(const Config& config) : config_(config), hasher_(config.num_perm, config.seed) {
  config_.passages.seed = config.seed;
  config_.passages.opening_words = config.boilerplate.pattern_words;
  config_.passages.opening_max_words = config.boilerplate.pattern_max_words;
}

DocAnalysis Analyzer::Analyze(std::string_view text) const {
  DocAnalysis out;
  const std::string normalized = Normalize(text);
  out.exact_hash = Hash64(normalized, config_.seed);
  out.shingles = Shingles(normalized, config_.shingle, config_.seed);
  out.signature = hasher_.Sign(out.shingles);
  out.passages = SketchPassages(text, config_.passages);
  std::vector<bool> removed(out.passages.size());
  for (size_t i = 0; i < removed.size(); ++i) removed[i] = out.passages[i].within_copy >= 0;
  const RunOptions runs{config_.passages.segment.long_line_bytes, config_.min_span_words,
                        config_.max_gap_tokens, 5, config_.seed};
  out.runs = FindRepeatedRuns(text, out.passages, removed, runs);
  return out;
}

}  // namespace neardup
