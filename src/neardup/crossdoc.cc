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
  std::vector<PassageRef> candidates;
  const size_t prefix = PrefixLength(p.shingles.size(), threshold_);
  for (size_t k = 0; k < prefix && k < p.shingles.size(); ++k) {
    if (auto it = prefix_.find(p.shingles[k]); it != prefix_.end()) {
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (const PassageRef& c : candidates) {
    const double j = PassageSimilarity(p.shingles, At(c).shingles, threshold_);
    if (j >= threshold_) return Match{c, j};
  }
  return std::nullopt;
}

void CrossDocIndex::Add(PassageRef ref) {
  const PassageSketch& p = At(ref);
  if (p.shingles.empty()) return;
  exact_.try_emplace(p.fingerprint, ref);
  const size_t prefix = PrefixLength(p.shingles.size(), threshold_);
  for (size_t k = 0; k < prefix && k < p.shingles.size(); ++k) prefix_[p.shingles[k]].push_back(ref);
}

}  // namespace neardup
