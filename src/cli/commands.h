// The subcommands. Each registers its flags on the app, and runs once parsing succeeded,
// returning the process exit code. Each checks everything it can (options, inputs, that its
// outputs can be written) before the long detection pass.
#ifndef NEARDUP_CLI_COMMANDS_H_
#define NEARDUP_CLI_COMMANDS_H_

#include <string>

#include <CLI/CLI.hpp>

#include "cli/options.h"
#include "neardup/check/gates.h"

namespace neardup::cli {

struct CleanOptions {
  CommonOptions common;
  std::string outdir;  // "-": the cleaned JSONL on stdout
  std::string report;  // empty: OUTDIR/report.json (none with -o - )
};
CLI::App* AddCleanCommand(CLI::App& app, CleanOptions& options);
int RunClean(const CleanOptions& options);

struct ReportOptions {
  CommonOptions common;
  std::string output;  // empty: stdout
  std::string format = "json";  // json, md, html
  size_t top = 200;             // html: documents shown with their text
};
CLI::App* AddReportCommand(CLI::App& app, ReportOptions& options);
int RunReport(const ReportOptions& options);

struct CheckOptions {
  CommonOptions common;
  GateLimits limits;         // none set: every gate at 0
  std::string baseline;      // report JSON whose findings do not count
  std::string junit;         // JUnit XML file to write
  std::string markdown;      // Markdown summary file to write
  std::string annotations;   // "github": workflow-command lines on stdout
  std::string json;          // JSON gate results file to write
};
CLI::App* AddCheckCommand(CLI::App& app, CheckOptions& options);
// kExitOk when every gate holds, kExitCheckFailed when one fails, kExitUsage on bad input.
int RunCheck(const CheckOptions& options);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_COMMANDS_H_
