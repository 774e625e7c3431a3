// The command line's conventions (issue 17): validated values, versions, help, suggestions,
// completions, the man page, summaries per rule, check's JSON and baseline warnings, progress on
// a terminal.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "cli/run_binary.h"
#include "synthetic_base.h"

namespace neardup::testing {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Seeds() { return SourcePath("corpus/seeds"); }

bool Installed(const std::string& program) {
  return std::system(("command -v " + program + " | grep -q .").c_str()) == 0;
}

}  // namespace

TEST_CASE("issue17 defect 7: seeds and counts are whole decimal numbers in range") {
  for (const std::string seed : {"-1", "18446744073709551616", "1e3", "0x10", ""}) {
    CAPTURE(seed);
    const RunResult run = RunNeardup({"report", Seeds(), "--seed", seed});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
  }
  // The largest seed is accepted, and a leading zero is not octal.
  CHECK(Contains(RunNeardup({"report", Seeds(), "--seed", "18446744073709551615", "-q"}).out,
                 "\"seed\": 18446744073709551615,"));
  CHECK(Contains(RunNeardup({"report", Seeds(), "--seed", "010", "-q"}).out, "\"seed\": 10,"));
  for (const auto& [option, value] : {std::pair<std::string, std::string>{"--boilerplate-min-docs", "-1"},
                                      {"--min-tandem-words", "-3"},
                                      {"--threads", "-1"},
                                      {"--num-perm", "0"},
                                      {"--top", "0"}}) {
    CAPTURE(option);
    CHECK(RunNeardup({"report", Seeds(), option, value}).exit_code == 2);
  }
}

TEST_CASE("issue17 defect 7: ratios are finite numbers from 0 to 1") {
  for (const std::string value : {"nan", "NaN", "inf", "-0.1", "1.5", "0x1p-3", "abc"}) {
    CAPTURE(value);
    const RunResult run = RunNeardup({"check", Seeds(), "--max-dup-ratio", value});
    CHECK(run.exit_code == 2);
    CHECK(Contains(run.err, "neardup: --max-dup-ratio: must be a number from 0 to 1, got '" + value + "'"));
  }
  CHECK(RunNeardup({"report", Seeds(), "--containment", "nan"}).exit_code == 2);
  CHECK(RunNeardup({"report", Seeds(), "--threshold", "nan"}).exit_code == 2);
}

TEST_CASE("issue17 defect 7: more threads than cores print nothing with --quiet") {
  const RunResult run = RunNeardup({"check", Seeds(), "--threads", "64", "--quiet", "--max-passages", "11"});
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
}

TEST_CASE("-V and --version print the version and the libraries") {
  for (const std::string flag : {"-V", "--version"}) {
    const RunResult run = RunNeardup({flag});
    CHECK(run.exit_code == 0);
    CHECK(run.out.rfind("neardup 0.1.0\nlibraries: zlib ", 0) == 0);
    for (const std::string library : {"zstd", "utf8proc", "oneTBB", "simdjson", "xxHash", "Abseil", "CLI11", "libarchive"}) {
      CHECK(Contains(run.out, library));
    }
  }
}

TEST_CASE("a mistyped option or command suggests the closest one") {
  const RunResult option = RunNeardup({"check", Seeds(), "--max-passage", "3"});
  CHECK(option.exit_code == 2);
  CHECK(Contains(option.err, "unknown option '--max-passage' for 'neardup check'; did you mean '--max-passages'?"));
  const RunResult far = RunNeardup({"report", Seeds(), "--zzzzzz"});
  CHECK(Contains(far.err, "unknown option '--zzzzzz' for 'neardup report'\n"));
  CHECK(Contains(RunNeardup({"chek", Seeds()}).err, "unknown command 'chek'; did you mean 'check'?"));
}

