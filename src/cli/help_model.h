// The command line as plain values, read off the CLI::App tree once for the help text, the man
// page and the completion scripts.
#ifndef NEARDUP_CLI_HELP_MODEL_H_
#define NEARDUP_CLI_HELP_MODEL_H_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace neardup::cli {

struct OptionInfo {
  std::vector<std::string> names;  // "-o", "--output", then aliases ("--out"); a positional: its name
  std::string metavar;             // "DIR", "report|remove"; empty for a flag
  std::vector<std::string> choices;  // the plain words of a metavariable such as "json|md|html"
  enum PathKind { kNoPath, kFile, kDirectory } path = kNoPath;
  std::string description;
  std::string default_value;       // empty: none shown
  std::string group;
  bool required = false;
  bool positional = false;
  bool many = false;               // takes several values (INPUT...)
  bool help = false;               // -h, --help
};

struct CommandInfo {
  std::string name;         // "" for the program itself; "index add" for a command inside one
  std::string description;
  std::string footer;       // the exit codes
  std::vector<OptionInfo> options;  // in the order they were added
  bool hidden = false;
  std::vector<CommandInfo> subcommands;  // visible commands inside this one ("index add")
};

CommandInfo DescribeCommand(const CLI::App& app);
// The visible subcommands of `app`, in the order they were added.
std::vector<CommandInfo> DescribeSubcommands(const CLI::App& app);

// "neardup report [OPTIONS] INPUT..." without "Usage: ".
std::string UsageLine(const CommandInfo& command);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_HELP_MODEL_H_
