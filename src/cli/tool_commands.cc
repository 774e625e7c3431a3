#include "cli/tool_commands.h"

#include "cli/help.h"
#include "cli/options.h"
#include "cli/output.h"
#include "neardup/io/atomic_file.h"

namespace neardup::cli {
namespace {

int Emit(const absl::StatusOr<std::string>& text, const std::string& output) {
  const Messages messages(CommonOptions{});
  if (!text.ok()) {
    messages.Error(text.status());
    return kExitUsage;
  }
  if (output.empty() || output == "-") return ExitAfterWrite(WriteStdout(*text), messages, kExitOk);
  return ExitAfterWrite(WriteFileAtomically(output, *text), messages, kExitOk);
}

void AddOutput(CLI::App& cmd, ToolOptions& o) {
  Metavar(cmd.add_option("-o,--output", o.output, "Write to FILE instead of stdout"), "FILE")->group("Options");
}

}  // namespace

CLI::App* AddCompletionsCommand(CLI::App& app, ToolOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "completions", "Print a completion script for a shell, e.g. 'neardup completions bash > "
                     "~/.local/share/bash-completion/completions/neardup'.");
  Metavar(cmd->add_option("SHELL", o.shell, "bash, zsh or fish"), "bash|zsh|fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}).description(""));
  AddOutput(*cmd, o);
  return cmd;
}

CLI::App* AddManCommand(CLI::App& app, ToolOptions& o) {
  CLI::App* cmd = app.add_subcommand("man", "Write the man page neardup(1), in roff.");
  cmd->group("");  // hidden: the build runs it
  AddOutput(*cmd, o);
  return cmd;
}

int RunCompletions(const ToolOptions& o, const CLI::App& app) { return Emit(FormatCompletions(app, o.shell), o.output); }

int RunMan(const ToolOptions& o, const CLI::App& app) { return Emit(FormatManPage(app), o.output); }

}  // namespace neardup::cli
