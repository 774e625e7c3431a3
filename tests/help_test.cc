// Suggestions for mistyped options and commands.
#include "cli/help.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace neardup::cli {

TEST_CASE("the closest candidate is suggested when it is near enough to be a typo") {
  const std::vector<std::string> options{"--threshold", "--threads", "--max-passages", "--max-dup-docs", "--output", "-o"};
  CHECK(ClosestMatch("--tresh", options) == "--threshold");        // abbreviated, with a typo
  CHECK(ClosestMatch("--thresold", options) == "--threshold");     // a letter missing
  CHECK(ClosestMatch("--threds", options) == "--threads");
  CHECK(ClosestMatch("--max-passage", options) == "--max-passages");
  CHECK(ClosestMatch("--ouptut", options) == "--output");          // two letters swapped
  CHECK(ClosestMatch("--frobnicate", options).empty());
  const std::vector<std::string> commands{"clean", "report", "check", "synth", "eval", "completions"};
  CHECK(ClosestMatch("reprot", commands) == "report");
  CHECK(ClosestMatch("chek", commands) == "check");
  CHECK(ClosestMatch("frobnicate", commands).empty());
}

}  // namespace neardup::cli