TEST_CASE("synth takes --output, and --out as before, with the same result") {
  TempDir dir;
  const std::vector<std::string> texts = SyntheticBase(40, 5);
  for (size_t i = 0; i < texts.size(); ++i) WriteFile(dir / ("base/" + std::to_string(i) + ".txt"), texts[i]);
  std::string first;
  for (const std::string flag : {"--output", "--out", "-o"}) {
    CAPTURE(flag);
    const std::string out = dir / ("out" + flag);
    const RunResult run = RunNeardup({"synth", "--base", dir / "base", flag, out, "-q"});
    INFO(run.err);
    CHECK(run.exit_code == 0);
    const std::string corpus = ReadFile(out + "/corpus.jsonl");
    CHECK_FALSE(corpus.empty());
    if (first.empty()) first = corpus;
    CHECK(corpus == first);
  }
}

TEST_CASE("completion scripts for bash, zsh and fish parse in their shells") {
  TempDir dir;
  for (const std::string shell : {"bash", "zsh", "fish"}) {
    CAPTURE(shell);
    const RunResult run = RunNeardup({"completions", shell});
    CHECK(run.exit_code == 0);
    CHECK(Contains(run.out, "neardup"));
    CHECK(Contains(run.out, "threshold"));
    CHECK(Contains(run.out, "report remove"));  // the choices of --cross-doc
    if (!Installed(shell)) {
      MESSAGE(std::string(shell + " is not installed: its script is not parsed"));
      continue;
    }
    WriteFile(dir / ("script." + shell), run.out);
    CHECK(std::system((shell + " -n '" + dir / ("script." + shell) + "'").c_str()) == 0);
  }
  CHECK(RunNeardup({"completions", "tcsh"}).exit_code == 2);
}

TEST_CASE("bash completion offers commands, options, choices and files") {
  TempDir dir;
  WriteFile(dir / "script.bash", RunNeardup({"completions", "bash"}).out);
  const auto complete = [&](const std::string& line) {
    const RunResult run = RunShell("source '" + dir / "script.bash" + "'\nCOMP_WORDS=(" + line +
                                   ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n_neardup\necho \"${COMPREPLY[*]}\"");
    return run.out;
  };
  CHECK(complete("neardup r") == "report\n");
  CHECK(complete("neardup report --cross-doc ''") == "report remove\n");
  CHECK(complete("neardup check --max-dup-") == "--max-dup-docs --max-dup-ratio\n");
}

