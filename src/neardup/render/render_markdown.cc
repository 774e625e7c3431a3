#include "neardup/render/render_markdown.h"

#include "absl/strings/str_format.h"
#include "neardup/render/render_common.h"

namespace neardup {
namespace {

std::string Cell(std::string_view text) { return EscapeMarkdownCell(text); }

std::string Span(const Report& r, uint32_t doc, uint64_t start, uint64_t end) {
  return absl::StrFormat("%s [%d, %d)", Cell(r.ids[doc]), start, end);
}

void Summary(const Report& r, std::string& out) {
  const ReportStats& s = r.stats;
  out += "## Summary\n\n| | count | bytes | share of bytes |\n|---|---:|---:|---:|\n";
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

void Clusters(const Report& r, std::string& out) {
  size_t removed = 0;
  for (const DocumentCluster& c : r.clusters) removed += c.removed.size();
  out += absl::StrFormat("## Document clusters (%d, %d documents removed)\n\n", r.clusters.size(),
                         removed);
  if (r.clusters.empty()) {
    out += "No duplicate documents.\n\n";
    return;
  }
  out += "| kept | removed | match | similarity | removed bytes |\n|---|---|---|---:|---:|\n";
  for (const DocumentCluster& c : r.clusters) {
    for (const RemovedDocument& d : c.removed) {
      out += absl::StrFormat("| %s | %s | %s | %.4g | %d |\n", Cell(r.ids[c.kept]), Cell(r.ids[d.doc]),
                             MatchName(d.match), d.similarity, r.sizes[d.doc]);
    }
  }
  out += '\n';
}

void Passages(const Report& r, std::string& out) {
  out += absl::StrFormat("## Passages (%d)\n\n", r.passages.size());
  if (r.passages.empty()) {
    out += "No repeated passages.\n\n";
    return;
  }
  out += "| document | line | bytes | rule | removed | copy of | similarity |\n"
         "|---|---:|---|---|---|---|---:|\n";
  for (const PassageFinding& p : r.passages) {
    out += absl::StrFormat("| %s | %d | [%d, %d) | %s | %s | %s | %.4g |\n", Cell(r.ids[p.doc]), p.line,
                           p.start, p.end, RuleName(p.rule), p.removed ? "yes" : "no",
                           p.has_copy ? Span(r, p.copy_doc, p.copy_start, p.copy_end) : "",
                           p.similarity);
  }
  out += '\n';
}

void Boilerplate(const Report& r, std::string& out) {
  out += absl::StrFormat("## Boilerplate (%d)\n\n", r.boilerplate.size());
  if (r.boilerplate.empty()) {
    out += "No boilerplate.\n";
    return;
  }
  out += "| source | kind | text | documents | of the source's |\n|---|---|---|---:|---:|\n";
  for (const BoilerplateEntry& b : r.boilerplate) {
    out += absl::StrFormat("| %s | %s | %s | %d | %d |\n", Cell(b.source), b.pattern ? "pattern" : "passage",
                           Cell(b.text), b.documents, b.source_documents);
  }
}

}  // namespace

std::string RenderReportMarkdown(const Report& report) {
  std::string out = "# neardup report\n\n";
  Summary(report, out);
  Clusters(report, out);
  Passages(report, out);
  Boilerplate(report, out);
  return out;
}

}  // namespace neardup
