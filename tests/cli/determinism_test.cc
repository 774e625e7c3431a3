// Same input, options and seed: byte-identical output at any thread count.
#include <doctest/doctest.h>

#include <string>

#include "cli/run_binary.h"

namespace neardup::testing {

TEST_CASE("any --threads value gives a byte-identical OUTDIR") {
  TempDir dir;
  // The seeds plus copies and edits of them, so that every stage has work to do.
  for (const auto& [name, bytes] : ReadTree(SourcePath("corpus/seeds"))) {
    WriteFile(dir.path() / "in" / name, bytes);
    WriteFile(dir.path() / "in" / ("copy_" + name), bytes + "\nSHARE\n");
    std::string edited = bytes;
    edited.replace(edited.find(' '), 1, " kata ");
    WriteFile(dir.path() / "in" / "sub" / ("edited_" + name), edited);
  }
  const auto run = [&](const std::string& threads) {
    const std::string out = dir / ("out" + threads);
    const RunResult r = RunNeardup({"clean", dir / "in", "-o", out, "--threads", threads});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return ReadTree(out);
  };
  const auto one = run("1");
  CHECK(one.size() == 6);  // five kept seeds + report.json: every copy and edit is a duplicate
  CHECK(one == run("2"));
  CHECK(one == run("4"));
}

TEST_CASE("the same --seed gives the same report; the seed is recorded in it") {
  const RunResult a = RunNeardup({"report", SourcePath("corpus/seeds"), "--seed", "42"});
  const RunResult b = RunNeardup({"report", SourcePath("corpus/seeds"), "--seed", "42"});
  REQUIRE(a.exit_code == 0);
  CHECK(a.out == b.out);
  CHECK(a.out.find("\"seed\": 42") != std::string::npos);
}

}  // namespace neardup::testing
