// neardup: finds and removes duplicate documents and repeated passages in text corpora.
// This file only dispatches to the subcommands.
#include <malloc.h>

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/help.h"
#include "cli/index_commands.h"
#include "cli/output.h"
#include "cli/quality_commands.h"
#include "cli/signals.h"
#include "cli/tool_commands.h"
#include "cli/version.h"

namespace {

using namespace neardup::cli;

// The exit codes of each command, shown at the end of its --help and in the man page.
constexpr const char* kInterrupted =
    "  130   interrupted (SIGINT); the temporary files of the run are removed\n"
    "  143   terminated (SIGTERM); the temporary files of the run are removed\n";
const std::string kProgramExitCodes = std::string(
    "Exit codes:\n"
    "  0     success\n"
    "  1     check: a gate failed (more duplication than allowed)\n"
    "  2     usage error, or an input or output error\n") + kInterrupted;

std::string ExitCodes(const std::string& success, const std::string& failure = "") {
  return "Exit codes:\n  0     " + success + "\n" + failure +
         "  2     usage error, or an input or output error\n" + kInterrupted;
}

struct Commands {
  CleanOptions clean;
  ReportOptions report;
  CheckOptions check;
  IndexOptions index;
  SynthCommandOptions synth;
  EvalCommandOptions eval;
  ToolOptions tool;
  std::vector<CLI::App*> apps;  // in the order added
};

void Define(CLI::App& app, Commands& c) {
  app.set_version_flag("-V,--version", VersionText, "Print the version and the libraries' versions, and exit");
  app.set_help_flag("-h,--help", "Print this help and exit");
  app.footer(kProgramExitCodes);
  app.require_subcommand(1);
  const auto add = [&](CLI::App* cmd, const std::string& codes) {
    cmd->set_help_flag("-h,--help", "Print this help and exit");
    cmd->footer(codes);
    c.apps.push_back(cmd);
  };
  add(AddCleanCommand(app, c.clean), ExitCodes("the cleaned corpus and the report are written"));
  add(AddReportCommand(app, c.report), ExitCodes("the report is written"));
  add(AddCheckCommand(app, c.check),
      ExitCodes("every gate holds", "  1     a gate failed: more duplication than the limits allow\n"));
  const std::string index_codes = std::string(
      "Exit codes:\n"
      "  0     done\n"
      "  2     usage error, or an input or output error; an index built with other\n"
      "        parameters; a directory that is not an index; another writer at work\n") + kInterrupted;
  add(AddIndexCommand(app, c.index), index_codes);
  for (CLI::App* sub : c.index.apps) {
    sub->set_help_flag("-h,--help", "Print this help and exit");
    sub->footer(index_codes);
  }
  add(AddSynthCommand(app, c.synth), ExitCodes("the labelled corpus is written"));
  add(AddEvalCommand(app, c.eval), ExitCodes("the scores are written"));
  add(AddCompletionsCommand(app, c.tool), ExitCodes("the script is printed"));
  add(AddManCommand(app, c.tool), ExitCodes("the page is written"));
  UseNeardupHelp(app);
}

// The subcommand named on the command line, if any: the deepest one ("index add").
const CLI::App* NamedCommand(const CLI::App& app, const std::vector<std::string>& args) {
  const CLI::App* named = nullptr;
  const CLI::App* level = &app;
  for (const std::string& arg : args) {
    for (const CLI::App* sub : level->get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->get_name() == arg) {
        named = sub;
        level = sub;
        break;
      }
    }
  }
  return named;
}

// "index add" for a nested command, "report" for another.
std::string CommandPath(const CLI::App& command) {
  const CLI::App* parent = command.get_parent();
  if (parent == nullptr || parent->get_parent() == nullptr) return command.get_name();
  return CommandPath(*parent) + " " + command.get_name();
}

std::vector<std::string> CommandNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    names.push_back(sub->get_name());
  }
  return names;
}

// "unknown option '--tresh' for 'neardup report'; did you mean '--threshold'?", from the first
// argument that names no option; empty when every option is known (CLI11's message then stands).
std::string UnknownOption(const CLI::App& app, const std::vector<std::string>& args) {
  const CLI::App* command = NamedCommand(app, args);
  std::vector<std::string> names = OptionNames(app);
  if (command != nullptr) {
    const std::vector<std::string> own = OptionNames(*command);
    names.insert(names.end(), own.begin(), own.end());
  }
  for (const std::string& arg : args) {
    if (arg.size() < 2 || arg[0] != '-' || arg == "--") continue;
    // A negative number is a value, wrong or not, never an option.
    if ((arg[1] >= '0' && arg[1] <= '9') || arg[1] == '.') continue;
    const std::string name = arg.substr(0, arg.find('='));
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    // Bundled short flags ("-qv") are known when each letter is.
    if (name[1] != '-' && std::all_of(name.begin() + 1, name.end(), [&](char f) {
          return std::find(names.begin(), names.end(), std::string("-") + f) != names.end();
        })) {
      continue;
    }
    const std::string where = command != nullptr ? "neardup " + CommandPath(*command) : std::string("neardup");
    std::string message = "unknown option '" + name + "' for '" + where + "'";
    const std::string suggestion = ClosestMatch(name, names);
    if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
    return message;
  }
  return "";
}