TEST_CASE("the man page is roff that groff reads without warnings") {
  const RunResult run = RunNeardup({"man"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.rfind(".TH NEARDUP 1 ", 0) == 0);
  CHECK(Contains(run.out, ".SH \"EXIT STATUS\""));
  CHECK(Contains(run.out, "\\fB\\-\\-threshold\\fR \\fIJ\\fR"));
  if (!Installed("groff")) {
    MESSAGE("groff is not installed: the page is not typeset");
    return;
  }
  TempDir dir;
  WriteFile(dir / "neardup.1", run.out);
  const RunResult groff = RunShell("groff -man -Tutf8 -ww -z '" + dir / "neardup.1" + "'");
  CHECK(groff.exit_code == 0);
  CHECK(groff.err.empty());
}

TEST_CASE("the summary lists each rule, and what was only reported with the option that removes it") {
  TempDir dir;
  const RunResult quote = RunNeardup({"report", SourcePath("tests/data/issue3/quote"), "-o", dir / "r.json"});
  CHECK(Contains(quote.out, "passages removed, by rule:\n  repeat-within                 0             0 bytes    0.0%\n"));
  CHECK(Contains(quote.out, "reported, not removed:\n  repeat-across                 1           151 bytes   22.6%  "
                            "(--cross-doc remove removes them)\n"));
  const RunResult boilerplate = RunNeardup({"report", SourcePath("tests/data/issue3/template"), "-o", dir / "r.json"});
  CHECK(Contains(boilerplate.out, "  boilerplate                   5           110 bytes   13.1%\n"));
  CHECK(Contains(boilerplate.out, "  boilerplate-pattern           5           224 bytes   26.7%  "
                                  "(--boilerplate-patterns remove removes them)\n"));
}

TEST_CASE("check --json writes the gate results for machines, also to stdout") {
  TempDir dir;
  const RunResult run = RunNeardup({"check", Seeds(), "--max-passages", "10", "--json", dir / "gates.json"});
  CHECK(run.exit_code == 1);
  const std::string json = ReadFile(dir / "gates.json");
  CHECK(Contains(json, "\"passed\": false"));
  CHECK(Contains(json, "\"gate\": \"max-passages\""));
  CHECK(Contains(json, "\"counted\": 11"));
  const RunResult stdout_json = RunNeardup({"check", Seeds(), "--max-passages", "10", "--json", "-"});
  CHECK(stdout_json.exit_code == 1);
  CHECK(stdout_json.out == json);  // the table gives way to the JSON
  CHECK(RunNeardup({"check", Seeds(), "--json", "-", "--junit", "-"}).exit_code == 2);
}

TEST_CASE("a baseline made with other options gets a warning naming them") {
  TempDir dir;
  REQUIRE(RunNeardup({"report", Seeds(), "--threshold", "0.9", "--passages", "paragraph", "-o", dir / "base.json"})
              .exit_code == 0);
  const RunResult run = RunNeardup({"check", Seeds(), "--baseline", dir / "base.json", "--max-passages", "100"});
  CHECK(Contains(run.err, "neardup: warning: " + dir / "base.json" +
                              " was made with other options, so its findings may not match: --passages line (the "
                              "baseline: paragraph), --threshold 0.8 (the baseline: 0.9)\n"));
  REQUIRE(RunNeardup({"report", Seeds(), "-o", dir / "same.json"}).exit_code == 0);
  CHECK(RunNeardup({"check", Seeds(), "--baseline", dir / "same.json"}).err.empty());
}

TEST_CASE("on a terminal the progress line fits its width and is redrawn in place") {
  // A pseudo-terminal of 40 columns as stderr (and stdout), and enough input for several redraws.
  TempDir dir;
  std::string corpus;
  for (int i = 0; i < 3000; ++i) {
    corpus += "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"record " + std::to_string(i) + " with words " +
              std::to_string(i * 31) + " and more words to make it a line of some length\"}\n";
  }
  WriteFile(dir / "c.jsonl", corpus);
  int terminal = -1;
  winsize size{};
  size.ws_col = 40;
  size.ws_row = 24;
  const std::string binary = std::getenv("NEARDUP_TEST_BINARY") != nullptr ? std::getenv("NEARDUP_TEST_BINARY") : NEARDUP_BINARY;
  const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, &size);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execl(binary.c_str(), binary.c_str(), "report", (dir / "c.jsonl").c_str(), "-o", (dir / "r.json").c_str(),
            "--progress", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::string screen;
  char buffer[4096];
  for (ssize_t n; (n = ::read(terminal, buffer, sizeof buffer)) > 0;) screen.append(buffer, static_cast<size_t>(n));
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(terminal);
  CHECK(WEXITSTATUS(status) == 0);
  // Everything before the summary is the progress: redraws starting with \r, ending with an
  // erase to the end of the line, none wider than 39 columns.
  const size_t end = screen.find("documents ");
  REQUIRE(end != std::string::npos);
  const std::string progress = screen.substr(0, end);
  REQUIRE(progress.rfind("\rneardup: ", 0) == 0);
  size_t draws = 0;
  for (size_t at = 0; at < progress.size();) {
    const size_t next = progress.find('\r', at + 1);
    std::string draw = progress.substr(at + 1, (next == std::string::npos ? progress.size() : next) - at - 1);
    const size_t erase = draw.find("\x1b[K");
    REQUIRE(erase != std::string::npos);
    CHECK(erase <= 39);
    ++draws;
    at = next == std::string::npos ? progress.size() : next;
  }
  CHECK(draws >= 2);  // at least one drawing and the final erase
}

}  // namespace neardup::testing
