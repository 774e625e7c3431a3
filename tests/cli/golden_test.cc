// The command line's own words, pinned in expected-output files (zstd's cli-tests style): the
// --help of every command, and the main error messages. tests/cli/golden/NAME.args holds the
// arguments, one per line; NAME.out and NAME.err the exact stdout and stderr; NAME.code the exit
// code. Commands run in the source tree, so that paths in messages are relative; the source
// tree's absolute path, where a message has it, is written $SRC.
//
// After a deliberate change, NEARDUP_UPDATE_GOLDEN=1 rewrites the expected files; read every
// changed line before committing them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/run_binary.h"

namespace neardup::testing {
namespace {

namespace fs = std::filesystem;

std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (const char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string Normalized(std::string text) {
  const std::string source = NEARDUP_SOURCE_DIR;
  for (size_t at = text.find(source); at != std::string::npos; at = text.find(source, at)) {
    text.replace(at, source.size(), "$SRC");
  }
  return text;
}

std::vector<std::string> Cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(SourcePath("tests/cli/golden"))) {
    if (entry.path().extension() == ".args") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("every golden case's stdout, stderr and exit code are as expected") {
  const bool update = std::getenv("NEARDUP_UPDATE_GOLDEN") != nullptr;
  const std::vector<std::string> cases = Cases();
  REQUIRE(cases.size() >= 10);
  for (const std::string& name : cases) {
    CAPTURE(name);
    const std::string base = SourcePath("tests/cli/golden/" + name);
    std::string command = "cd \"$SRC\" && $NEARDUP";
    for (const std::string& line : SplitLines(ReadFile(base + ".args"))) {
      command += ' ';  // not " " + ...: GCC 12 at -O3 reports a false -Wrestrict on that
      command += Quote(line.substr(0, line.size() - (line.back() == '\n' ? 1 : 0)));
    }
    const RunResult run = RunShell(command);
    const std::string out = Normalized(run.out), err = Normalized(run.err);
    const std::string code = std::to_string(run.exit_code) + "\n";
    if (update) {
      WriteFile(base + ".out", out);
      WriteFile(base + ".err", err);
      WriteFile(base + ".code", code);
      continue;
    }
    CHECK(out == ReadFile(base + ".out"));
    CHECK(err == ReadFile(base + ".err"));
    CHECK(code == ReadFile(base + ".code"));
  }
}

TEST_CASE("help texts fit in 80 columns") {
  for (const std::string& name : Cases()) {
    if (name.rfind("help", 0) != 0) continue;
    CAPTURE(name);
    for (const std::string& line : SplitLines(ReadFile(SourcePath("tests/cli/golden/" + name + ".out")))) {
      CAPTURE(line);
      CHECK(line.size() <= 81);  // 80 columns and the newline
    }
  }
}

TEST_CASE("`help COMMAND` is `COMMAND --help`, and `help` is `--help`") {
  for (const std::string command : {"clean", "report", "check", "index", "synth", "eval", "completions"}) {
    CAPTURE(command);
    const RunResult help = RunNeardup({"help", command});
    CHECK(help.exit_code == 0);
    CHECK(help.out == RunNeardup({command, "--help"}).out);
    CHECK(help.out.rfind("Usage: neardup " + command + " ", 0) == 0);
  }
  CHECK(RunNeardup({"help"}).out == RunNeardup({"--help"}).out);
}

}  // namespace neardup::testing
