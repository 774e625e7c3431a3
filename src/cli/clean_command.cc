#include <chrono>
#include <cstdio>

#include "absl/strings/str_format.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/summary.h"
#include "neardup/io/atomic_file.h"
#include "neardup/io/clean_writer.h"
#include "neardup/io/corpus.h"
#include "neardup/io/inputs.h"
#include "neardup/engine/pipeline.h"

namespace neardup::cli {

CLI::App* AddCleanCommand(CLI::App& app, CleanOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "clean", "Write the corpus minus duplicate documents and repeated passages to OUTDIR, "
               "with OUTDIR/report.json saying what was removed and why");
  AddCommonOptions(*cmd, o.common);
  cmd->add_option("-o,--output", o.outdir,
                  "Output directory: mirrors the inputs' layout and formats; must not be an input "
                  "or lie inside one")
      ->required();
  return cmd;
}

int RunClean(const CleanOptions& o) {
  const Messages messages(o.common);
  const absl::StatusOr<Config> config = MakeConfig(o.common);
  if (!config.ok()) {
    messages.Error(config.status());
    return kExitUsage;
  }
  absl::StatusOr<InputSet> inputs = ResolveInputs(o.common.inputs);
  if (!inputs.ok()) {
    messages.Error(inputs.status());
    return kExitUsage;
  }
  for (const InputFile& file : inputs->files()) {
    if (file.relative == "report.json") {
      messages.Error(absl::StrFormat("%s: an input named report.json would collide with the report",
                                     file.display));
      return kExitUsage;
    }
  }
  if (const absl::Status status = CheckOutputDir(*inputs, o.outdir); !status.ok()) {
    messages.Error(status);
    return kExitUsage;
  }
  const JsonlOptions jsonl = MakeJsonlOptions(o.common);
  const InputCorpus corpus(*inputs, jsonl);
  RunProfile seconds;
  absl::StatusOr<Report> report;
  {
    ProgressLine progress(WantProgress(o.common), KnownInputBytes(*inputs));  // erased at scope end
    report = Deduplicate(corpus, *config, progress.callback(), &seconds);
  }
  if (!report.ok()) {
    messages.Error(report.status());
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();
  absl::Status status = WriteCleaned(*inputs, jsonl, CleanEdits(*report), o.outdir);
  if (status.ok()) {
    status = WriteFileAtomically(o.outdir + "/report.json",
                                 [&report](const PieceWriter& write) { WriteReportJson(*report, write); });
  }
  if (!status.ok()) {
    messages.Error(status);
    return kExitUsage;
  }
  const double write_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  messages.Verbose(FormatTimings(seconds, write_seconds));
  if (!messages.quiet()) {
    WriteAll(stdout, FormatSummary(*report) +
                         absl::StrFormat("cleaned corpus in %s, report in %s/report.json\n",
                                         o.outdir, o.outdir));
  }
  return kExitOk;
}

}  // namespace neardup::cli
