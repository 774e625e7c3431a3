// The subcommands. Each registers its flags on the app, and runs once parsing succeeded,
// returning the process exit code.
#ifndef NEARDUP_CLI_COMMANDS_H_
#define NEARDUP_CLI_COMMANDS_H_

#include <string>

#include <CLI/CLI.hpp>

#include "cli/options.h"

namespace neardup::cli {

struct CleanOptions {
  CommonOptions common;
  std::string outdir;
};
CLI::App* AddCleanCommand(CLI::App& app, CleanOptions& options);
int RunClean(const CleanOptions& options);

struct ReportOptions {
  CommonOptions common;
  std::string output;  // empty: stdout
};
CLI::App* AddReportCommand(CLI::App& app, ReportOptions& options);
int RunReport(const ReportOptions& options);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_COMMANDS_H_
