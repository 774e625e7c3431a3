// Flags shared by the subcommands, and their translation into a validated neardup::Config.
// Flags exist only here and in the *_command files; the library never sees them.
#ifndef NEARDUP_CLI_OPTIONS_H_
#define NEARDUP_CLI_OPTIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/status/statusor.h"
#include "neardup/config.h"
#include "neardup/io/jsonl.h"

namespace neardup::cli {

// Exit codes, documented in --help and README.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitCheckFailed = 1;
inline constexpr int kExitUsage = 2;

struct CommonOptions {
  std::vector<std::string> inputs;
  double threshold = 0.8;
  int num_perm = 128;
  std::string shingle = "word:5";
  std::string passages = "line";
  int threads = 0;
  uint64_t seed = 1;
  std::string id_field = "id";
  std::string text_field = "text";
  std::string cross_doc = "report";
  size_t boilerplate_min_docs = 3;
  double boilerplate_min_share = 0.05;
  std::string boilerplate_patterns = "report";
  std::string source_field;
  std::string url_field;
  double containment = 0.0;
  std::string keep = "first";
  size_t min_tandem_words = 3;
  std::string temp_dir;  // empty: TMPDIR, else /tmp
  bool quiet = false;
  bool verbose = false;
  bool progress = false;  // also when stderr is not a terminal
  std::string index;            // --index: a persistent index to check against (empty: none)
  bool index_readonly = false;  // clean: do not add the kept documents to it
  bool index_wait = false;      // clean: wait for another writer of the index
};

// Registers the inputs and every common option on `command`, with defaults shown in --help.
void AddCommonOptions(CLI::App& command, CommonOptions& options);

// Sets the name --help shows for the option's value ("DIR", "report|remove").
CLI::Option* Metavar(CLI::Option* option, const std::string& name);

absl::StatusOr<Config> MakeConfig(const CommonOptions& options);
JsonlOptions MakeJsonlOptions(const CommonOptions& options);

// Diagnostics on stderr, prefixed "neardup: ", one line each: control characters in a message are
// escaped (see EscapeControl). --quiet keeps only errors.
class Messages {
 public:
  explicit Messages(const CommonOptions& options) : quiet_(options.quiet), verbose_(options.verbose) {}
  void Error(std::string_view message) const;
  void Error(const absl::Status& status) const;  // its message alone; the code is not shown
  void Info(std::string_view message) const;
  void Warn(std::string_view message) const;  // "warning: ...", unless --quiet
  void Verbose(std::string_view message) const;
  bool quiet() const { return quiet_; }
  bool verbose() const { return verbose_; }

 private:
  bool quiet_;
  bool verbose_;
};

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_OPTIONS_H_
