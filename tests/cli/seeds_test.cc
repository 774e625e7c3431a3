// Acceptance of issue 2 on the seed articles: `neardup clean corpus/seeds -o OUT`.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "cli/run_binary.h"

namespace neardup::testing {
namespace {

const char* const kSeeds[] = {"000_b9d3ea24bde2993c.txt", "001_e7980f4a9b939638.txt",
                              "002_be7c9fe0555141bb.txt", "003_49575702d7fbbacb.txt",
                              "004_1742510e8f838e75.txt"};

std::string Seed(const std::string& name) { return ReadFile(SourcePath("corpus/seeds/" + name)); }



struct Expected {
  std::string doc;
  int line;       // removed line
  int copy_line;  // the line it repeats
};

}  // namespace

TEST_CASE("clean on the seed articles removes exactly the repeated lines") {
  TempDir dir;
  const std::string out = dir / "out";
  const RunResult run = RunNeardup({"clean", SourcePath("corpus/seeds"), "-o", out});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(run.out.find("  repeat-within                11          1951 bytes   12.9%\n") != std::string::npos);

  SUBCASE("002 loses lines 13-18 and 20-22, keeps 'Baca Juga' on line 19") {
    const std::string input = Seed(kSeeds[2]);
    CHECK(ReadFile(out + "/" + kSeeds[2]) == WithoutLines(input, {13, 14, 15, 16, 17, 18, 20, 21, 22}));
    CHECK(SplitLines(input)[18] == "Baca Juga\n");
  }
  SUBCASE("000 loses its second photo caption (line 6)") {
    CHECK(ReadFile(out + "/" + kSeeds[0]) == WithoutLines(Seed(kSeeds[0]), {6}));
  }
  SUBCASE("003 loses its second 'Antony Blinken' (line 4)") {
    CHECK(ReadFile(out + "/" + kSeeds[3]) == WithoutLines(Seed(kSeeds[3]), {4}));
  }
  SUBCASE("001 and 004 are byte-identical to their inputs") {
    CHECK(ReadFile(out + "/" + kSeeds[1]) == Seed(kSeeds[1]));
    CHECK(ReadFile(out + "/" + kSeeds[4]) == Seed(kSeeds[4]));
  }
  SUBCASE("nothing else is written") {
    std::vector<std::string> names;
    for (const auto& [name, bytes] : ReadTree(out)) names.push_back(name);
    CHECK(names == std::vector<std::string>{kSeeds[0], kSeeds[1], kSeeds[2], kSeeds[3], kSeeds[4],
                                            "report.json"});
  }
  SUBCASE("report.json lists the 11 passages with their copies, and no document clusters") {
    const Report report = LoadReport(out + "/report.json");  // schema 1, or it does not read
    CHECK(report.clusters.size() == 0);
    CHECK(report.stats.documents == 5);
    CHECK(report.stats.removed_passages == 11);
    std::vector<Expected> expected;
    expected.push_back({kSeeds[0], 6, 5});
    for (int line = 13; line <= 18; ++line) expected.push_back({kSeeds[2], line, line - 9});
    for (int line = 20; line <= 22; ++line) expected.push_back({kSeeds[2], line, line - 10});
    expected.push_back({kSeeds[3], 4, 3});
    REQUIRE(report.passages.size() == expected.size());
    size_t i = 0;
    uint64_t removed_bytes = 0;
    for (const PassageFinding& p : report.passages) {
      const Expected& e = expected[i++];
      CAPTURE(e.doc);
      CAPTURE(e.line);
      const std::string text = Seed(e.doc);
      CHECK(report.ids[p.doc] == e.doc);
      CHECK(p.rule == PassageRule::kRepeatWithin);
      CHECK(p.start == LineStart(text, e.line));
      CHECK(p.end == LineStart(text, e.line + 1));
      REQUIRE(p.has_copy);
      CHECK(report.ids[p.copy_doc] == e.doc);
      CHECK(p.copy_start == LineStart(text, e.copy_line));
      CHECK(p.copy_end == LineStart(text, e.copy_line + 1) - 1);
      CHECK(p.similarity == 1.0);
      removed_bytes += p.end - p.start;
    }
    CHECK(report.stats.removed_bytes() == removed_bytes);
  }
}

TEST_CASE("report prints the same JSON on stdout and leaves the inputs alone") {
  TempDir dir;
  const RunResult run = RunNeardup({"report", SourcePath("corpus/seeds")});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("\"rule\": \"repeat-within\"") != std::string::npos);
  const RunResult to_file = RunNeardup({"report", SourcePath("corpus/seeds"), "-o", dir / "r.json"});
  REQUIRE(to_file.exit_code == 0);
  CHECK(ReadFile(dir / "r.json") == run.out);
}

}  // namespace neardup::testing
