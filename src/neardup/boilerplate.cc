#include "neardup/boilerplate.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace neardup {

void BoilerplateCounter::Bump(Count& c, uint32_t doc, uint32_t source, uint32_t passage) {
  if (c.last_doc == doc) return;  // a document counts once
  if (c.documents == 0) {
    c.first_doc = doc;
    c.first_passage = passage;
    c.source = source;
  }
  c.last_doc = doc;
  ++c.documents;
}

void BoilerplateCounter::Add(uint32_t doc, uint32_t source, std::span<const PassageSketch> passages) {
  for (uint32_t i = 0; i < passages.size(); ++i) {
    const PassageSketch& p = passages[i];
    if (p.words == 0) continue;
    const uint64_t key = Decisions::Key(source, p.fingerprint);
    Bump(passages_[key], doc, source, i);
    keys_.try_emplace(key, p.fingerprint);
    if (p.opening == 0) continue;
    const uint64_t opening_key = Decisions::Key(source, p.opening);
    Count& c = openings_[opening_key];
    if (c.documents == 0 && c.last_doc == UINT32_MAX) c.tail = p.fingerprint;
    c.varied = c.varied || c.tail != p.fingerprint;
    Bump(c, doc, source, i);
    keys_.try_emplace(opening_key, p.opening);
  }
}

BoilerplateCounter::Decisions BoilerplateCounter::Decide(
    const BoilerplateOptions& options, std::span<const uint64_t> source_documents) const {
  Decisions d;
  const auto reaches = [&](const Count& c, double share) {
    const double needed = std::max(static_cast<double>(options.min_docs),
                                   share * static_cast<double>(source_documents[c.source]) - 1e-9);
    return static_cast<double>(c.documents) >= needed;
  };
  for (const auto& [key, c] : passages_) {
    if (!reaches(c, options.min_share)) continue;
    d.passages_.insert(key);
    d.entries_.push_back({c.source, keys_.at(key), false, c.documents, c.first_doc, c.first_passage});
  }
  for (const auto& [key, c] : openings_) {
    if (!c.varied || !reaches(c, std::max(options.min_share, options.pattern_min_share))) continue;
    d.patterns_.insert(key);
    d.entries_.push_back({c.source, keys_.at(key), true, c.documents, c.first_doc, c.first_passage});
  }
  // Hash-map order must never reach the output.
  std::sort(d.entries_.begin(), d.entries_.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.source, a.first_doc, a.first_passage, a.pattern) <
           std::tie(b.source, b.first_doc, b.first_passage, b.pattern);
  });
  return d;
}

}  // namespace neardup
