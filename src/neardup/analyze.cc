#include "neardup/analyze.h"

#include "neardup/hash.h"
#include "neardup/normalize.h"
#include "neardup/shingle.h"

namespace neardup {

Analyzer::Analyzer(const Config& config) : config_(config), hasher_(config.num_perm, config.seed) {
  config_.passages.seed = config.seed;
}

DocAnalysis Analyzer::Analyze(std::string_view text) const {
  DocAnalysis out;
  const std::string normalized = Normalize(text);
  out.exact_hash = Hash64(normalized, config_.seed);
  out.shingles = Shingles(normalized, config_.shingle, config_.seed);
  out.signature = hasher_.Sign(out.shingles);
  out.repeats = FindRepeatsWithin(text, config_.passages);
  return out;
}

}  // namespace neardup
