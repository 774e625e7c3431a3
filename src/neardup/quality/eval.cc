#include "neardup/quality/eval.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"

namespace neardup {
namespace {

// Sorted, disjoint, non-empty byte ranges.
using Ranges = std::vector<std::pair<uint64_t, uint64_t>>;

Ranges Merge(Ranges r) {
  std::sort(r.begin(), r.end());
  Ranges out;
  for (const auto& [a, b] : r) {
    if (a >= b) continue;
    if (!out.empty() && a <= out.back().second) {
      out.back().second = std::max(out.back().second, b);
    } else {
      out.emplace_back(a, b);
    }
  }
  return out;
}

uint64_t Length(const Ranges& r) {
  uint64_t n = 0;
  for (const auto& [a, b] : r) n += b - a;
  return n;
}

Ranges Intersect(const Ranges& x, const Ranges& y) {
  Ranges out;
  for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    const uint64_t a = std::max(x[i].first, y[j].first);
    const uint64_t b = std::min(x[i].second, y[j].second);
    if (a < b) out.emplace_back(a, b);
    if (x[i].second < y[j].second) {
      ++i;
    } else {
      ++j;
    }
  }
  return out;
}

Ranges Subtract(const Ranges& x, const Ranges& y) {
  Ranges out;
  size_t j = 0;
  for (auto [a, b] : x) {
    while (j < y.size() && y[j].second <= a) ++j;
    for (size_t k = j; k < y.size() && y[k].first < b; ++k) {
      if (y[k].first > a) out.emplace_back(a, y[k].first);
      a = std::max(a, y[k].second);
    }
    if (a < b) out.emplace_back(a, b);
  }
  return out;
}

void Add(Score& s, const Ranges& predicted, const Ranges& truth) {
  const uint64_t hit = Length(Intersect(predicted, truth));
  s.true_positives += hit;
  s.false_positives += Length(predicted) - hit;
  s.false_negatives += Length(truth) - hit;
}

struct DocRun {
  bool removed = false;
  Ranges found[kNumSpanKinds];  // passages by kind, found or removed
  Ranges removed_passages;
};

struct TruthRanges {
  Ranges kinds[kNumSpanKinds];  // non-ambiguous
  Ranges scored;                // union of kinds
  Ranges ambiguous;
  Ranges all;                   // every span
};

TruthRanges RangesOf(const TruthDocument& d) {
  TruthRanges t;
  for (const TruthSpan& s : d.spans) {
    (s.ambiguous ? t.ambiguous : t.kinds[static_cast<int>(s.kind())]).emplace_back(s.start, s.end);
    if (!s.ambiguous) t.scored.emplace_back(s.start, s.end);
    t.all.emplace_back(s.start, s.end);
  }
  for (Ranges& r : t.kinds) r = Merge(std::move(r));
  t.scored = Merge(std::move(t.scored));
  t.ambiguous = Merge(std::move(t.ambiguous));
  t.all = Merge(std::move(t.all));
  return t;
}

absl::StatusOr<std::vector<DocRun>> Collect(const Truth& truth, const Run& run,
                                            const absl::flat_hash_map<std::string_view, uint32_t>& index) {
  std::vector<DocRun> runs(truth.documents.size());
  const auto find = [&](const std::string& id) -> absl::StatusOr<uint32_t> {
    const auto it = index.find(id);
    if (it == index.end()) {
      return absl::InvalidArgumentError(absl::StrFormat("the report names document \"%s\", which the truth does not have", id));
    }
    return it->second;
  };
  for (const std::string& id : run.removed_documents) {
    const absl::StatusOr<uint32_t> doc = find(id);
    if (!doc.ok()) return doc.status();
    runs[*doc].removed = true;
  }
  for (const RunPassage& p : run.passages) {
    const absl::StatusOr<uint32_t> doc = find(p.doc);
    if (!doc.ok()) return doc.status();
    if (p.start > p.end || p.end > truth.documents[*doc].bytes) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "the report has a passage [%d, %d) outside document \"%s\" (%d bytes)", p.start, p.end,
          p.doc, truth.documents[*doc].bytes));
    }
    runs[*doc].found[static_cast<int>(p.kind)].emplace_back(p.start, p.end);
    if (p.removed) runs[*doc].removed_passages.emplace_back(p.start, p.end);
  }
  for (DocRun& r : runs) {
    for (Ranges& f : r.found) f = Merge(std::move(f));
    r.removed_passages = Merge(std::move(r.removed_passages));
  }
  return runs;
}

