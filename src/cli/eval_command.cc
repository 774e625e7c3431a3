#include <cstdio>

#include "absl/strings/str_format.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/quality_commands.h"
#include "cli/summary.h"
#include "neardup/quality/eval.h"
#include "neardup/io/atomic_file.h"
#include "neardup/io/byte_stream.h"

namespace neardup::cli {

CLI::App* AddEvalCommand(CLI::App& app, EvalCommandOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "eval", "Score a run's report against the truth of a labelled corpus (see synth): document, "
              "span, collateral and clean-text precision and recall.");
  const std::string files = "Files";
  Metavar(cmd->add_option("--truth", o.truth, "truth.json written by synth"), "FILE")->required()->group(files);
  Metavar(cmd->add_option("--report", o.report,
                          "The run's report (neardup's JSON report format, from neardup or another tool)"),
          "REPORT")
      ->required()
      ->group(files);
  Metavar(cmd->add_option("-o,--output", o.outdir, "Directory to write eval.md (the tables) and, with --json, eval.json"),
          "OUTDIR")
      ->group(files);
  cmd->add_flag("--json", o.json,
                "Also write JSON: OUTDIR/eval.json, or to stdout instead of the tables without --output")
      ->group(files);
  cmd->add_flag("-q,--quiet", o.quiet, "Print nothing but errors")->group("Run");
  return cmd;
}

int RunEval(const EvalCommandOptions& o) {
  CommonOptions common;
  common.quiet = o.quiet;
  const Messages messages(common);
  const absl::StatusOr<std::string> truth_json = ReadWholeFile(o.truth, o.truth, Compression::kNone);
  if (!truth_json.ok()) {
    messages.Error(truth_json.status());
    return kExitUsage;
  }
  const absl::StatusOr<std::string> report_json = ReadWholeFile(o.report, o.report, Compression::kNone);
  if (!report_json.ok()) {
    messages.Error(report_json.status());
    return kExitUsage;
  }
  const absl::StatusOr<Truth> truth = ParseTruth(*truth_json, o.truth);
  if (!truth.ok()) {
    messages.Error(truth.status());
    return kExitUsage;
  }
  const absl::StatusOr<Run> run = ParseRunReport(*report_json, o.report);
  if (!run.ok()) {
    messages.Error(run.status());
    return kExitUsage;
  }
  const absl::StatusOr<EvalResult> result = Evaluate(*truth, *run);
  if (!result.ok()) {
    messages.Error(absl::StrFormat("%s against %s: %s", o.report, o.truth,
                                   std::string(result.status().message())));
    return kExitUsage;
  }
  const std::string table = FormatEvalTable(*result);
  if (!o.outdir.empty()) {
    absl::Status status = WriteFileAtomically(o.outdir + "/eval.md", table);
    if (status.ok() && o.json) status = WriteFileAtomically(o.outdir + "/eval.json", EvalToJson(*result));
    if (!status.ok()) {
      messages.Error(status);
      return kExitUsage;
    }
  }
  if (o.quiet) return kExitOk;
  return ExitAfterWrite(WriteStdout(o.json && o.outdir.empty() ? EvalToJson(*result) : table), messages, kExitOk);
}

}  // namespace neardup::cli
