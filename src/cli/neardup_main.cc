// neardup: finds and removes duplicate documents and repeated passages in text corpora.
// This file only dispatches to the subcommands.
#include <malloc.h>

#include <csignal>
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/quality_commands.h"

namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 success; 1 check found more duplication than allowed; 2 usage or input error.\n";

}  // namespace

int main(int argc, char** argv) {
  // A closed stdout pipe must end the run quietly, not kill it with a signal.
  std::signal(SIGPIPE, SIG_IGN);
  // Keep freed memory for reuse instead of handing it back to the kernel and faulting it in
  // again: the engine frees and reallocates batch buffers all run long, and first touches of
  // memory are costly (on virtual machines most of all). The peak is what it would be anyway.
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  using namespace neardup::cli;
  CLI::App app("neardup: near-duplicate detection and removal for text corpora", "neardup");
  app.set_version_flag("--version", NEARDUP_VERSION);
  app.footer(kExitCodes);
  app.require_subcommand(1);
  CleanOptions clean;
  ReportOptions report;
  CheckOptions check;
  CLI::App* clean_cmd = AddCleanCommand(app, clean);
  CLI::App* report_cmd = AddReportCommand(app, report);
  CLI::App* check_cmd = AddCheckCommand(app, check);
  SynthCommandOptions synth;
  EvalCommandOptions eval;
  CLI::App* synth_cmd = AddSynthCommand(app, synth);
  CLI::App* eval_cmd = AddEvalCommand(app, eval);
  for (CLI::App* cmd : {synth_cmd, eval_cmd}) cmd->footer(kExitCodes);
  for (CLI::App* cmd : {clean_cmd, report_cmd, check_cmd}) cmd->footer(kExitCodes);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "neardup: %s\nRun 'neardup --help' or 'neardup SUBCOMMAND --help'.\n", e.what());
    return kExitUsage;
  }
  if (clean_cmd->parsed()) return RunClean(clean);
  if (check_cmd->parsed()) return RunCheck(check);
  if (synth_cmd->parsed()) return RunSynth(synth);
  if (eval_cmd->parsed()) return RunEval(eval);
  return RunReport(report);
}
