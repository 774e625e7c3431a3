#include <chrono>
#include <cstdio>

#include "cli/commands.h"
#include "cli/detect.h"
#include "cli/summary.h"
#include "neardup/io/atomic_file.h"
#include "neardup/io/corpus.h"
#include "neardup/render/render_html.h"
#include "neardup/render/render_markdown.h"

namespace neardup::cli {
namespace {

// The report in the requested format, other than JSON (which is streamed). HTML shows texts,
// which the report does not keep, so the inputs are read a second time.
absl::StatusOr<std::string> Render(const ReportOptions& o, const Detection& d) {
  if (o.format == "md") return RenderReportMarkdown(d.report);
  HtmlOptions html;
  html.top_documents = o.top;
  const HtmlSelection selection = SelectHtmlDocuments(d.report, html);
  const InputCorpus corpus(d.inputs, MakeJsonlOptions(o.common));
  const absl::StatusOr<HtmlCorpus> texts = ReadHtmlCorpus(corpus, d.report, selection);
  if (!texts.ok()) return texts.status();
  return RenderHtml(d.report, selection, *texts, html);
}

}  // namespace

CLI::App* AddReportCommand(CLI::App& app, ReportOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "report", "Detect duplicates and repeated passages and write the report; rewrite nothing");
  AddCommonOptions(*cmd, o.common);
  cmd->add_option("-o,--output", o.output, "Write the report to FILE instead of stdout");
  cmd->add_option("--format", o.format,
                  "json (the full report), md (summary, clusters and passages as Markdown "
                  "tables) or html (a self-contained page with the texts highlighted)")
      ->check(CLI::IsMember({"json", "md", "html"}))
      ->capture_default_str();
  cmd->add_option("--top", o.top,
                  "html: documents shown with their text, most removed bytes first; the page "
                  "counts the rest")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  return cmd;
}

int RunReport(const ReportOptions& o) {
  const Messages messages(o.common);
  const absl::StatusOr<Detection> detection = Detect(o.common);
  if (!detection.ok()) {
    messages.Error(detection.status());
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();
  const bool to_stdout = o.output.empty() || o.output == "-";
  const bool json = o.format == "json";
  absl::StatusOr<std::string> text;
  if (!json) {
    text = Render(o, *detection);
    if (!text.ok()) {
      messages.Error(text.status());
      return kExitUsage;
    }
  }
  // Reports of large corpora are streamed: never held whole, in memory or in a string.
  const auto produce = [&](const PieceWriter& write) {
    if (json) {
      WriteReportJson(detection->report, write);
    } else {
      write(*text);
    }
  };
  if (!to_stdout) {
    if (const absl::Status status = WriteFileAtomically(o.output, produce); !status.ok()) {
      messages.Error(status);
      return kExitUsage;
    }
  }
  if (to_stdout) {
    bool open = true;  // a closed pipe ends the run quietly
    produce([&open](std::string_view piece) { open = open && WriteAll(stdout, piece); });
  }
  const double write_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  messages.Verbose(FormatTimings(detection->seconds, write_seconds));
  if (!to_stdout && !messages.quiet()) WriteAll(stdout, FormatSummary(detection->report));
  return kExitOk;
}

}  // namespace neardup::cli
