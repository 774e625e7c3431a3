#include "neardup/render/render_html_tables.h"

#include <algorithm>
#include <initializer_list>

#include "absl/strings/str_format.h"
#include "neardup/render/render_common.h"

namespace neardup {
namespace {

std::string More(size_t shown, size_t total, std::string_view what) {
  if (total <= shown) return "";
  return absl::StrFormat("<p class=\"more\">%d more %s not shown (the largest are).</p>\n", total - shown, what);
}

std::string Header(std::initializer_list<const char*> names) {
  std::string out = "<table><tr>";
  for (const char* name : names) out += absl::StrFormat("<th>%s</th>", name);
  return out + "</tr>\n";
}

// A cell of already escaped HTML; numbers align right.
std::string Td(std::string_view html) { return absl::StrFormat("<td>%s</td>", html); }
std::string TdNumber(std::string_view text) { return absl::StrFormat("<td class=\"n\">%s</td>", text); }
std::string TdText(std::string_view text) { return absl::StrFormat("<td class=\"text\">%s</td>", EscapeHtml(text)); }

}  // namespace

std::string HtmlDocLink(const HtmlTableContext& c, uint32_t doc) {
  const std::string id = EscapeHtml(c.report.ids[doc]);
  if (doc >= c.shown.size() || !c.shown[doc]) return id;
  return absl::StrFormat("<a href=\"#d%d\">%s</a>", doc, id);
}

std::string HtmlBoilerplateTable(const HtmlTableContext& c) {
  const Report& r = c.report;
  std::string out = absl::StrFormat("<h2 id=\"boilerplate\">Boilerplate (%d)</h2>\n", r.boilerplate.size());
  if (r.boilerplate.empty()) return out + "<p>No boilerplate found.</p>\n";
  out += Header({"source", "kind", "text", "documents", "share of the source", "first seen in"});
  for (const size_t i : c.selection.boilerplate_rows) {
    const BoilerplateEntry& b = r.boilerplate[i];
    const double share = b.source_documents == 0
                             ? 0.0
                             : static_cast<double>(b.documents) / static_cast<double>(b.source_documents);
    out += "<tr>";
    out += Td(EscapeHtml(b.source));
    out += Td(b.pattern ? "pattern" : "passage");
    out += TdText(Excerpt(b.text, c.options.excerpt_bytes));
    out += TdNumber(absl::StrFormat("%d", b.documents));
    out += TdNumber(FormatPercent(share));
    out += Td(HtmlDocLink(c, b.first_doc));
    out += "</tr>\n";
  }
  out += "</table>\n";
  out += More(c.selection.boilerplate_rows.size(), r.boilerplate.size(), "entries");
  return out;
}

std::string HtmlClusterTable(const HtmlTableContext& c) {
  const Report& r = c.report;
  size_t total = 0;
  for (const DocumentCluster& cluster : r.clusters) total += cluster.removed.size();
  std::string out = absl::StrFormat("<h2 id=\"clusters\">Duplicate documents (%d)</h2>\n", total);
  if (total == 0) return out + "<p>No duplicate documents.</p>\n";
  out += Header({"removed", "kept", "match", "similarity", "bytes"});
  for (const auto& [cluster, index] : c.selection.cluster_rows) {
    const RemovedDocument& d = r.clusters[cluster].removed[index];
    out += "<tr>";
    out += Td(HtmlDocLink(c, d.doc));
    out += Td(HtmlDocLink(c, r.clusters[cluster].kept));
    out += Td(MatchName(d.match));
    out += TdNumber(absl::StrFormat("%.4g", d.similarity));
    out += TdNumber(absl::StrFormat("%d", r.sizes[d.doc]));
    out += "</tr>\n";
  }
  out += "</table>\n";
  out += More(c.selection.cluster_rows.size(), total, "duplicate documents");
  return out;
}

std::string HtmlPassageTable(const HtmlTableContext& c) {
  const Report& r = c.report;
  std::string out = absl::StrFormat("<h2 id=\"passages\">Passages (%d)</h2>\n", r.passages.size());
  if (r.passages.empty()) return out + "<p>No repeated passages.</p>\n";
  out += Header({"document", "line", "bytes", "rule", "removed", "text", "copy of", "similarity"});
  for (const size_t i : c.selection.passage_rows) {
    const PassageFinding& p = r.passages[i];
    const bool shown = p.doc < c.shown.size() && c.shown[p.doc];
    out += "<tr>";
    // A passage of a document on the page links to its mark, the most precise place.
    out += Td(shown ? absl::StrFormat("<a href=\"#p%d\">%s</a>", i, EscapeHtml(r.ids[p.doc])) : EscapeHtml(r.ids[p.doc]));
    out += TdNumber(absl::StrFormat("%d", p.line));
    out += TdNumber(absl::StrFormat("%d", p.end - p.start));
    out += Td(RuleName(p.rule));
    out += Td(p.removed ? "yes" : "no");
    out += TdText(Excerpt(c.texts.Span(p.doc, p.start, p.end), c.options.excerpt_bytes));
    out += Td(p.has_copy ? absl::StrFormat("%s [%d, %d)", HtmlDocLink(c, p.copy_doc), p.copy_start, p.copy_end)
                         : std::string());
    out += TdNumber(absl::StrFormat("%.4g", p.similarity));
    out += "</tr>\n";
  }
  out += "</table>\n";
  out += More(c.selection.passage_rows.size(), r.passages.size(), "passages");
  return out;
}

}  // namespace neardup
