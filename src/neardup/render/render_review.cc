#include "neardup/render/render_review.h"

#include <algorithm>
#include <numeric>

#include "absl/strings/str_format.h"

namespace neardup {
namespace {

bool HasFindings(const DocTally& t, uint32_t doc) { return t.kept_as[doc] >= 0 || t.passages[doc].second > 0; }

// Indices 0..n-1 ordered by `bytes` descending; ties keep their order; at most `cap`.
template <typename Bytes>
std::vector<size_t> Largest(size_t n, size_t cap, Bytes bytes) {
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return bytes(a) > bytes(b); });
  if (order.size() > cap) order.resize(cap);
  return order;
}

void SelectPrimary(const Report& report, const DocTally& t, const ReviewOptions& options, ReviewSelection& sel) {
  for (uint32_t doc = 0; doc < report.ids.size(); ++doc) {
    if (HasFindings(t, doc)) sel.primary.push_back(doc);
  }
  sel.with_findings = sel.primary.size();
  std::stable_sort(sel.primary.begin(), sel.primary.end(), [&](uint32_t a, uint32_t b) {
    return std::pair(t.removed[a], t.reported[a]) > std::pair(t.removed[b], t.reported[b]);
  });
  if (sel.primary.size() > options.top_documents) sel.primary.resize(options.top_documents);
  std::vector<bool> primary(report.ids.size());
  for (const uint32_t doc : sel.primary) primary[doc] = true;
  std::vector<bool> copy(report.ids.size());
  for (const uint32_t doc : sel.primary) {
    if (t.kept_as[doc] >= 0) copy[static_cast<uint32_t>(t.kept_as[doc])] = true;
    for (size_t i = t.passages[doc].first; i < t.passages[doc].second; ++i) {
      if (report.passages[i].has_copy) copy[report.passages[i].copy_doc] = true;
    }
  }
  for (uint32_t doc = 0; doc < report.ids.size(); ++doc) {
    if (copy[doc] && !primary[doc]) sel.copies.push_back(doc);
  }
}

void SelectRows(const Report& r, const ReviewOptions& options, ReviewSelection& sel) {
  sel.passage_rows = Largest(r.passages.size(), options.max_rows,
                             [&](size_t i) { return r.passages[i].end - r.passages[i].start; });
  std::vector<std::pair<size_t, size_t>> removed;
  for (size_t c = 0; c < r.clusters.size(); ++c) {
    for (size_t i = 0; i < r.clusters[c].removed.size(); ++i) removed.emplace_back(c, i);
  }
  for (const size_t i : Largest(removed.size(), options.max_rows, [&](size_t i) {
         return r.sizes[r.clusters[removed[i].first].removed[removed[i].second].doc];
       })) {
    sel.cluster_rows.push_back(removed[i]);
  }
  // A boilerplate entry's bytes: its text in each document that has it.
  sel.boilerplate_rows = Largest(r.boilerplate.size(), options.max_rows, [&](size_t i) {
    return r.boilerplate[i].documents * (r.boilerplate[i].first_end - r.boilerplate[i].first_start);
  });
}

void SelectPairs(const Report& r, const ReviewOptions& options, ReviewSelection& sel) {
  std::vector<ReviewPair> pairs;
  for (const DocumentCluster& c : r.clusters) {
    for (const RemovedDocument& d : c.removed) {
      if (d.match == DocumentMatch::kExact) continue;
      pairs.push_back({true, 0, d.doc, 0, r.sizes[d.doc], c.kept, 0, r.sizes[c.kept], d.similarity, MatchName(d.match)});
    }
  }
  for (size_t i = 0; i < r.passages.size(); ++i) {
    const PassageFinding& p = r.passages[i];
    if (!p.has_copy || p.similarity >= 1.0) continue;
    pairs.push_back({false, i, p.doc, p.start, p.end, p.copy_doc, p.copy_start, p.copy_end, p.similarity, RuleName(p.rule)});
  }
  sel.near_pairs = pairs.size();
  for (const size_t i : Largest(pairs.size(), options.max_pairs, [&](size_t i) { return pairs[i].end - pairs[i].start; })) {
    sel.pairs.push_back(pairs[i]);
  }
}

