#include "neardup/render/render_html.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "absl/strings/str_format.h"
#include "neardup/render/render_common.h"
#include "neardup/render/render_html_tables.h"
#include "neardup/render/render_html_text.h"
#include "neardup/render/render_svg.h"

namespace neardup {
namespace {

// One rule per line; colours: red removed, yellow reported, green copied.
constexpr std::string_view kStyle = R"css(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;
  background:#fff;max-width:1200px;margin:0 auto;padding:0 24px 48px}
h1{font-size:26px;margin:24px 0 4px}
h2{font-size:20px;margin:36px 0 10px;border-bottom:1px solid #d7dce3;padding-bottom:4px}
.sub{color:#5b6573;margin:0 0 16px}
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
svg.chart rect.ones{fill:#7b241c}
svg.chart rect.light{fill:#f1b7ae}
svg.chart line.axis{stroke:#8a93a0}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{border:1px solid #d7dce3;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f5f7fa}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.more{color:#5b6573;font-style:italic}
section.doc{border:1px solid #d7dce3;border-radius:6px;margin:14px 0}
section.doc h3{margin:0;padding:8px 12px;background:#f5f7fa;font-size:15px;
  border-bottom:1px solid #d7dce3;border-radius:6px 6px 0 0}
section.doc h3 .meta{font-weight:normal;color:#5b6573;font-size:13px;margin-left:8px}
pre.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;padding:10px 12px;
  font:13px/1.5 ui-monospace,"DejaVu Sans Mono",Menlo,monospace}
mark.removed{background:#ffc9c2;color:inherit;box-shadow:inset 3px 0 #c0392b}
mark a,span.reported a{color:inherit;text-decoration:none}
mark a:hover,span.reported a:hover{text-decoration:underline}
span.reported{background:#fff0b3}
span.copy{background:#d3f3da;box-shadow:inset 3px 0 #2e9e4f}
span.gap{color:#5b6573;background:#eef1f5;font-style:italic}
:target{outline:3px solid #2f6fdb}
.legend span{padding:1px 6px;margin-right:10px}
)css";

bool IsBoilerplate(PassageRule rule) {
  return rule == PassageRule::kBoilerplate || rule == PassageRule::kBoilerplatePattern;
}

std::string DocAnchor(uint32_t doc) { return absl::StrFormat("d%d", doc); }
std::string CopyAnchor(uint32_t doc, uint64_t start, uint64_t end) {
  return absl::StrFormat("c%d-%d-%d", doc, start, end);
}

// Per document: removed bytes, reported-only bytes, kept copy (or -1) for removed documents.
struct DocFindings {
  std::vector<uint64_t> removed;
  std::vector<uint64_t> reported;
  std::vector<int64_t> kept_as;
  std::vector<std::pair<size_t, size_t>> passages;  // [first, last) in report.passages
};

DocFindings Tally(const Report& r) {
  const size_t n = r.ids.size();
  DocFindings t{std::vector<uint64_t>(n), std::vector<uint64_t>(n), std::vector<int64_t>(n, -1),
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

bool HasFindings(const DocFindings& t, uint32_t doc) {
  return t.kept_as[doc] >= 0 || t.passages[doc].second > 0;
}

// Where a finding's link goes: the span it copies, the kept original, or the boilerplate table.
std::string CopyHref(const PassageFinding& p) {
  if (!p.has_copy) return IsBoilerplate(p.rule) ? "#boilerplate" : "";
  return absl::StrFormat("#c%d-%d-%d", p.copy_doc, p.copy_start, p.copy_end);
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

std::vector<Bar> SourceBars(const Report& r, const HtmlCorpus& corpus, const DocFindings& t,
                            size_t top) {
  std::vector<Bar> bars(corpus.sources.size());
  for (size_t i = 0; i < bars.size(); ++i) bars[i].label = corpus.sources[i];
  for (uint32_t doc = 0; doc < corpus.source_of.size() && doc < r.ids.size(); ++doc) {
    Bar& b = bars[corpus.source_of[doc]];
    b.value += t.removed[doc];
    b.extra += t.reported[doc];
  }
  std::erase_if(bars, [](const Bar& b) { return b.value + b.extra == 0; });
  std::stable_sort(bars.begin(), bars.end(),
                   [](const Bar& a, const Bar& b) { return a.value + a.extra > b.value + b.extra; });
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

void Charts(const Report& r, const HtmlCorpus& corpus, const DocFindings& t, const HtmlOptions& o,
            std::string& out) {
  out += "<h2 id=\"charts\">Where the duplicate bytes are</h2>\n<div class=\"charts\">\n";
  const std::vector<Bar> rules = RuleBars(r);
  out += "<figure><figcaption>Duplicate bytes per rule (light: reported, not removed)</figcaption>";
  out += SvgBarChart(rules, "Duplicate bytes per rule");
  out += "</figure>\n";
  const std::vector<Bar> sources = SourceBars(r, corpus, t, o.top_sources);
  out += "<figure><figcaption>Duplicate bytes per source</figcaption>";
  out += sources.empty() ? std::string("<p class=\"more\">No duplicate bytes.</p>")
                         : SvgBarChart(sources, "Duplicate bytes per source");
  out += "</figure>\n";
  std::vector<double> similarities;
  for (const DocumentCluster& c : r.clusters) {
    for (const RemovedDocument& d : c.removed) similarities.push_back(d.similarity);
  }
  for (const PassageFinding& p : r.passages) {
    if (p.has_copy) similarities.push_back(p.similarity);
  }
  out += absl::StrFormat("<figure><figcaption>Similarity of the %d verified pairs</figcaption>",
                         similarities.size());
  out += SvgHistogram(MakeHistogram(similarities), "Histogram of the similarities of verified pairs");
  out += "</figure>\n</div>\n";
}

std::string DocumentHeading(const Report& r, const DocFindings& t, uint32_t doc, std::string_view note) {
  std::string out = absl::StrFormat("<h3>%s<span class=\"meta\">%s \xC2\xB7 %s", EscapeHtml(r.ids[doc]),
                                    EscapeHtml(r.locations[doc]), FormatBytes(r.sizes[doc]));
  if (t.removed[doc] > 0) out += absl::StrFormat(" \xC2\xB7 %s removed", FormatBytes(t.removed[doc]));
  if (t.reported[doc] > 0) out += absl::StrFormat(" \xC2\xB7 %s reported", FormatBytes(t.reported[doc]));
  if (!note.empty()) out += absl::StrFormat(" \xC2\xB7 %s", note);
  out += "</span></h3>\n";
  return out;
}

std::vector<MarkedSpan> FindingSpans(const Report& r, const DocFindings& t, uint32_t doc) {
  std::vector<MarkedSpan> spans;
  if (t.kept_as[doc] >= 0) {
    const auto kept = static_cast<uint32_t>(t.kept_as[doc]);
    spans.push_back({0, r.sizes[doc], "mark", "removed document", absl::StrFormat("r%d", doc),
                     absl::StrFormat("#d%d", kept), absl::StrFormat("duplicate of %s", r.ids[kept])});
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
std::map<uint32_t, std::vector<std::pair<uint64_t, uint64_t>>> CopyTargets(const Report& r,
                                                                           const DocFindings& t,
                                                                           const HtmlSelection& sel) {
  std::map<uint32_t, std::vector<std::pair<uint64_t, uint64_t>>> targets;
  for (const uint32_t doc : sel.primary) {
    for (size_t i = t.passages[doc].first; i < t.passages[doc].second; ++i) {
      const PassageFinding& p = r.passages[i];
      if (p.has_copy) targets[p.copy_doc].emplace_back(p.copy_start, p.copy_end);
    }
  }
  for (auto& [doc, spans] : targets) {
    std::sort(spans.begin(), spans.end());
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
  }
  return targets;
}

void RenderDocument(const Report& r, const HtmlCorpus& corpus, const DocFindings& t, uint32_t doc,
              std::vector<MarkedSpan> spans, std::string_view note, const HtmlOptions& o,
              std::string& out) {
  out += absl::StrFormat("<section class=\"doc\" id=\"%s\">\n", DocAnchor(doc));
  out += DocumentHeading(r, t, doc, note);
  const auto text = corpus.texts.find(doc);
  out += "<pre class=\"text\">";
  if (text != corpus.texts.end()) out += RenderMarkedText(text->second, std::move(spans), o.max_piece);
  out += "</pre>\n</section>\n";
}

void Documents(const Report& r, const HtmlSelection& sel, const HtmlCorpus& corpus,
               const DocFindings& t, const HtmlOptions& o, std::string& out) {
  const auto targets = CopyTargets(r, t, sel);
  const auto copy_spans = [&](uint32_t doc) {
    std::vector<MarkedSpan> spans;
    const auto it = targets.find(doc);
    if (it == targets.end()) return spans;
    for (const auto& [start, end] : it->second) {
      spans.push_back(
          {start, end, "span", "copy", CopyAnchor(doc, start, end), "", "copied by a removed span"});
    }
    return spans;
  };
  out += absl::StrFormat(
      "<h2 id=\"documents\">Documents with findings (%d of %d, most removed bytes first)</h2>\n",
      sel.primary.size(), sel.with_findings);
  out += "<p class=\"legend\"><span class=\"removed\" style=\"background:#ffc9c2\">removed</span>"
         "<span style=\"background:#fff0b3\">reported, kept</span>"
         "<span style=\"background:#d3f3da\">copied by a removed span</span>"
         "Each highlighted span links to the span it copies.</p>\n";
  for (const uint32_t doc : sel.primary) {
    std::vector<MarkedSpan> spans = FindingSpans(r, t, doc);
    for (MarkedSpan& s : copy_spans(doc)) spans.push_back(std::move(s));
    RenderDocument(r, corpus, t, doc, std::move(spans), "", o, out);
  }
  if (sel.with_findings > sel.primary.size()) {
    out += absl::StrFormat("<p class=\"more\">%d more documents with findings are not shown; the tables "
                           "below and the JSON report list them all.</p>\n",
                           sel.with_findings - sel.primary.size());
  }
  if (sel.copies.empty()) return;
  out += absl::StrFormat("<h2 id=\"copies\">Copied documents (%d)</h2>\n<p>Documents not listed "
                         "above that hold the text a removed span copies.</p>\n",
                         sel.copies.size());
  for (const uint32_t doc : sel.copies) {
    RenderDocument(r, corpus, t, doc, copy_spans(doc), "kept copy", o, out);
  }
}

}  // namespace

HtmlSelection SelectHtmlDocuments(const Report& report, const HtmlOptions& options) {
  const DocFindings t = Tally(report);
  HtmlSelection sel;
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
  return sel;
}

absl::StatusOr<HtmlCorpus> ReadHtmlCorpus(const DocumentSource& source, const Report& report,
                                          const HtmlSelection& selection) {
  std::vector<bool> wanted(report.ids.size());
  for (const uint32_t doc : selection.primary) wanted[doc] = true;
  for (const uint32_t doc : selection.copies) wanted[doc] = true;
  HtmlCorpus corpus;
  // Sources get numbers as first seen, renumbered in name order at the end.
  std::map<std::string, uint32_t> first_seen;
  uint32_t doc = 0;
  const absl::Status status = source.ForEach([&](Document&& d) -> absl::Status {
    if (doc >= report.ids.size() || d.id != report.ids[doc]) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "%s: the inputs changed while the report was made; run again", d.location));
    }
    if (wanted[doc]) corpus.texts.emplace(doc, std::move(d.text));
    const uint32_t next = static_cast<uint32_t>(first_seen.size());
    corpus.source_of.push_back(first_seen.emplace(std::move(d.source), next).first->second);
    ++doc;
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  if (doc != report.ids.size()) {
    return absl::FailedPreconditionError("the inputs changed while the report was made; run again");
  }
  std::vector<uint32_t> renumber(first_seen.size());
  for (const auto& [name, index] : first_seen) {
    renumber[index] = static_cast<uint32_t>(corpus.sources.size());
    corpus.sources.push_back(name);
  }
  for (uint32_t& index : corpus.source_of) index = renumber[index];
  return corpus;
}

std::string RenderHtml(const Report& report, const HtmlSelection& selection, const HtmlCorpus& corpus,
                       const HtmlOptions& options) {
  const DocFindings t = Tally(report);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>neardup report</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<h1>neardup report</h1>\n";
  out += absl::StrFormat("<p class=\"sub\">neardup %s \xC2\xB7 threshold %.4g \xC2\xB7 %s shingles \xC2\xB7 "
                         "%d permutations \xC2\xB7 seed %d</p>\n",
                         NEARDUP_VERSION, report.config.threshold, report.config.shingle.ToString(),
                         report.config.num_perm, report.config.seed);
  Figures(report, out);
  Charts(report, corpus, t, options, out);
  Documents(report, selection, corpus, t, options, out);
  out += HtmlBoilerplateTable(report, options.max_rows);
  out += HtmlClusterTable(report, options.max_rows);
  out += HtmlPassageTable(report, selection.primary, options.max_rows);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace neardup
