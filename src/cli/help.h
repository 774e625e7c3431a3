// The help text, the man page and the shell completions, all generated from the one definition of
// the command line (the CLI::App tree), so that they cannot drift apart; and the "did you mean"
// suggestions for mistyped options and commands.
//
// Conventions the generators rely on: an option's metavariable (type_name) names its value, e.g.
// "DIR", "FILE", or its choices "report|remove"; validators carry no description (so the
// metavariable is all --help shows); a subcommand with an empty group is hidden.
#ifndef NEARDUP_CLI_HELP_H_
#define NEARDUP_CLI_HELP_H_

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/status/statusor.h"

namespace neardup::cli {

// The text --help prints for `app` (the program or one subcommand): usage, description, the
// arguments and options by group with their defaults, wrapped to 80 columns, then the footer
// (the exit codes). Installed as the formatter of `app` and its subcommands by UseNeardupHelp.
std::string FormatHelp(const CLI::App& app);
void UseNeardupHelp(CLI::App& app);

// neardup(1) in roff: synopsis, description, every command with its options, exit status.
std::string FormatManPage(const CLI::App& app);

// A completion script for `shell` (bash, zsh or fish): commands, options, choices, and files or
// directories where a value is a path. InvalidArgument for another shell.
absl::StatusOr<std::string> FormatCompletions(const CLI::App& app, std::string_view shell);

// The candidate nearest to `word` (a prefix of it, or within a small edit distance), or "" when
// none is near enough to be a likely typo.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// Every long and short option name of `app` ("--threshold", "-o"), for suggestions.
std::vector<std::string> OptionNames(const CLI::App& app);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_HELP_H_