// Document scores by group; returns the effective status of every document and marks copies
// that stand in for their removed original.
absl::StatusOr<std::vector<DocStatus>> ScoreDocuments(
    const Truth& truth, const absl::flat_hash_map<std::string_view, uint32_t>& index,
    const std::vector<DocRun>& runs, std::vector<bool>& stand_in, EvalResult& result) {
  const size_t n = truth.documents.size();
  std::vector<std::vector<uint32_t>> copies(n);
  std::vector<bool> grouped(n);
  for (uint32_t i = 0; i < n; ++i) {
    const TruthDocument& d = truth.documents[i];
    if (d.status == DocStatus::kAmbiguous) ++result.ambiguous_documents;
    if (d.status != DocStatus::kDuplicate) continue;
    const auto it = index.find(d.of);
    if (it == index.end()) {
      return absl::InvalidArgumentError(absl::StrFormat("truth: document \"%s\" copies unknown \"%s\"", d.id, d.of));
    }
    copies[it->second].push_back(i);
    grouped[i] = grouped[it->second] = true;
  }
  std::vector<DocStatus> effective(n);
  for (uint32_t i = 0; i < n; ++i) effective[i] = truth.documents[i].status;
  Score& s = result.documents;
  for (uint32_t o = 0; o < n; ++o) {
    if (copies[o].empty()) {
      if (!grouped[o] && effective[o] == DocStatus::kKept && runs[o].removed) ++s.false_positives;
      continue;
    }
    const uint64_t should = copies[o].size();
    uint64_t removed = runs[o].removed ? 1 : 0;
    for (const uint32_t c : copies[o]) removed += runs[c].removed ? 1 : 0;
    s.true_positives += std::min(removed, should);
    s.false_positives += removed - std::min(removed, should);
    s.false_negatives += should - std::min(removed, should);
    if (!runs[o].removed) continue;
    for (const uint32_t c : copies[o]) {
      if (runs[c].removed) continue;
      effective[o] = DocStatus::kDuplicate;
      effective[c] = DocStatus::kKept;
      stand_in[c] = true;
      break;
    }
  }
  return effective;
}

void ScoreKept(const TruthDocument& d, const DocRun& run, EvalResult& r) {
  const TruthRanges t = RangesOf(d);
  const Ranges whole = {{0, d.bytes}};
  Ranges any;
  Ranges found[kNumSpanKinds];
  for (int k = 0; k < kNumSpanKinds; ++k) {
    if (!run.removed) found[k] = Subtract(run.found[k], t.ambiguous);
    Add(r.spans[k], found[k], t.kinds[k]);
    any.insert(any.end(), found[k].begin(), found[k].end());
  }
  Add(r.all_spans, Merge(std::move(any)), t.scored);
  const int layout = static_cast<int>(d.glued ? Layout::kGlued : Layout::kLine);
  for (int k = 0; k < kNumSpanKinds; ++k) Add(r.layout_spans[layout][k], found[k], t.kinds[k]);
  for (const TruthSpan& s : d.spans) {
    if (s.ambiguous) continue;
    InjectionTally& tally = r.injections[static_cast<int>(s.injection)];
    ++tally.spans;
    tally.bytes += s.end - s.start;
    tally.found_bytes += Length(Intersect({{s.start, s.end}}, found[static_cast<int>(s.kind())]));
  }
  const Ranges& removed = run.removed ? whole : run.removed_passages;
  r.collateral_bytes += Length(Subtract(removed, t.all));
  for (const NaturalSpan& n : d.natural) {
    NaturalTally& tally = r.natural[static_cast<int>(n.kind)];
    const uint64_t hit = Length(Intersect({{n.start, n.end}}, removed));
    ++tally.spans;
    tally.bytes += n.end - n.start;
    tally.removed_bytes += hit;
    if (hit > 0) ++tally.touched_spans;
  }
  r.kept_bytes += d.bytes - Length(t.all);
  Add(r.clean_text, Subtract(removed, t.ambiguous), t.scored);
}

