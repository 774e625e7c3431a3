#include <cstdio>

#include "cli/commands.h"
#include "cli/summary.h"
#include "neardup/io/atomic_file.h"
#include "neardup/io/corpus.h"
#include "neardup/io/inputs.h"
#include "neardup/pipeline.h"

namespace neardup::cli {

CLI::App* AddReportCommand(CLI::App& app, ReportOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "report", "Detect duplicates and repeated passages and write the JSON report; rewrite nothing");
  AddCommonOptions(*cmd, o.common);
  cmd->add_option("-o,--output", o.output, "Write the report to FILE instead of stdout");
  return cmd;
}

int RunReport(const ReportOptions& o) {
  const Messages messages(o.common);
  const absl::StatusOr<Config> config = MakeConfig(o.common);
  if (!config.ok()) {
    messages.Error(config.status());
    return kExitUsage;
  }
  const absl::StatusOr<InputSet> inputs = ResolveInputs(o.common.inputs);
  if (!inputs.ok()) {
    messages.Error(inputs.status());
    return kExitUsage;
  }
  const InputCorpus corpus(*inputs, MakeJsonlOptions(o.common));
  StageSeconds seconds;
  const absl::StatusOr<Report> report = Deduplicate(corpus, *config, nullptr, &seconds);
  if (!report.ok()) {
    messages.Error(report.status());
    return kExitUsage;
  }
  messages.Verbose(FormatTimings(seconds, 0.0));
  const std::string json = ReportToJson(*report);
  if (o.output.empty() || o.output == "-") {
    WriteAll(stdout, json);  // a closed pipe ends the run quietly
    return kExitOk;
  }
  if (const absl::Status status = WriteFileAtomically(o.output, json); !status.ok()) {
    messages.Error(status);
    return kExitUsage;
  }
  if (!messages.quiet()) WriteAll(stdout, FormatSummary(*report));
  return kExitOk;
}

}  // namespace neardup::cli
