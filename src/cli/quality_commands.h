// The quality subcommands: `synth` builds a labelled corpus, `eval` scores a run against it.
// Each registers its flags on the app and runs once parsing succeeded, returning the exit code.
#ifndef NEARDUP_CLI_QUALITY_COMMANDS_H_
#define NEARDUP_CLI_QUALITY_COMMANDS_H_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "neardup/quality/synth.h"

namespace neardup::cli {

struct SynthCommandOptions {
  std::vector<std::string> base;
  std::string outdir;
  std::string text_field = "text";
  std::string id_field = "id";
  SynthOptions synth;
  bool quiet = false;
};
CLI::App* AddSynthCommand(CLI::App& app, SynthCommandOptions& options);
int RunSynth(const SynthCommandOptions& options);

struct EvalCommandOptions {
  std::string truth;
  std::string report;
  std::string outdir;  // empty: print only
  bool json = false;
  bool quiet = false;
};
CLI::App* AddEvalCommand(CLI::App& app, EvalCommandOptions& options);
int RunEval(const EvalCommandOptions& options);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_QUALITY_COMMANDS_H_
