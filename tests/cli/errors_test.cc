// Bad input: a clear message naming the file (and line), exit code 2, and no lost or
// half-written data.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "cli/run_binary.h"

namespace neardup::testing {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("a path that does not exist is named, exit 2") {
  TempDir dir;
  const RunResult r = RunNeardup({"clean", dir / "missing.txt", "-o", dir / "out"});
  CHECK(r.exit_code == 2);
  CHECK(Contains(r.err, "neardup: "));
  CHECK(Contains(r.err, dir / "missing.txt"));
  CHECK_FALSE(std::filesystem::exists(dir / "out"));
}

TEST_CASE("an unreadable file is named, exit 2") {
  TempDir dir;
  WriteFile(dir / "in/secret.txt", "text nobody may read\n");
  chmod((dir / "in/secret.txt").c_str(), 0);
  const RunResult r = RunNeardup({"clean", dir / "in", "-o", dir / "out"}, "", /*as_nobody=*/true);
  CHECK(r.exit_code == 2);
  CHECK(Contains(r.err, "secret.txt"));
}

TEST_CASE("a directory with no .txt files is refused, exit 2") {
  TempDir dir;
  WriteFile(dir / "in/notes.md", "not an input\n");
  const RunResult r = RunNeardup({"report", dir / "in"});
  CHECK(r.exit_code == 2);
  CHECK(Contains(r.err, dir / "in"));
  CHECK(r.out.empty());
}

TEST_CASE("a malformed JSONL line is named with its line; nothing is written to OUTDIR") {
  TempDir dir;
  WriteFile(dir / "in/good.txt", "a good text file\n");
  WriteFile(dir / "in/data.jsonl",
            "{\"id\": \"a\", \"text\": \"first record\"}\n"
            "{\"id\": \"b\", \"text\": \"broken record\"\n"
            "{\"id\": \"c\", \"text\": \"third record\"}\n");
  const RunResult r = RunNeardup({"clean", dir / "in", "-o", dir / "out"});
  CHECK(r.exit_code == 2);
  CHECK(Contains(r.err, "data.jsonl:2"));
  CHECK(ReadTree(dir.path() / "out").empty());
}

TEST_CASE("an OUTDIR equal to, or inside, an input is refused") {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "some text\n");
  const std::string before = ReadFile(dir / "in/a.txt");
  for (const std::string& out : {dir / "in", dir / "in/cleaned"}) {
    CAPTURE(out);
    const RunResult r = RunNeardup({"clean", dir / "in", "-o", out});
    CHECK(r.exit_code == 2);
    CHECK(Contains(r.err, "OUTDIR"));
  }
  CHECK(ReadTree(dir.path() / "in").size() == 1);
  CHECK(ReadFile(dir / "in/a.txt") == before);
}

TEST_CASE("invalid UTF-8, an empty document and a 50 MB single line are processed") {
  TempDir dir;
  // A short line printed twice in a row (a repeat the engine removes, unlike a short line that
  // recurs further down, which a list may do on purpose).
  const std::string latin1 = "Caf\xE9 au lait\nCaf\xE9 au lait\nsecond line \xFF\xFE here\n";
  WriteFile(dir / "in/latin1.txt", latin1);
  WriteFile(dir / "in/empty.txt", "");
  std::string huge;
  huge.reserve(50u << 20);
  // Distinct words, so that nothing in it repeats.
  for (uint64_t i = 0; huge.size() < (50u << 20); ++i) {
    huge += "kata";
    huge += std::to_string(i);
    huge += ' ';
  }
  WriteFile(dir / "in/huge.txt", huge);
  const RunResult r = RunNeardup({"clean", dir / "in", "-o", dir / "out"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The repeated second line goes; the invalid bytes of the rest stay verbatim.
  CHECK(ReadFile(dir / "out/latin1.txt") == "Caf\xE9 au lait\nsecond line \xFF\xFE here\n");
  CHECK(std::filesystem::exists(dir / "out/empty.txt"));
  CHECK(ReadFile(dir / "out/empty.txt").empty());
  const bool huge_unchanged = ReadFile(dir / "out/huge.txt") == huge;  // not printed: 50 MB
  CHECK(huge_unchanged);
}

TEST_CASE("bad option values are usage errors, exit 2") {
  TempDir dir;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"report", SourcePath("corpus/seeds"), "--threshold", "1.5"},
        {"report", SourcePath("corpus/seeds"), "--shingle", "word:0"},
        {"report", SourcePath("corpus/seeds"), "--passages", "sentence"},
        {"report", SourcePath("corpus/seeds"), "--num-perm", "abc"},
        {"report", SourcePath("corpus/seeds"), "--temp-dir", "/nonexistent/neardup"},
        {"clean", SourcePath("corpus/seeds")},
        {"frobnicate"},
        {}}) {
    const RunResult r = RunNeardup(args);
    CHECK(r.exit_code == 2);
    CHECK(Contains(r.err, "neardup: "));
    CHECK(r.out.empty());
  }
}

TEST_CASE("--help on every subcommand lists every option with its default") {
  for (const std::string command : {"clean", "report"}) {
    CAPTURE(command);
    const RunResult r = RunNeardup({command, "--help"});
    CHECK(r.exit_code == 0);
    for (const std::string option : {"--threshold", "--num-perm", "--shingle", "--passages", "--threads",
                                     "--seed", "--id-field", "--text-field", "--quiet", "--verbose", "--output",
                                     "--temp-dir"}) {
      CAPTURE(option);
      CHECK(Contains(r.out, option));
    }
    CHECK(Contains(r.out, "0.8"));
    CHECK(Contains(r.out, "word:5"));
    CHECK(Contains(r.out, "Exit codes"));
  }
}

}  // namespace neardup::testing
