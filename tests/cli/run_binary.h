// Helpers for end-to-end tests: run the real neardup binary and look at files it wrote.
#ifndef NEARDUP_TESTS_CLI_RUN_BINARY_H_
#define NEARDUP_TESTS_CLI_RUN_BINARY_H_

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "files.h"  // TempDir, ReadFile, WriteFile
#include "neardup/report.h"

namespace neardup::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `neardup args...` with `stdin_text` on its standard input. The binary is the build's, or
// the one the environment variable NEARDUP_TEST_BINARY names. `as_nobody` runs it as an
// unprivileged user when the tests run as root (so that file permissions apply).
RunResult RunNeardup(const std::vector<std::string>& args, const std::string& stdin_text = "",
                     bool as_nobody = false);

// Runs `script` with bash (-o pipefail), $NEARDUP naming the binary and $SRC the source tree;
// `exit_code` is bash's. For pipes, FIFOs and process substitution.
RunResult RunShell(const std::string& script, const std::string& stdin_text = "");

// Path of a file in the source tree, e.g. SourcePath("corpus/seeds").
std::string SourcePath(const std::string& relative);

// Every regular file under `dir`, as relative path -> bytes.
std::vector<std::pair<std::string, std::string>> ReadTree(const std::filesystem::path& dir);

// The 1-based lines of `text` split on '\n', each with its '\n' (the last may lack one).
std::vector<std::string> SplitLines(const std::string& text);

// Byte offset where 1-based line `n` of `text` starts.
size_t LineStart(const std::string& text, int n);

// `text` without the given 1-based lines (each removed with its newline).
std::string WithoutLines(const std::string& text, const std::set<int>& drop);

// A report neardup wrote, read with ReadReportJson(): the tests read reports through the one
// parser of the schema. Fails the test when it does not read.
Report ParseReport(const std::string& json);
inline Report LoadReport(const std::filesystem::path& path) { return ParseReport(ReadFile(path)); }

}  // namespace neardup::testing

#endif  // NEARDUP_TESTS_CLI_RUN_BINARY_H_
