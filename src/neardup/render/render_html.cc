#include "neardup/render/render_html.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_format.h"
#include "neardup/render/render_common.h"
#include "neardup/render/render_diff.h"
#include "neardup/render/render_html_tables.h"
#include "neardup/render/render_html_text.h"
#include "neardup/render/render_svg.h"

namespace neardup {
namespace {

// One rule per line; colours: red removed, yellow reported, green copied. The markers at the
// start of a span are borders, which take room of their own, rather than shadows drawn over the
// first letter.
constexpr std::string_view kStyle = R"css(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;
  background:#fff;max-width:1200px;margin:0 auto;padding:0 24px 48px}
h1{font-size:26px;margin:24px 0 4px}
h2{font-size:20px;margin:36px 0 10px;border-bottom:1px solid #d7dce3;padding-bottom:4px}
.sub{color:#5b6573;margin:0 0 16px}
nav.toc{border:1px solid #d7dce3;border-radius:6px;padding:6px 14px;display:inline-block}
nav.toc ol{margin:4px 0;padding-left:20px}
dl.figures{display:flex;flex-wrap:wrap;gap:12px;margin:0}
dl.figures div{border:1px solid #d7dce3;border-radius:6px;padding:8px 14px;min-width:140px}
dl.figures dt{color:#5b6573;font-size:13px}
dl.figures dd{margin:0;font-size:22px;font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:24px}
.charts figure{margin:0}
.charts figcaption{font-weight:600;margin:8px 0}
svg.chart{max-width:100%;height:auto}
svg.chart text{font:12px system-ui,sans-serif;fill:#1d2430}
svg.chart rect.solid{fill:#c0392b}
svg.chart rect.light{fill:#f1b7ae}
svg.chart rect.doc{fill:#1f4e8c}
svg.chart rect.passage{fill:#e08a1e}
svg.chart line.axis{stroke:#8a93a0}
svg.chart line.grid{stroke:#e3e7ed}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{border:1px solid #d7dce3;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f5f7fa}
td.n{text-align:right;font-variant-numeric:tabular-nums}
td.text{font:12px/1.4 ui-monospace,"DejaVu Sans Mono",Menlo,monospace;max-width:420px}
.more{color:#5b6573;font-style:italic}
section.doc,section.pair{border:1px solid #d7dce3;border-radius:6px;margin:14px 0}
section.doc h3,section.pair h3{margin:0;padding:8px 12px;background:#f5f7fa;font-size:15px;
  border-bottom:1px solid #d7dce3;border-radius:6px 6px 0 0}
h3 .meta{display:block;font-weight:normal;color:#5b6573;font-size:13px}
h3 .headline{font-style:italic}
pre.text,pre.diff{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;padding:10px 12px;
  font:13px/1.5 ui-monospace,"DejaVu Sans Mono",Menlo,monospace}
mark.removed{background:#ffc9c2;color:inherit;border-left:3px solid #c0392b;padding-left:1px}
mark a,span.reported a{color:inherit;text-decoration:none}
mark a:hover,span.reported a:hover{text-decoration:underline}
span.reported{background:#fff0b3}
span.copy{background:#d3f3da;border-left:3px solid #2e9e4f;padding-left:1px}
span.gap{color:#5b6573;background:#eef1f5;font-style:italic}
pre.diff del{background:#ffd7d5;color:#82071e}
pre.diff ins{background:#ccf0d5;color:#0b5a26;text-decoration:none;font-weight:600}
:target{outline:3px solid #2f6fdb}
.legend span{padding:1px 6px;margin-right:10px}
)css";

std::string DocAnchor(uint32_t doc) { return absl::StrFormat("d%d", doc); }
std::string CopyAnchor(uint32_t doc, uint64_t start, uint64_t end) {
  return absl::StrFormat("c%d-%d-%d", doc, start, end);
}

bool IsBoilerplate(PassageRule rule) {
  return rule == PassageRule::kBoilerplate || rule == PassageRule::kBoilerplatePattern;
}

// Where a finding's link goes: the span it copies, or the boilerplate table.
std::string CopyHref(const PassageFinding& p) {
  if (!p.has_copy) return IsBoilerplate(p.rule) ? "#boilerplate" : "";
  // Appended, not "#" + ...: GCC 12 reports a false -Wrestrict on that at -O3.
  std::string href = "#";
  href += CopyAnchor(p.copy_doc, p.copy_start, p.copy_end);
  return href;
}

struct Page {
  const Report& report;
  const ReviewSelection& selection;
  const ReviewTexts& texts;
  const ReviewOptions& options;
  DocTally findings;
  HtmlTableContext tables;
};

void Contents(const Page& page, std::string& out) {
  std::vector<std::pair<const char*, std::string>> entries = {
      {"summary", "Summary"}, {"charts", "Where the duplicate bytes are"}, {"documents", "Documents with findings"}};
  if (!page.selection.copies.empty()) entries.emplace_back("copies", "Copied documents");
  if (page.selection.near_pairs > 0) entries.emplace_back("pairs", "Near duplicates, word by word");
  entries.emplace_back("boilerplate", "Boilerplate");
  entries.emplace_back("clusters", "Duplicate documents");
  entries.emplace_back("passages", "Passages");
  out += "<nav class=\"toc\"><strong>Contents</strong><ol>";
  for (const auto& [id, title] : entries) out += absl::StrFormat("<li><a href=\"#%s\">%s</a></li>", id, title);
  out += "</ol></nav>\n";
}

void Figures(const Report& r, std::string& out) {
  const ReportStats& s = r.stats;
  const auto figure = [&](std::string_view label, const std::string& value) {
    out += absl::StrFormat("<div><dt>%s</dt><dd>%s</dd></div>", label, value);
  };
  out += "<h2 id=\"summary\">Summary</h2>\n<dl class=\"figures\">";
  figure("documents", absl::StrFormat("%d", s.documents));
  figure("bytes read", FormatBytes(s.bytes));
  figure("duplicate documents", absl::StrFormat("%d", s.duplicate_documents));
  figure("removed passages", absl::StrFormat("%d", s.removed_passages));
  figure("removed bytes", FormatBytes(s.removed_bytes()));
  figure("duplicate byte ratio", FormatPercent(s.duplicate_byte_ratio()));
  out += "</dl>\n";
}

std::vector<Bar> RuleBars(const Report& r) {
  std::vector<Bar> bars{{"duplicate documents", r.stats.duplicate_document_bytes, 0}};
  for (int rule = 0; rule < kNumPassageRules; ++rule) {
    const RuleTotals& t = r.stats.rules[rule];
    bars.push_back({RuleName(static_cast<PassageRule>(rule)), t.removed_bytes, t.bytes - t.removed_bytes});
  }
  return bars;
}

std::vector<Bar> SourceBars(const Page& page) {
  const ReviewTexts& texts = page.texts;
  std::vector<Bar> bars(texts.sources.size());
  for (size_t i = 0; i < bars.size(); ++i) bars[i].label = texts.sources[i];
  for (uint32_t doc = 0; doc < texts.source_of.size() && doc < page.report.ids.size(); ++doc) {
    Bar& b = bars[texts.source_of[doc]];
    b.value += page.findings.removed[doc];
    b.extra += page.findings.reported[doc];
  }
  std::erase_if(bars, [](const Bar& b) { return b.value + b.extra == 0; });
  std::stable_sort(bars.begin(), bars.end(),
                   [](const Bar& a, const Bar& b) { return a.value + a.extra > b.value + b.extra; });
  const size_t top = page.options.top_sources;
  if (bars.size() > top + 1) {
    Bar rest{absl::StrFormat("%d other sources", bars.size() - top), 0, 0};
    for (size_t i = top; i < bars.size(); ++i) {
      rest.value += bars[i].value;
      rest.extra += bars[i].extra;
    }
    bars.resize(top);
    bars.push_back(std::move(rest));
  }
  return bars;
}

void Charts(const Page& page, std::string& out) {
  const Report& r = page.report;
  out += "<h2 id=\"charts\">Where the duplicate bytes are</h2>\n<div class=\"charts\">\n";
  out += "<figure><figcaption>Duplicate bytes per rule (light: reported, not removed)</figcaption>";
  out += SvgBarChart(RuleBars(r), "Duplicate bytes per rule");
  out += "</figure>\n";
  const std::vector<Bar> sources = SourceBars(page);
  out += "<figure><figcaption>Duplicate bytes per source</figcaption>";
  out += sources.empty() ? std::string("<p class=\"more\">No duplicate bytes.</p>")
                         : SvgBarChart(sources, "Duplicate bytes per source");
  out += "</figure>\n";
  std::vector<double> documents, passages;
  for (const DocumentCluster& c : r.clusters) {
    for (const RemovedDocument& d : c.removed) documents.push_back(d.similarity);
  }
  for (const PassageFinding& p : r.passages) {
    if (p.has_copy) passages.push_back(p.similarity);
  }
  std::vector<double> all = documents;
  all.insert(all.end(), passages.begin(), passages.end());
  const double low = HistogramLow(all);
  out += absl::StrFormat("<figure><figcaption>Similarity of the %d verified document pairs and %d passage "
                         "pairs</figcaption>",
                         documents.size(), passages.size());
  out += SvgHistogram(MakeHistogram(documents, 20, low), MakeHistogram(passages, 20, low),
                      "Histogram of the similarities of verified pairs, log scale");
  out += "</figure>\n</div>\n";
}

std::string DocumentHeading(const Page& page, uint32_t doc, std::string_view note) {
  const Report& r = page.report;
  const DocTally& t = page.findings;
  std::string out = absl::StrFormat("<h3>%s<span class=\"meta\">", EscapeHtml(r.ids[doc]));
  if (doc < page.texts.source_of.size()) {
    out += absl::StrFormat("source %s \xC2\xB7 ", EscapeHtml(page.texts.sources[page.texts.source_of[doc]]));
  }
  const auto text = page.texts.texts.find(doc);
  if (text != page.texts.texts.end()) {
    const std::string headline = Headline(text->second);
    if (!headline.empty()) out += absl::StrFormat("<span class=\"headline\">%s</span> \xC2\xB7 ", EscapeHtml(headline));
  }
  out += absl::StrFormat("%s \xC2\xB7 %s", EscapeHtml(r.locations[doc]), FormatBytes(r.sizes[doc]));
  if (t.removed[doc] > 0) out += absl::StrFormat(" \xC2\xB7 %s removed", FormatBytes(t.removed[doc]));
  if (t.reported[doc] > 0) out += absl::StrFormat(" \xC2\xB7 %s reported", FormatBytes(t.reported[doc]));
  if (!note.empty()) out += absl::StrFormat(" \xC2\xB7 %s", note);
  out += "</span></h3>\n";
  return out;
}

std::vector<MarkedSpan> FindingSpans(const Page& page, uint32_t doc) {
  const Report& r = page.report;
  const DocTally& t = page.findings;
  std::vector<MarkedSpan> spans;
  if (t.kept_as[doc] >= 0) {
    const auto kept = static_cast<uint32_t>(t.kept_as[doc]);
    std::string href = "#";  // appended: see CopyHref
    href += DocAnchor(kept);
    spans.push_back({0, r.sizes[doc], "mark", "removed document", absl::StrFormat("r%d", doc), std::move(href),
                     absl::StrFormat("duplicate of %s", r.ids[kept])});
  }
  for (size_t i = t.passages[doc].first; i < t.passages[doc].second; ++i) {
    const PassageFinding& p = r.passages[i];
    std::string title = absl::StrFormat("%s, similarity %.3g", RuleName(p.rule), p.similarity);
    if (p.has_copy) {
      title += absl::StrFormat(", copies %s bytes %d-%d", r.ids[p.copy_doc], p.copy_start, p.copy_end);
    }
    spans.push_back({p.start, p.end, p.removed ? "mark" : "span",
                     absl::StrFormat("%s %s", p.removed ? "removed" : "reported", RuleName(p.rule)),
                     absl::StrFormat("p%d", i), CopyHref(p), std::move(title)});
  }
  return spans;
}

// Copy targets per document, for the spans the primary documents link to.
std::map<uint32_t, std::vector<std::pair<uint64_t, uint64_t>>> CopyTargets(const Page& page) {
  std::map<uint32_t, std::vector<std::pair<uint64_t, uint64_t>>> targets;
  for (const uint32_t doc : page.selection.primary) {
    for (size_t i = page.findings.passages[doc].first; i < page.findings.passages[doc].second; ++i) {
      const PassageFinding& p = page.report.passages[i];
      if (p.has_copy) targets[p.copy_doc].emplace_back(p.copy_start, p.copy_end);
    }
  }
  for (auto& [doc, spans] : targets) {
    std::sort(spans.begin(), spans.end());
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
  }
  return targets;
}

void RenderDocument(const Page& page, uint32_t doc, std::vector<MarkedSpan> spans, std::string_view note,
                    std::string& out) {
  out += absl::StrFormat("<section class=\"doc\" id=\"%s\">\n", DocAnchor(doc));
  out += DocumentHeading(page, doc, note);
  const auto text = page.texts.texts.find(doc);
  out += "<pre class=\"text\">";
  if (text != page.texts.texts.end()) out += RenderMarkedText(text->second, std::move(spans), page.options.max_piece);
  out += "</pre>\n</section>\n";
}

void Documents(const Page& page, std::string& out) {
  const ReviewSelection& sel = page.selection;
  const auto targets = CopyTargets(page);
  const auto copy_spans = [&](uint32_t doc) {
    std::vector<MarkedSpan> spans;
    const auto it = targets.find(doc);
    if (it == targets.end()) return spans;
    for (const auto& [start, end] : it->second) {
      spans.push_back({start, end, "span", "copy", CopyAnchor(doc, start, end), "", "copied by a removed span"});
    }
    return spans;
  };
  out += absl::StrFormat(
      "<h2 id=\"documents\">Documents with findings (%d of %d, most removed bytes first)</h2>\n",
      sel.primary.size(), sel.with_findings);
  out += "<p class=\"legend\"><span style=\"background:#ffc9c2\">removed</span>"
         "<span style=\"background:#fff0b3\">reported, kept</span>"
         "<span style=\"background:#d3f3da\">copied by a removed span</span>"
         "Each highlighted span links to the span it copies.</p>\n";
  for (const uint32_t doc : sel.primary) {
    std::vector<MarkedSpan> spans = FindingSpans(page, doc);
    for (MarkedSpan& s : copy_spans(doc)) spans.push_back(std::move(s));
    RenderDocument(page, doc, std::move(spans), "", out);
  }
  if (sel.with_findings > sel.primary.size()) {
    out += absl::StrFormat("<p class=\"more\">%d more documents with findings are not shown; the tables "
                           "below and the JSON report list them.</p>\n",
                           sel.with_findings - sel.primary.size());
  }
  if (sel.copies.empty()) return;
  out += absl::StrFormat("<h2 id=\"copies\">Copied documents (%d)</h2>\n<p>Documents not listed "
                         "above that hold the text a removed span copies.</p>\n",
                         sel.copies.size());
  for (const uint32_t doc : sel.copies) RenderDocument(page, doc, copy_spans(doc), "kept copy", out);
}

void Pairs(const Page& page, std::string& out) {
  const ReviewSelection& sel = page.selection;
  if (sel.near_pairs == 0) return;
  out += absl::StrFormat("<h2 id=\"pairs\">Near duplicates, word by word (%d of %d, largest first)</h2>\n",
                         sel.pairs.size(), sel.near_pairs);
  out += "<p class=\"legend\">Each removed copy against the copy kept in its place: "
         "<del>only in the kept copy</del> <ins>only in the removed copy</ins></p>\n";
  for (size_t i = 0; i < sel.pairs.size(); ++i) {
    const ReviewPair& p = sel.pairs[i];
    out += absl::StrFormat("<section class=\"pair\" id=\"pair%d\">\n<h3>%s %s", i, p.document ? "document" : "passage of",
                           HtmlDocLink(page.tables, p.removed_doc));
    if (!p.document) out += absl::StrFormat(" bytes %d-%d", p.start, p.end);
    out += absl::StrFormat(" \xE2\x86\x90 kept %s", HtmlDocLink(page.tables, p.kept_doc));
    if (!p.document) out += absl::StrFormat(" bytes %d-%d", p.kept_start, p.kept_end);
    out += absl::StrFormat("<span class=\"meta\">%s, similarity %.4g \xC2\xB7 %s</span></h3>\n", p.match, p.similarity,
                           FormatBytes(p.end - p.start));
    const std::string_view removed = page.texts.Span(p.removed_doc, p.start, p.end);
    const std::string_view kept = page.texts.Span(p.kept_doc, p.kept_start, p.kept_end);
    const std::optional<std::vector<DiffPiece>> diff = WordDiff(kept, removed);
    out += "<pre class=\"diff\">";
    out += diff ? RenderDiffHtml(WithContext(*diff)) : std::string("<span class=\"gap\">[too long or too different to diff]</span>");
    out += "</pre>\n</section>\n";
  }
  if (sel.near_pairs > sel.pairs.size()) {
    out += absl::StrFormat("<p class=\"more\">%d more near-duplicate pairs are not shown.</p>\n",
                           sel.near_pairs - sel.pairs.size());
  }
}

}  // namespace

std::string RenderHtml(const Report& report, const ReviewSelection& selection, const ReviewTexts& texts,
                       const ReviewOptions& options) {
  std::vector<bool> shown(report.ids.size());
  for (const uint32_t doc : selection.primary) shown[doc] = true;
  for (const uint32_t doc : selection.copies) shown[doc] = true;
  const Page page{report, selection, texts, options, TallyFindings(report),
                  HtmlTableContext{report, selection, texts, options, std::move(shown)}};
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>neardup report</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<h1>neardup report</h1>\n";
  out += absl::StrFormat("<p class=\"sub\">neardup %s \xC2\xB7 threshold %.4g \xC2\xB7 %s shingles \xC2\xB7 "
                         "%d permutations \xC2\xB7 seed %d</p>\n",
                         NEARDUP_VERSION, report.config.threshold, report.config.shingle.ToString(),
                         report.config.num_perm, report.config.seed);
  Contents(page, out);
  Figures(report, out);
  Charts(page, out);
  Documents(page, out);
  Pairs(page, out);
  out += HtmlBoilerplateTable(page.tables);
  out += HtmlClusterTable(page.tables);
  out += HtmlPassageTable(page.tables);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace neardup
