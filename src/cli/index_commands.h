// `neardup index add|query|stats`: the persistent index from the command line.
#ifndef NEARDUP_CLI_INDEX_COMMANDS_H_
#define NEARDUP_CLI_INDEX_COMMANDS_H_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/options.h"

namespace neardup::cli {

struct IndexCommandOptions {
  std::string index;  // the directory
  CommonOptions common;
};

struct IndexOptions {
  IndexCommandOptions add;
  IndexCommandOptions query;
  std::string stats_index;
  bool wait = false;  // add: wait for another writer
  bool json = false;  // query: JSON lines
  std::vector<CLI::App*> apps;  // add, query, stats
};

// Registers --index on clean, report or check (`writer`: clean, which adds to the index, so also
// --index-readonly and --wait).
void AddIndexRunOptions(CLI::App& command, CommonOptions& options, bool writer);

// Registers `index` and its three subcommands on `app`.
CLI::App* AddIndexCommand(CLI::App& app, IndexOptions& options);
// Runs the subcommand that was parsed. Exit codes: 0 done; 2 a usage or input error, an index
// built with other parameters, a directory that is not an index, another writer at work.
int RunIndex(const IndexOptions& options);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_INDEX_COMMANDS_H_