int UsageError(const CLI::App& app, const std::vector<std::string>& args, const std::string& message) {
  const CLI::App* command = NamedCommand(app, args);
  const std::string help = command != nullptr ? "neardup " + CommandPath(*command) + " --help" : "neardup --help";
  const Messages messages(CommonOptions{});
  messages.Error(message);
  messages.Error("run '" + help + "' for the " + (command != nullptr ? "options" : "commands"));
  return kExitUsage;
}

// "neardup help [COMMAND]" is "neardup [COMMAND] --help"; an unknown first word is a mistyped
// command. Returns the arguments to parse, or an exit code in `exit`.
std::vector<std::string> Rewrite(const CLI::App& app, std::vector<std::string> args, int& exit) {
  exit = -1;
  if (args.empty() || args[0].empty() || args[0][0] == '-') return args;
  const std::vector<std::string> names = CommandNames(app);
  const bool known = std::find(names.begin(), names.end(), args[0]) != names.end() || NamedCommand(app, {args[0]});
  if (args[0] == "help") {
    // "help index add" names a command inside a command.
    const bool nested = args.size() == 3 && NamedCommand(app, {args[1], args[2]}) != NamedCommand(app, {args[1]});
    if (args.size() > 2 && !nested) {
      exit = UsageError(app, {}, "help takes at most one command");
    } else if (args.size() == 2 && !NamedCommand(app, {args[1]})) {
      const std::string suggestion = ClosestMatch(args[1], names);
      exit = UsageError(app, {}, "unknown command '" + args[1] + "'" +
                                     (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"));
    }
    std::vector<std::string> rewritten(args.begin() + 1, args.end());
    rewritten.push_back("--help");
    return rewritten;
  }
  if (!known) {
    const std::string suggestion = ClosestMatch(args[0], names);
    exit = UsageError(app, {}, "unknown command '" + args[0] + "'" +
                                   (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"));
  }
  return args;
}

int Dispatch(Commands& c, const CLI::App& app) {
  if (c.apps[0]->parsed()) return RunClean(c.clean);
  if (c.apps[1]->parsed()) return RunReport(c.report);
  if (c.apps[2]->parsed()) return RunCheck(c.check);
  if (c.apps[3]->parsed()) return RunIndex(c.index);
  if (c.apps[4]->parsed()) return RunSynth(c.synth);
  if (c.apps[5]->parsed()) return RunEval(c.eval);
  if (c.apps[6]->parsed()) return RunCompletions(c.tool, app);
  return RunMan(c.tool, app);
}

}  // namespace

int main(int argc, char** argv) {
  InstallSignalHandlers();
  // Keep freed memory for reuse instead of handing it back to the kernel and faulting it in
  // again: the engine frees and reallocates batch buffers all run long, and first touches of
  // memory are costly (on virtual machines most of all). The peak is what it would be anyway.
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  CLI::App app("neardup: near-duplicate detection and removal for text corpora", "neardup");
  Commands commands;
  Define(app, commands);
  int exit = -1;
  std::vector<std::string> args = Rewrite(app, std::vector<std::string>(argv + 1, argv + argc), exit);
  if (exit >= 0) return exit;
  const Messages messages(CommonOptions{});
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    return ExitAfterWrite(WriteStdout(app.help()), messages, kExitOk);
  } catch (const CLI::CallForAllHelp&) {
    return ExitAfterWrite(WriteStdout(app.help()), messages, kExitOk);
  } catch (const CLI::CallForVersion&) {
    return ExitAfterWrite(WriteStdout(VersionText()), messages, kExitOk);
  } catch (const CLI::ExtrasError& e) {
    const std::string unknown = UnknownOption(app, args);
    return UsageError(app, args, unknown.empty() ? e.what() : unknown);
  } catch (const CLI::ParseError& e) {
    const std::string unknown = UnknownOption(app, args);
    const CLI::App* command = NamedCommand(app, args);
    if (unknown.empty() && command != nullptr && !command->get_subcommands({}).empty()) {
      // A command of commands ("index") given none of them: name them.
      std::vector<std::string> names;
      for (const CLI::App* sub : command->get_subcommands({})) names.push_back(sub->get_name());
      std::string list;
      for (size_t i = 0; i < names.size(); ++i) list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
      return UsageError(app, args, "'neardup " + CommandPath(*command) + "' needs a command: " + list);
    }
    return UsageError(app, args, unknown.empty() ? e.what() : unknown);
  }
  return Dispatch(commands, app);
}
