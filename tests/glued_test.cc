#include "neardup/glued.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace neardup {
namespace {

std::vector<RepeatedRun> Runs(const std::string& text, size_t long_line = 40) {
  PassageOptions passages;
  passages.segment.long_line_bytes = 100000;  // keep lines whole: only runs act here
  const auto sketches = SketchPassages(text, passages);
  RunOptions options;
  options.long_line_bytes = long_line;
  return FindRepeatedRuns(text, sketches.passages, std::vector<bool>(sketches.size(), false), options);
}

const std::string kBody = "alpha beta gamma delta epsilon zeta eta theta iota kappa";  // 10 words

}  // namespace

TEST_CASE("a run of repeated words inside a long line is found, with its copy") {
  const std::string text = kBody + " tengah " + kBody + ".";
  const auto runs = Runs(text);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].start == kBody.size() + 8);
  CHECK(runs[0].end == text.size());  // the final full stop goes with the last word
  CHECK(runs[0].copy_start == 0);
  CHECK(runs[0].copy_end == kBody.size());
  CHECK(runs[0].words == 10);
}

TEST_CASE("a changed word inside the copy does not split the run") {
  // 21 words; changing the 11th leaves repeated 5-grams on both sides (words 1-10 and 12-21).
  const std::string body = kBody + " mu nu xi omicron pi rho sigma tau upsilon phi chi";
  std::string edited = body;
  edited.replace(edited.find("mu"), 2, "MUU");
  const std::string text = body + " tengah " + edited;
  const auto runs = Runs(text);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].start == body.size() + 8);
  CHECK(runs[0].end == text.size());
  CHECK(runs[0].words == 21);
}

TEST_CASE("runs shorter than min_span_words and lines under the limit are ignored") {
  CHECK(Runs("one two three four five six seven xx one two three four five six seven").empty());
  CHECK(Runs(kBody + " tengah " + kBody, /*long_line=*/1000).empty());
}

}  // namespace neardup

namespace neardup {

TEST_CASE("a run reaching the end of the text leaves the final newline alone") {
  // Regression: the last word's end was taken as the end of the text, newline included.
  const std::string text = "alpha beta gamma delta epsilon zeta eta theta iota kappa tengah "
                           "alpha beta gamma delta epsilon zeta eta theta iota kappa.\n";
  PassageOptions passages;
  passages.segment.long_line_bytes = 100000;
  const auto sketches = SketchPassages(text, passages);
  RunOptions options;
  options.long_line_bytes = 40;
  const auto runs = FindRepeatedRuns(text, sketches.passages, std::vector<bool>(sketches.size(), false), options);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].end == text.size() - 1);
}

}  // namespace neardup
