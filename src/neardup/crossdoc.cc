#include "neardup/crossdoc.h"

#include <algorithm>

namespace neardup {

CrossDocIndex::CrossDocIndex(const std::vector<std::vector<PassageSketch>>& passages, double threshold)
    : passages_(passages), threshold_(threshold) {}

std::optional<CrossDocIndex::Match> CrossDocIndex::Find(const PassageSketch& p) const {
  if (p.shingles.empty()) return std::nullopt;
  if (auto it = exact_.find(p.fingerprint); it != exact_.end() && At(it->second).shingles == p.shingles) {
    return Match{it->second, 1.0};
  }
  // Overlap counts of candidates met so far; -1 marks one the positional filter ruled out.
  const size_t a = p.shingles.size();
  const double t = threshold_;
  absl::flat_hash_map<uint64_t, int64_t> overlap;
  std::vector<PassageRef> candidates;
  const size_t prefix = PrefixLength(a, t);
  for (size_t i = 0; i < prefix && i < a; ++i) {
    const auto it = prefix_.find(p.shingles[i]);
    if (it == prefix_.end()) continue;
    for (const Posting& posting : it->second) {
      const size_t c = At(posting.ref).shingles.size();
      if (static_cast<double>(std::min(a, c)) < t * static_cast<double>(std::max(a, c)) - 1e-9) continue;
      const uint64_t key = (uint64_t{posting.ref.doc} << 32) | posting.ref.passage;
      const auto [entry, first] = overlap.try_emplace(key, 0);
      if (entry->second < 0) continue;
      if (first) {
        // Jaccard >= t needs an overlap of at least t / (1 + t) * (|A| + |C|); sharing nothing
        // before these positions, the two can share at most what follows them, plus this one.
        const double needed = t / (1.0 + t) * static_cast<double>(a + c) - 1e-9;
        const size_t bound = 1 + std::min(a - i - 1, c - posting.position - 1);
        if (static_cast<double>(bound) < needed) {
          entry->second = -1;
          continue;
        }
        candidates.push_back(posting.ref);
      }
      ++entry->second;
    }
  }
  std::sort(candidates.begin(), candidates.end());
  for (const PassageRef& c : candidates) {  // ascending: the earliest copy wins
    const double j = PassageSimilarity(p.shingles, At(c).shingles, t);
    if (j >= t) return Match{c, j};
  }
  return std::nullopt;
}

void CrossDocIndex::Add(PassageRef ref) {
  const PassageSketch& p = At(ref);
  if (p.shingles.empty()) return;
  exact_.try_emplace(p.fingerprint, ref);
  const size_t prefix = PrefixLength(p.shingles.size(), threshold_);
  for (size_t k = 0; k < prefix && k < p.shingles.size(); ++k) {
    std::vector<Posting>& postings = prefix_[p.shingles[k]];
    if (postings.size() < kMaxPostings) postings.push_back({ref, static_cast<uint32_t>(k)});
  }
}

}  // namespace neardup
