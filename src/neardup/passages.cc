#include "neardup/passages.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "neardup/hash.h"
#include "neardup/normalize.h"
#include "neardup/shingle.h"
#include "neardup/verify.h"

namespace neardup {
namespace {

// Kept passages of one document, indexed for exact and near lookups.
class WithinIndex {
 public:
  WithinIndex(const std::vector<PassageSketch>& passages, const std::vector<std::string>& normalized,
              double threshold)
      : passages_(passages), normalized_(normalized), threshold_(threshold) {}

  // The earliest kept passage that passage i repeats, or -1.
  int32_t Match(uint32_t i, double& similarity) const {
    similarity = 1.0;
    const PassageSketch& p = passages_[i];
    if (auto it = exact_.find(p.fingerprint);
        it != exact_.end() && normalized_[it->second] == normalized_[i]) {
      return static_cast<int32_t>(it->second);
    }
    if (p.shingles.empty()) return -1;
    std::vector<uint32_t> candidates;
    const size_t prefix = PrefixLength(p.shingles.size(), threshold_);
    for (size_t k = 0; k < prefix && k < p.shingles.size(); ++k) {
      if (auto it = prefix_.find(p.shingles[k]); it != prefix_.end()) {
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (const uint32_t c : candidates) {  // ascending: the earliest copy wins
      const double j = PassageSimilarity(p.shingles, passages_[c].shingles, threshold_);
      if (j >= threshold_) {
        similarity = j;
        return static_cast<int32_t>(c);
      }
    }
    return -1;
  }

  void Add(uint32_t i) {
    const PassageSketch& p = passages_[i];
    exact_.try_emplace(p.fingerprint, i);
    const size_t prefix = PrefixLength(p.shingles.size(), threshold_);
    for (size_t k = 0; k < prefix && k < p.shingles.size(); ++k) prefix_[p.shingles[k]].push_back(i);
  }

 private:
  const std::vector<PassageSketch>& passages_;
  const std::vector<std::string>& normalized_;
  double threshold_;
  absl::flat_hash_map<uint64_t, uint32_t> exact_;
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> prefix_;
};

uint64_t OpeningHash(std::string_view normalized, size_t words, size_t max_words, uint64_t seed) {
  const size_t count = CountWords(normalized);
  if (count < words || count > max_words) return 0;
  size_t end = normalized.size();
  size_t seen = 0;
  for (size_t pos = 0; pos < normalized.size(); ++pos) {
    if (normalized[pos] == ' ' && ++seen == words) {
      end = pos;
      break;
    }
  }
  const uint64_t h = Hash64(normalized.substr(0, end), seed ^ 0x6f70656e696e67ULL);  // "opening"
  return h == 0 ? 1 : h;  // 0 means "no opening"
}

}  // namespace

size_t PrefixLength(size_t n, double t) {
  const auto overlap = static_cast<size_t>(std::ceil(t * static_cast<double>(n) - 1e-9));
  return n - std::min(n, overlap) + 1;
}

double PassageSimilarity(std::span<const uint64_t> a, std::span<const uint64_t> b, double threshold) {
  const double small = static_cast<double>(std::min(a.size(), b.size()));
  const double large = static_cast<double>(std::max(a.size(), b.size()));
  if (small < threshold * large - 1e-9) return 0.0;  // sizes alone rule this pair out
  return JaccardAtLeast(a, b, threshold);
}

std::vector<PassageSketch> SketchPassages(std::string_view text, const PassageOptions& options) {
  const std::vector<Passage> spans = Segment(text, options.segment);
  std::vector<PassageSketch> out(spans.size());
  std::vector<std::string> normalized(spans.size());
  const ShingleSpec spec{ShingleKind::kWord, options.shingle_words};
  uint32_t line = 1;
  size_t counted = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    PassageSketch& p = out[i];
    p.span = spans[i];
    line += static_cast<uint32_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted),
                                             text.begin() + static_cast<std::ptrdiff_t>(p.span.start), '\n'));
    counted = p.span.start;
    p.line = line;
    normalized[i] = Normalize(text.substr(p.span.start, p.span.end - p.span.start));
    p.words = static_cast<uint32_t>(CountWords(normalized[i]));
    if (p.words == 0) continue;
    p.fingerprint = Hash64(normalized[i], options.seed);
    if (p.span.block_first && p.span.block_last) {
      p.opening = OpeningHash(normalized[i], options.opening_words, options.opening_max_words, options.seed);
    }
    if (p.words >= options.near_min_words) p.shingles = Shingles(normalized[i], spec, options.seed);
  }
  WithinIndex index(out, normalized, options.near_threshold);
  for (uint32_t i = 0; i < out.size(); ++i) {
    if (out[i].words == 0) continue;
    out[i].within_copy = index.Match(i, out[i].within_similarity);
    if (out[i].within_copy < 0) index.Add(i);
  }
  return out;
}

std::pair<size_t, size_t> RemovalSpan(std::span<const PassageSketch> passages,
                                      const std::vector<bool>& removed, size_t i) {
  const Passage& p = passages[i].span;
  if (!p.block_last || p.block_first) return {p.start, p.removal_end};
  size_t first = i;
  while (first > 0 && !passages[first].span.block_first && removed[first - 1]) --first;
  const bool whole_line = passages[first].span.block_first && removed[first];
  return {p.start, whole_line ? p.block_end : p.removal_end};
}

std::vector<RepeatedPassage> FindRepeatsWithin(std::string_view text, const PassageOptions& options) {
  const std::vector<PassageSketch> passages = SketchPassages(text, options);
  std::vector<bool> removed(passages.size());
  for (size_t i = 0; i < passages.size(); ++i) removed[i] = passages[i].within_copy >= 0;
  std::vector<RepeatedPassage> out;
  for (size_t i = 0; i < passages.size(); ++i) {
    if (!removed[i]) continue;
    const auto [start, end] = RemovalSpan(passages, removed, i);
    const Passage& copy = passages[static_cast<size_t>(passages[i].within_copy)].span;
    out.push_back({start, end, copy.start, copy.end, passages[i].within_similarity});
  }
  return out;
}

}  // namespace neardup
