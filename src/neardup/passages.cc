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

constexpr uint32_t kNone = UINT32_MAX;

struct Piece {
  std::string normalized;
  std::vector<uint64_t> shingles;  // only for passages long enough for near matching
};

// Number of leading elements of a set of size n that any set with Jaccard >= t must share one of.
size_t PrefixLength(size_t n, double t) {
  const auto overlap = static_cast<size_t>(std::ceil(t * static_cast<double>(n) - 1e-9));
  return n - std::min(n, overlap) + 1;
}

class RepeatFinder {
 public:
  explicit RepeatFinder(const PassageOptions& options) : options_(options) {}

  // Returns the index of the kept passage that passage `i` repeats, or kNone; then records
  // passage `i` as kept when it repeats nothing.
  uint32_t Match(uint32_t i, Piece piece, double& similarity) {
    similarity = 1.0;
    const uint64_t fingerprint = Hash64(piece.normalized, options_.seed);
    if (auto it = exact_.find(fingerprint); it != exact_.end() &&
        kept_[it->second].normalized == piece.normalized) {
      return it->second;
    }
    const uint32_t near = FindNear(piece, similarity);
    if (near != kNone) return near;
    exact_.try_emplace(fingerprint, i);
    const size_t prefix = PrefixLength(piece.shingles.size(), options_.near_threshold);
    for (size_t k = 0; k < prefix && k < piece.shingles.size(); ++k) {
      prefix_index_[piece.shingles[k]].push_back(i);
    }
    kept_.emplace(i, std::move(piece));
    return kNone;
  }

 private:
  uint32_t FindNear(const Piece& piece, double& similarity) const {
    const auto& s = piece.shingles;
    if (s.empty()) return kNone;
    const double t = options_.near_threshold;
    std::vector<uint32_t> candidates;
    const size_t prefix = PrefixLength(s.size(), t);
    for (size_t k = 0; k < prefix && k < s.size(); ++k) {
      if (auto it = prefix_index_.find(s[k]); it != prefix_index_.end()) {
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (const uint32_t c : candidates) {  // ascending: the earliest copy wins
      const auto& other = kept_.at(c).shingles;
      const double small = static_cast<double>(std::min(s.size(), other.size()));
      const double large = static_cast<double>(std::max(s.size(), other.size()));
      if (small < t * large - 1e-9) continue;  // sizes alone rule this pair out
      const double j = Jaccard(s, other);
      if (j >= t) {
        similarity = j;
        return c;
      }
    }
    return kNone;
  }

  const PassageOptions& options_;
  absl::flat_hash_map<uint64_t, uint32_t> exact_;
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> prefix_index_;
  absl::flat_hash_map<uint32_t, Piece> kept_;
};

}  // namespace

std::vector<RepeatedPassage> FindRepeatsWithin(std::string_view text, const PassageOptions& options) {
  const std::vector<Passage> passages = Segment(text, options.segment);
  RepeatFinder finder(options);
  const ShingleSpec spec{ShingleKind::kWord, options.shingle_words};
  std::vector<RepeatedPassage> out;
  std::vector<bool> removed(passages.size(), false);
  for (uint32_t i = 0; i < passages.size(); ++i) {
    const Passage& p = passages[i];
    Piece piece{Normalize(text.substr(p.start, p.end - p.start)), {}};
    if (piece.normalized.empty()) continue;  // punctuation-only lines carry no content
    if (CountWords(piece.normalized) >= options.near_min_words) {
      piece.shingles = Shingles(piece.normalized, spec, options.seed);
    }
    double similarity = 1.0;
    const uint32_t copy = finder.Match(i, std::move(piece), similarity);
    if (copy == kNone) continue;
    removed[i] = true;
    out.push_back({p.start, p.removal_end, passages[copy].start, passages[copy].end, similarity});
  }
  // When every sentence of a split line goes, its line terminator goes too.
  size_t next = 0;
  for (size_t i = 0; i < passages.size(); ++i) {
    if (!removed[i]) continue;
    while (out[next].start != passages[i].start) ++next;
    if (!passages[i].block_last || passages[i].block_first) continue;
    size_t first = i;
    while (first > 0 && !passages[first].block_first && removed[first - 1]) --first;
    if (passages[first].block_first && removed[first]) out[next].end = passages[i].block_end;
  }
  return out;
}

}  // namespace neardup
