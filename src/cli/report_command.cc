#include <chrono>
#include <cstdio>

#include "absl/strings/str_format.h"
#include "cli/commands.h"
#include "cli/detect.h"
#include "cli/index_commands.h"
#include "cli/output.h"
#include "cli/summary.h"
#include "cli/validators.h"
#include "neardup/io/atomic_file.h"
#include "neardup/io/corpus.h"
#include "neardup/render/render_html.h"
#include "neardup/render/render_markdown.h"

namespace neardup::cli {
namespace {

bool ToStdout(const ReportOptions& o) { return o.output.empty() || o.output == "-"; }

// The report in the requested format, other than JSON (which is streamed). Markdown and HTML show
// texts, which the report does not keep, so the inputs are read a second time.
absl::StatusOr<std::string> Render(const ReportOptions& o, const Detection& d) {
  ReviewOptions review;
  review.top_documents = o.top;
  const ReviewSelection selection = SelectReviewDocuments(d.report, review);
  const InputCorpus corpus(d.inputs, MakeJsonlOptions(o.common));
  const absl::StatusOr<ReviewTexts> texts = ReadReviewTexts(corpus, d.report, selection);
  if (!texts.ok()) return texts.status();
  if (o.format == "md") return RenderReportMarkdown(d.report, selection, *texts, review);
  return RenderHtml(d.report, selection, *texts, review);
}

}  // namespace

CLI::App* AddReportCommand(CLI::App& app, ReportOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "report", "Detect duplicates and repeated passages and write the report; rewrite nothing.");
  AddCommonOptions(*cmd, o.common);
  AddIndexRunOptions(*cmd, o.common, /*writer=*/false);
  const std::string output = "Output";
  Metavar(cmd->add_option("-o,--output", o.output, "Write the report to FILE instead of stdout"), "FILE")
      ->group(output);
  Metavar(cmd->add_option("--format", o.format,
                          "json: the full report; md: Markdown for review (summary, documents with their "
                          "findings, diffs of near duplicates, tables); html: one self-contained page with "
                          "the texts highlighted"),
          "json|md|html")
      ->check(CLI::IsMember({"json", "md", "html"}).description(""))
      ->capture_default_str()
      ->group(output);
  Metavar(cmd->add_option("--top", o.top,
                          "md and html: documents shown with their findings, most removed bytes first; "
                          "the rest are counted"),
          "N")
      ->transform(WholeNumber(1))
      ->capture_default_str()
      ->group(output);
  return cmd;
}

int RunReport(const ReportOptions& o) {
  const Messages messages(o.common);
  const ThreadLimit threads(o.common.threads);
  absl::StatusOr<Prepared> prepared = Prepare(o.common, messages);
  absl::Status status = prepared.status();
  if (status.ok() && !o.common.index.empty() && o.format != "json") {
    // The review formats show the kept document of each pair, whose text an index does not keep.
    status = absl::InvalidArgumentError("--index works with --format json only, so far");
  }
  if (status.ok() && !ToStdout(o)) {
    status = CheckOutputPath(o.output);
    if (status.ok()) status = CheckNotAnInput(prepared->inputs, o.output, "-o");
  }
  if (!status.ok()) {
    messages.Error(status);
    return kExitUsage;
  }
  const absl::StatusOr<Detection> detection = Detect(o.common, *std::move(prepared), messages);
  if (!detection.ok()) {
    messages.Error(detection.status());
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();
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
  status = WriteFileAtomically(ToStdout(o) ? std::string("-") : o.output, [&](const PieceWriter& write) {
    if (json) {
      WriteReportJson(detection->report, write);
    } else {
      write(*text);
    }
  });
  if (!status.ok()) return ExitAfterWrite(status, messages, kExitOk);
  const double write_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const std::string& line : FormatTimings(detection->seconds, write_seconds)) messages.Verbose(line);
  if (ToStdout(o) || messages.quiet()) return kExitOk;
  return ExitAfterWrite(WriteStdout(FormatSummary(detection->report)), messages, kExitOk);
}

}  // namespace neardup::cli
