#include "neardup/render/render_markdown.h"

#include <cmath>

#include "absl/strings/str_format.h"
#include "neardup/render/render_common.h"
#include "neardup/render/render_diff.h"
#include "neardup/render/render_svg.h"

namespace neardup {
namespace {

std::string Cell(std::string_view text) { return EscapeMarkdownCell(text); }

struct Doc {
  const Report& report;
  const ReviewSelection& selection;
  const ReviewTexts& texts;
  const ReviewOptions& options;
  DocTally findings;
  std::vector<bool> shown;  // documents with a section
};

// An id, linking to its section when it has one.
std::string Link(const Doc& d, uint32_t doc) {
  const std::string id = Cell(d.report.ids[doc]);
  if (!d.shown[doc]) return id;
  return absl::StrFormat("[%s](#d%d)", id, doc);
}

std::string Heading(std::string_view anchor, std::string_view title) {
  return absl::StrFormat("<a id=\"%s\"></a>\n\n## %s\n\n", anchor, title);
}

void Contents(const Doc& d, std::string& out) {
  out += "Contents: [Summary](#summary) \xC2\xB7 [Similarities](#similarities) \xC2\xB7 "
         "[Documents with findings](#documents)";
  if (d.selection.near_pairs > 0) out += " \xC2\xB7 [Near duplicates](#pairs)";
  out += " \xC2\xB7 [Duplicate documents](#clusters) \xC2\xB7 [Passages](#passages) \xC2\xB7 "
         "[Boilerplate](#boilerplate)\n\n";
}

void Summary(const Report& r, std::string& out) {
  const ReportStats& s = r.stats;
  out += Heading("summary", "Summary");
  out += "| | count | bytes | share of bytes |\n|---|---:|---:|---:|\n";
  out += absl::StrFormat("| documents read | %d | %d | 100.00%% |\n", s.documents, s.bytes);
  out += absl::StrFormat("| duplicate documents | %d | %d | %s |\n", s.duplicate_documents,
                         s.duplicate_document_bytes, FormatShare(s.duplicate_document_bytes, s.bytes));
  out += absl::StrFormat("| removed passages | %d | %d | %s |\n", s.removed_passages,
                         s.removed_passage_bytes, FormatShare(s.removed_passage_bytes, s.bytes));
  out += absl::StrFormat("| removed in total | | %d | %s |\n\n", s.removed_bytes(),
                         FormatShare(s.removed_bytes(), s.bytes));
  out += "| rule | passages found | bytes | removed | removed bytes |\n|---|---:|---:|---:|---:|\n";
  for (int rule = 0; rule < kNumPassageRules; ++rule) {
    const RuleTotals& t = s.rules[rule];
    out += absl::StrFormat("| %s | %d | %d | %d | %d |\n", RuleName(static_cast<PassageRule>(rule)),
                           t.passages, t.bytes, t.removed_passages, t.removed_bytes);
  }
  out += '\n';
}

// A bar of up to 20 blocks, its length the count's share of the largest on a log scale.
std::string LogBar(uint64_t count, uint64_t largest) {
  if (count == 0) return "";
  const double share = std::log10(1.0 + static_cast<double>(count)) / std::log10(1.0 + static_cast<double>(largest));
  const int blocks = std::max(1, static_cast<int>(std::lround(share * 20)));
  std::string bar;
  for (int i = 0; i < blocks; ++i) bar += "\xE2\x96\x87";  // U+2587
  return bar;
}

void Similarities(const Report& r, std::string& out) {
  std::vector<double> documents, passages;
  for (const DocumentCluster& c : r.clusters) {
    for (const RemovedDocument& d : c.removed) documents.push_back(d.similarity);
  }
  for (const PassageFinding& p : r.passages) {
    if (p.has_copy) passages.push_back(p.similarity);
  }
  out += Heading("similarities", "Similarity of verified pairs");
  if (documents.empty() && passages.empty()) {
    out += "No verified pairs.\n\n";
    return;
  }
  std::vector<double> all = documents;
  all.insert(all.end(), passages.begin(), passages.end());
  const double low = HistogramLow(all);
  const Histogram hd = MakeHistogram(documents, 20, low), hp = MakeHistogram(passages, 20, low);
  uint64_t largest = std::max(hd.ones, hp.ones);
  for (size_t i = 0; i < hd.bins.size(); ++i) largest = std::max({largest, hd.bins[i], hp.bins[i]});
  out += "Bins with pairs only; bars on a log scale.\n\n| similarity | document pairs | | passage pairs | |\n"
         "|---|---:|---|---:|---|\n";
  const double step = (1.0 - low) / static_cast<double>(hd.bins.size());
  for (size_t i = 0; i <= hd.bins.size(); ++i) {
    const bool ones = i == hd.bins.size();
    const uint64_t docs = ones ? hd.ones : hd.bins[i], pass = ones ? hp.ones : hp.bins[i];
    if (docs + pass == 0) continue;
    const double from = low + step * static_cast<double>(i);
    out += absl::StrFormat("| %s | %d | %s | %d | %s |\n",
                           ones ? std::string("1 (identical)") : absl::StrFormat("%.3f\xE2\x80\x93%.3f", from, from + step),
                           docs, LogBar(docs, largest), pass, LogBar(pass, largest));
  }
  out += '\n';
}

std::string CopyOf(const Doc& d, const PassageFinding& p) {
  if (!p.has_copy) return "";
  if (p.copy_doc == p.doc) return absl::StrFormat("bytes %d\xE2\x80\x93%d of this document", p.copy_start, p.copy_end);
  return absl::StrFormat("%s bytes %d\xE2\x80\x93%d", Link(d, p.copy_doc), p.copy_start, p.copy_end);
}

void Documents(const Doc& d, std::string& out) {
  const Report& r = d.report;
  const ReviewSelection& sel = d.selection;
  out += Heading("documents", absl::StrFormat("Documents with findings (%d of %d, most removed bytes first)",
                                              sel.primary.size(), sel.with_findings));
  if (sel.primary.empty()) out += "No findings.\n\n";
  for (const uint32_t doc : sel.primary) {
    out += absl::StrFormat("<a id=\"d%d\"></a>\n\n### %s\n\n", doc, Cell(r.ids[doc]));
    if (doc < d.texts.source_of.size()) out += absl::StrFormat("source %s \xC2\xB7 ", Cell(d.texts.sources[d.texts.source_of[doc]]));
    const auto text = d.texts.texts.find(doc);
    if (text != d.texts.texts.end() && !Headline(text->second).empty()) {
      out += absl::StrFormat("\xE2\x80\x9C%s\xE2\x80\x9D \xC2\xB7 ", Cell(Headline(text->second)));
    }
    out += absl::StrFormat("%s \xC2\xB7 %d bytes, %d removed", Cell(r.locations[doc]), r.sizes[doc], d.findings.removed[doc]);
    if (d.findings.reported[doc] > 0) out += absl::StrFormat(", %d reported", d.findings.reported[doc]);
    out += "\n\n";
    if (d.findings.kept_as[doc] >= 0) {
      out += absl::StrFormat("Removed whole: a duplicate of %s.\n\n", Link(d, static_cast<uint32_t>(d.findings.kept_as[doc])));
    }
    const auto [first, last] = d.findings.passages[doc];
    if (first == last) continue;
    out += "| line | bytes | rule | removed | text | copy of |\n|---:|---:|---|---|---|---|\n";
    for (size_t i = first; i < last; ++i) {
      const PassageFinding& p = r.passages[i];
      out += absl::StrFormat("| %d | %d | %s | %s | %s | %s |\n", p.line, p.end - p.start, RuleName(p.rule),
                             p.removed ? "yes" : "no", Cell(Excerpt(d.texts.Span(doc, p.start, p.end), d.options.excerpt_bytes)),
                             CopyOf(d, p));
    }
    out += '\n';
  }
  if (sel.with_findings > sel.primary.size()) {
    out += absl::StrFormat("%d more documents with findings are not shown; the tables below and the JSON report "
                           "list them.\n\n",
                           sel.with_findings - sel.primary.size());
  }
}

// One piece of a diff on a line of Markdown: whitespace folded, emphasis around the words only.
std::string DiffMarkdown(const std::vector<DiffPiece>& pieces) {
  std::string out;
  for (const DiffPiece& p : pieces) {
    const std::string words = Excerpt(p.text, p.text.size());
    if (words.empty() && p.kind != DiffPiece::kGap) continue;
    if (!out.empty()) out += ' ';
    switch (p.kind) {
      case DiffPiece::kSame: out += Cell(words); break;
      case DiffPiece::kOnlyKept: out += "~~" + Cell(words) + "~~"; break;
      case DiffPiece::kOnlyRemoved: out += "**" + Cell(words) + "**"; break;
      case DiffPiece::kGap: out += absl::StrFormat("*\\[\xE2\x80\xA6 %d words in both \xE2\x80\xA6\\]*", p.words); break;
    }
  }
  return out;
}

void Pairs(const Doc& d, std::string& out) {
  const ReviewSelection& sel = d.selection;
  if (sel.near_pairs == 0) return;
  out += Heading("pairs", absl::StrFormat("Near duplicates, word by word (%d of %d, largest first)", sel.pairs.size(),
                                          sel.near_pairs));
  out += "Each removed copy against the copy kept in its place: ~~only in the kept copy~~, **only in the removed "
         "copy**.\n\n";
  for (size_t i = 0; i < sel.pairs.size(); ++i) {
    const ReviewPair& p = sel.pairs[i];
    out += absl::StrFormat("%d. %s %s", i + 1, p.document ? "Document" : "Passage of", Link(d, p.removed_doc));
    if (!p.document) out += absl::StrFormat(" bytes %d\xE2\x80\x93%d", p.start, p.end);
    out += absl::StrFormat(" \xE2\x86\x90 kept %s", Link(d, p.kept_doc));
    if (!p.document) out += absl::StrFormat(" bytes %d\xE2\x80\x93%d", p.kept_start, p.kept_end);
    out += absl::StrFormat(" (%s, similarity %.4g)\n\n", p.match, p.similarity);
    const std::optional<std::vector<DiffPiece>> diff =
        WordDiff(d.texts.Span(p.kept_doc, p.kept_start, p.kept_end), d.texts.Span(p.removed_doc, p.start, p.end));
    out += "   > " + (diff ? DiffMarkdown(WithContext(*diff)) : std::string("*too long or too different to diff*")) + "\n\n";
  }
  if (sel.near_pairs > sel.pairs.size()) {
    out += absl::StrFormat("%d more near-duplicate pairs are not shown.\n\n", sel.near_pairs - sel.pairs.size());
  }
}

std::string More(size_t shown, size_t total, std::string_view what) {
  if (total <= shown) return "\n";
  return absl::StrFormat("\n%d more %s not shown (the largest are).\n\n", total - shown, what);
}

void Clusters(const Doc& d, std::string& out) {
  const Report& r = d.report;
  size_t removed = 0;
  for (const DocumentCluster& c : r.clusters) removed += c.removed.size();
  out += Heading("clusters", absl::StrFormat("Duplicate documents (%d, largest first)", removed));
  if (removed == 0) {
    out += "No duplicate documents.\n\n";
    return;
  }
  out += "| removed | kept | match | similarity | bytes |\n|---|---|---|---:|---:|\n";
  for (const auto& [cluster, index] : d.selection.cluster_rows) {
    const RemovedDocument& x = r.clusters[cluster].removed[index];
    out += absl::StrFormat("| %s | %s | %s | %.4g | %d |\n", Link(d, x.doc), Link(d, r.clusters[cluster].kept),
                           MatchName(x.match), x.similarity, r.sizes[x.doc]);
  }
  out += More(d.selection.cluster_rows.size(), removed, "duplicate documents");
}

void Passages(const Doc& d, std::string& out) {
  const Report& r = d.report;
  out += Heading("passages", absl::StrFormat("Passages (%d, largest first)", r.passages.size()));
  if (r.passages.empty()) {
    out += "No repeated passages.\n\n";
    return;
  }
  out += "| document | line | bytes | rule | removed | text | copy of | similarity |\n"
         "|---|---:|---:|---|---|---|---|---:|\n";
  for (const size_t i : d.selection.passage_rows) {
    const PassageFinding& p = r.passages[i];
    out += absl::StrFormat("| %s | %d | %d | %s | %s | %s | %s | %.4g |\n", Link(d, p.doc), p.line, p.end - p.start,
                           RuleName(p.rule), p.removed ? "yes" : "no",
                           Cell(Excerpt(d.texts.Span(p.doc, p.start, p.end), d.options.excerpt_bytes)),
                           p.has_copy ? absl::StrFormat("%s [%d, %d)", Link(d, p.copy_doc), p.copy_start, p.copy_end)
                                      : std::string(),
                           p.similarity);
  }
  out += More(d.selection.passage_rows.size(), r.passages.size(), "passages");
}

void Boilerplate(const Doc& d, std::string& out) {
  const Report& r = d.report;
  out += Heading("boilerplate", absl::StrFormat("Boilerplate (%d, most bytes first)", r.boilerplate.size()));
  if (r.boilerplate.empty()) {
    out += "No boilerplate.\n";
    return;
  }
  out += "| source | kind | text | documents | of the source's |\n|---|---|---|---:|---:|\n";
  for (const size_t i : d.selection.boilerplate_rows) {
    const BoilerplateEntry& b = r.boilerplate[i];
    out += absl::StrFormat("| %s | %s | %s | %d | %d |\n", Cell(b.source), b.pattern ? "pattern" : "passage",
                           Cell(Excerpt(b.text, d.options.excerpt_bytes)), b.documents, b.source_documents);
  }
  out += More(d.selection.boilerplate_rows.size(), r.boilerplate.size(), "entries");
}

}  // namespace

std::string RenderReportMarkdown(const Report& report, const ReviewSelection& selection, const ReviewTexts& texts,
                                 const ReviewOptions& options) {
  std::vector<bool> shown(report.ids.size());
  for (const uint32_t doc : selection.primary) shown[doc] = true;
  const Doc d{report, selection, texts, options, TallyFindings(report), std::move(shown)};
  std::string out = "# neardup report\n\n";
  out += absl::StrFormat("neardup %s \xC2\xB7 threshold %.4g \xC2\xB7 %s shingles \xC2\xB7 %d permutations \xC2\xB7 seed %d\n\n",
                         NEARDUP_VERSION, report.config.threshold, report.config.shingle.ToString(),
                         report.config.num_perm, report.config.seed);
  Contents(d, out);
  Summary(report, out);
  Similarities(report, out);
  Documents(d, out);
  Pairs(d, out);
  Clusters(d, out);
  Passages(d, out);
  Boilerplate(d, out);
  return out;
}

}  // namespace neardup
