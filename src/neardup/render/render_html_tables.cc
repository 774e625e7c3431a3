#include "neardup/render/render_html_tables.h"

#include <algorithm>
#include <initializer_list>

#include "absl/strings/str_format.h"
#include "neardup/render/render_common.h"

namespace neardup {
namespace {

std::string More(size_t shown, size_t total, std::string_view what) {
  if (total <= shown) return "";
  return absl::StrFormat("<p class=\"more\">%d more %s not shown.</p>\n", total - shown, what);
}

std::string Header(std::initializer_list<const char*> names) {
  std::string out = "<table><tr>";
  for (const char* name : names) out += absl::StrFormat("<th>%s</th>", name);
  return out + "</tr>\n";
}

// A cell of already escaped HTML; numbers align right.
std::string Td(std::string_view html) { return absl::StrFormat("<td>%s</td>", html); }
std::string TdNumber(std::string_view text) { return absl::StrFormat("<td class=\"n\">%s</td>", text); }

}  // namespace

std::string HtmlBoilerplateTable(const Report& r, size_t max_rows) {
  std::string out = absl::StrFormat("<h2 id=\"boilerplate\">Boilerplate (%d)</h2>\n", r.boilerplate.size());
  if (r.boilerplate.empty()) return out + "<p>No boilerplate found.</p>\n";
  out += Header({"source", "kind", "text", "documents", "share of the source"});
  const size_t shown = std::min(max_rows, r.boilerplate.size());
  for (size_t i = 0; i < shown; ++i) {
    const BoilerplateEntry& b = r.boilerplate[i];
    const double share = b.source_documents == 0
                             ? 0.0
                             : static_cast<double>(b.documents) / static_cast<double>(b.source_documents);
    out += "<tr>";
    out += Td(EscapeHtml(b.source));
    out += Td(b.pattern ? "pattern" : "passage");
    out += Td(EscapeHtml(b.text));
    out += TdNumber(absl::StrFormat("%d", b.documents));
    out += TdNumber(FormatPercent(share));
    out += "</tr>\n";
  }
  out += "</table>\n";
  out += More(shown, r.boilerplate.size(), "entries");
  return out;
}

std::string HtmlClusterTable(const Report& r, size_t max_rows) {
  size_t total = 0;
  for (const DocumentCluster& c : r.clusters) total += c.removed.size();
  std::string out = absl::StrFormat("<h2 id=\"clusters\">Duplicate documents (%d)</h2>\n", total);
  if (total == 0) return out + "<p>No duplicate documents.</p>\n";
  out += Header({"removed", "kept", "match", "similarity", "bytes"});
  size_t shown = 0;
  for (const DocumentCluster& c : r.clusters) {
    for (const RemovedDocument& d : c.removed) {
      if (shown == max_rows) break;
      ++shown;
      out += "<tr>";
      out += Td(EscapeHtml(r.ids[d.doc]));
      out += Td(EscapeHtml(r.ids[c.kept]));
      out += Td(MatchName(d.match));
      out += TdNumber(absl::StrFormat("%.4g", d.similarity));
      out += TdNumber(absl::StrFormat("%d", r.sizes[d.doc]));
      out += "</tr>\n";
    }
  }
  out += "</table>\n";
  out += More(shown, total, "duplicate documents");
  return out;
}

std::string HtmlPassageTable(const Report& r, const std::vector<uint32_t>& shown_docs, size_t max_rows) {
  std::string out = absl::StrFormat("<h2 id=\"passages\">Passages (%d)</h2>\n", r.passages.size());
  if (r.passages.empty()) return out + "<p>No repeated passages.</p>\n";
  std::vector<bool> linked(r.ids.size());
  for (const uint32_t doc : shown_docs) linked[doc] = true;
  out += Header({"document", "line", "bytes", "rule", "removed", "copy of", "similarity"});
  const size_t shown = std::min(max_rows, r.passages.size());
  for (size_t i = 0; i < shown; ++i) {
    const PassageFinding& p = r.passages[i];
    const std::string id = EscapeHtml(r.ids[p.doc]);
    out += "<tr>";
    out += Td(linked[p.doc] ? absl::StrFormat("<a href=\"#p%d\">%s</a>", i, id) : id);
    out += TdNumber(absl::StrFormat("%d", p.line));
    out += TdNumber(absl::StrFormat("[%d, %d)", p.start, p.end));
    out += Td(RuleName(p.rule));
    out += Td(p.removed ? "yes" : "no");
    const std::string copy = EscapeHtml(r.ids[p.copy_doc]);
    out += Td(p.has_copy ? absl::StrFormat("%s [%d, %d)", copy, p.copy_start, p.copy_end) : std::string());
    out += TdNumber(absl::StrFormat("%.4g", p.similarity));
    out += "</tr>\n";
  }
  out += "</table>\n";
  out += More(shown, r.passages.size(), "passages");
  return out;
}

}  // namespace neardup