void ScoreDuplicate(const TruthDocument& d, const DocRun& run, EvalResult& r) {
  const Ranges whole = {{0, d.bytes}};
  const Ranges ambiguous = RangesOf(d).ambiguous;
  Add(r.clean_text, Subtract(run.removed ? whole : run.removed_passages, ambiguous),
      Subtract(whole, ambiguous));
}

void Tally(const Truth& truth, const std::vector<DocRun>& runs, const std::vector<bool>& stand_in,
           EvalResult& r) {
  constexpr double kEdges[] = {0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0};
  for (size_t k = 0; k + 1 < std::size(kEdges); ++k) r.buckets.push_back({kEdges[k], kEdges[k + 1]});
  r.buckets.push_back({1.0, 1.0});
  for (uint32_t i = 0; i < truth.documents.size(); ++i) {
    const TruthDocument& d = truth.documents[i];
    if (d.origin == Origin::kBase) continue;
    const int status = static_cast<int>(d.status);
    const bool found = runs[i].removed || (d.status == DocStatus::kDuplicate && stand_in[i]);
    size_t b = 0;
    while (b + 1 < r.buckets.size() && !(d.jaccard < r.buckets[b].high)) ++b;
    for (DocumentTally* t : {&r.origins[static_cast<int>(d.origin)], &r.buckets[b]}) {
      ++t->documents[status];
      if (found) ++t->removed[status];
    }
  }
}

double Ratio(uint64_t num, uint64_t den) {
  return den == 0 ? 1.0 : static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace

const char* LayoutName(Layout layout) { return layout == Layout::kGlued ? "glued" : "line"; }

NaturalTally EvalResult::natural_total() const {
  NaturalTally total;
  for (const NaturalTally& t : natural) {
    total.spans += t.spans;
    total.bytes += t.bytes;
    total.touched_spans += t.touched_spans;
    total.removed_bytes += t.removed_bytes;
  }
  return total;
}

double EvalResult::natural_collateral() const {
  const NaturalTally t = natural_total();
  return t.bytes == 0 ? 0.0 : static_cast<double>(t.removed_bytes) / static_cast<double>(t.bytes);
}

double Score::precision() const { return Ratio(true_positives, true_positives + false_positives); }
double Score::recall() const { return Ratio(true_positives, true_positives + false_negatives); }
double Score::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
}

absl::StatusOr<EvalResult> Evaluate(const Truth& truth, const Run& run) {
  absl::flat_hash_map<std::string_view, uint32_t> index;
  for (uint32_t i = 0; i < truth.documents.size(); ++i) {
    if (!index.try_emplace(truth.documents[i].id, i).second) {
      return absl::InvalidArgumentError(absl::StrFormat("truth: document id \"%s\" appears twice", truth.documents[i].id));
    }
  }
  const absl::StatusOr<std::vector<DocRun>> runs = Collect(truth, run, index);
  if (!runs.ok()) return runs.status();
  EvalResult result;
  result.run = run.description;
  std::vector<bool> stand_in(truth.documents.size());
  const absl::StatusOr<std::vector<DocStatus>> effective = ScoreDocuments(truth, index, *runs, stand_in, result);
  if (!effective.ok()) return effective.status();
  for (uint32_t i = 0; i < truth.documents.size(); ++i) {
    if ((*effective)[i] == DocStatus::kKept) ScoreKept(truth.documents[i], (*runs)[i], result);
    if ((*effective)[i] == DocStatus::kDuplicate) ScoreDuplicate(truth.documents[i], (*runs)[i], result);
  }
  Tally(truth, *runs, stand_in, result);
  return result;
}

}  // namespace neardup
