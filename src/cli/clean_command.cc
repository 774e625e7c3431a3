#include <chrono>
#include <cstdio>

#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "cli/commands.h"
#include "cli/detect.h"
#include "cli/index_commands.h"
#include "cli/output.h"
#include "cli/summary.h"
#include "neardup/io/atomic_file.h"
#include "neardup/io/clean_writer.h"
#include "neardup/io/inputs.h"
#include "neardup/engine/index_dedup.h"
#include "neardup/engine/pipeline.h"
#include "neardup/io/corpus.h"
#include "neardup/base/status_macros.h"

namespace neardup::cli {
namespace {

constexpr const char* kReportName = "report.json";

bool ToStdout(const CleanOptions& o) { return o.outdir == "-"; }

// Where report.json goes: --report, else OUTDIR/report.json; nowhere with -o - and no --report.
std::string ReportPath(const CleanOptions& o) {
  if (!o.report.empty()) return o.report;
  return ToStdout(o) ? std::string() : o.outdir + "/" + kReportName;
}

// Everything about the outputs that can be known before the detection pass, which may take hours.
absl::Status CheckOutputs(const CleanOptions& o, const InputSet& inputs) {
  if (ToStdout(o)) {
    for (const InputFile& file : inputs.files()) {
      if (file.format != InputFormat::kJsonl) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "-o -: %s is a text file; only JSONL inputs can be cleaned to stdout", file.display));
      }
    }
  } else {
    NEARDUP_RETURN_IF_ERROR(CheckOutputDir(inputs, o.outdir));
    for (const InputFile& file : inputs.files()) {
      const std::string path = o.outdir + "/" + file.relative;
      if (o.report.empty() && (file.relative == kReportName || file.relative.rfind("report.json/", 0) == 0)) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s: an input at OUTDIR/%s would collide with OUTDIR/report.json; give --report FILE",
            file.display, file.relative));
      }
      NEARDUP_RETURN_IF_ERROR(CheckOutputPath(path));
    }
  }
  const std::string report = ReportPath(o);
  if (report.empty()) return absl::OkStatus();
  if (report == "-" && ToStdout(o)) {
    return absl::InvalidArgumentError("--report - and -o - would both write to stdout");
  }
  NEARDUP_RETURN_IF_ERROR(CheckOutputPath(report));
  return CheckNotAnInput(inputs, report, "--report");
}

}  // namespace

CLI::App* AddCleanCommand(CLI::App& app, CleanOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "clean", "Write the corpus minus duplicate documents and repeated passages to OUTDIR, with "
               "OUTDIR/report.json saying what was removed and why.");
  AddCommonOptions(*cmd, o.common);
  AddIndexRunOptions(*cmd, o.common, /*writer=*/true);
  const std::string output = "Output";
  Metavar(cmd->add_option("-o,--output", o.outdir,
                          "Output directory: mirrors the inputs' layout and formats; must not be an input "
                          "or lie inside one. '-': the cleaned JSONL on stdout (JSONL inputs only, "
                          "uncompressed)"),
          "OUTDIR")
      ->required()
      ->group(output);
  Metavar(cmd->add_option("--report", o.report,
                          "Write the JSON report to FILE instead of OUTDIR/report.json (with -o -: no "
                          "report unless this is given)"),
          "FILE")
      ->group(output);
  return cmd;
}

int RunClean(const CleanOptions& o) {
  const Messages messages(o.common);
  const ThreadLimit threads(o.common.threads);
  absl::StatusOr<Prepared> prepared = Prepare(o.common, messages);
  absl::Status status = prepared.status();
  if (status.ok()) status = CheckOutputs(o, prepared->inputs);
  if (!status.ok()) {
    messages.Error(status);
    return kExitUsage;
  }
  const bool add_to_index = !o.common.index.empty() && !o.common.index_readonly;
  const absl::StatusOr<Detection> detection = Detect(o.common, *std::move(prepared), messages, add_to_index);
  if (!detection.ok()) {
    messages.Error(detection.status());
    return kExitUsage;
  }
  const Report& report = detection->report;
  const auto start = std::chrono::steady_clock::now();
  const JsonlOptions jsonl = MakeJsonlOptions(o.common);
  status = ToStdout(o) ? WriteCleanedJsonl(detection->inputs, jsonl, CleanEdits(report), "-")
                       : WriteCleaned(detection->inputs, jsonl, CleanEdits(report), o.outdir);
  // A reader that stops early (`| head`) is its own business; the report is still written.
  if (IsBrokenPipe(status)) status = absl::OkStatus();
  const std::string report_path = ReportPath(o);
  if (status.ok() && !report_path.empty()) {
    status = WriteFileAtomically(report_path, [&report](const PieceWriter& write) { WriteReportJson(report, write); });
  }
  if (!status.ok()) return ExitAfterWrite(status, messages, kExitOk);
  // Only once the cleaned corpus and the report are written: a failed run adds nothing.
  uint64_t indexed = 0;
  if (add_to_index) {
    const InputCorpus corpus(detection->inputs, jsonl);
    const absl::StatusOr<uint64_t> added = AddKeptToIndex(corpus, detection->config, report, *detection->index);
    if (!added.ok()) return ExitAfterWrite(added.status(), messages, kExitOk);
    indexed = *added;
  }
  const double write_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const std::string& line : FormatTimings(detection->seconds, write_seconds)) messages.Verbose(line);
  if (messages.quiet()) return kExitOk;
  std::string where = ToStdout(o) ? "cleaned corpus on stdout" : absl::StrFormat("cleaned corpus in %s", o.outdir);
  if (!report_path.empty()) absl::StrAppendFormat(&where, ", report in %s", report_path);
  if (add_to_index) absl::StrAppendFormat(&where, "; %d kept documents added to the index %s", indexed, o.common.index);
  const std::string summary = FormatSummary(report) + where + "\n";
  if (ToStdout(o) || report_path == "-") {
    // stdout carries data: the summary goes with the other messages.
    for (const absl::string_view line : absl::StrSplit(summary, '\n', absl::SkipEmpty())) {
      messages.Info(std::string_view(line.data(), line.size()));
    }
    return kExitOk;
  }
  return ExitAfterWrite(WriteStdout(summary), messages, kExitOk);
}

}  // namespace neardup::cli