size_t CharBoundary(std::string_view text, size_t pos) {
  while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

DocTally TallyFindings(const Report& r) {
  const size_t n = r.ids.size();
  DocTally t{std::vector<uint64_t>(n), std::vector<uint64_t>(n), std::vector<int64_t>(n, -1),
                std::vector<std::pair<size_t, size_t>>(n, {0, 0})};
  for (const DocumentCluster& c : r.clusters) {
    for (const RemovedDocument& d : c.removed) {
      t.kept_as[d.doc] = c.kept;
      t.removed[d.doc] += r.sizes[d.doc];
    }
  }
  for (size_t i = 0; i < r.passages.size(); ++i) {
    const PassageFinding& p = r.passages[i];
    (p.removed ? t.removed : t.reported)[p.doc] += p.end - p.start;
    if (t.passages[p.doc].second == 0) t.passages[p.doc].first = i;
    t.passages[p.doc].second = i + 1;
  }
  return t;
}

ReviewSelection SelectReviewDocuments(const Report& report, const ReviewOptions& options) {
  const DocTally t = TallyFindings(report);
  ReviewSelection sel;
  SelectPrimary(report, t, options, sel);
  SelectRows(report, options, sel);
  SelectPairs(report, options, sel);
  return sel;
}

std::string_view ReviewTexts::Span(uint32_t doc, uint64_t start, uint64_t end) const {
  const auto it = texts.find(doc);
  if (it == texts.end() || start > end || end > it->second.size()) return {};
  return std::string_view(it->second).substr(start, end - start);
}

absl::StatusOr<ReviewTexts> ReadReviewTexts(const DocumentSource& source, const Report& report,
                                            const ReviewSelection& sel) {
  std::vector<bool> wanted(report.ids.size());
  for (const uint32_t doc : sel.primary) wanted[doc] = true;
  for (const uint32_t doc : sel.copies) wanted[doc] = true;
  for (const size_t i : sel.passage_rows) wanted[report.passages[i].doc] = true;
  for (const size_t i : sel.boilerplate_rows) wanted[report.boilerplate[i].first_doc] = true;
  for (const ReviewPair& p : sel.pairs) wanted[p.removed_doc] = wanted[p.kept_doc] = true;
  ReviewTexts out;
  // Sources get numbers as first seen, renumbered in name order at the end.
  std::map<std::string, uint32_t> first_seen;
  uint32_t doc = 0;
  const absl::Status status = source.ForEach([&](Document&& d) -> absl::Status {
    if (doc >= report.ids.size() || d.id != report.ids[doc]) {
      return absl::FailedPreconditionError(
          absl::StrFormat("%s: the inputs changed while the report was made; run again", d.location));
    }
    if (wanted[doc]) out.texts.emplace(doc, std::move(d.text));
    const uint32_t next = static_cast<uint32_t>(first_seen.size());
    out.source_of.push_back(first_seen.emplace(std::move(d.source), next).first->second);
    ++doc;
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  if (doc != report.ids.size()) {
    return absl::FailedPreconditionError("the inputs changed while the report was made; run again");
  }
  std::vector<uint32_t> renumber(first_seen.size());
  for (const auto& [name, index] : first_seen) {
    renumber[index] = static_cast<uint32_t>(out.sources.size());
    out.sources.push_back(name);
  }
  for (uint32_t& index : out.source_of) index = renumber[index];
  return out;
}

std::string Excerpt(std::string_view text, size_t max_bytes) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() > max_bytes + 4) break;  // enough to know it is cut
  }
  if (out.size() <= max_bytes) return out;
  out.resize(CharBoundary(out, max_bytes));
  out += "\xE2\x80\xA6";  // U+2026
  return out;
}

std::string Headline(std::string_view text, size_t max_bytes) {
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string line = Excerpt(text.substr(start, end - start), max_bytes);
    if (!line.empty()) return line;
    start = end + 1;
  }
  return "";
}

}  // namespace neardup
