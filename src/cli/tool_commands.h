// The commands about the command line itself: `completions SHELL` prints a completion script,
// and the hidden `man` writes the man page (the build runs it; `cmake --install` installs both).
#ifndef NEARDUP_CLI_TOOL_COMMANDS_H_
#define NEARDUP_CLI_TOOL_COMMANDS_H_

#include <string>

#include <CLI/CLI.hpp>

namespace neardup::cli {

struct ToolOptions {
  std::string shell;   // completions: bash, zsh or fish
  std::string output;  // completions and man: a file instead of stdout
};

CLI::App* AddCompletionsCommand(CLI::App& app, ToolOptions& options);
CLI::App* AddManCommand(CLI::App& app, ToolOptions& options);
// `app` is the whole program, whose definition the outputs describe.
int RunCompletions(const ToolOptions& options, const CLI::App& app);
int RunMan(const ToolOptions& options, const CLI::App& app);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_TOOL_COMMANDS_H_
