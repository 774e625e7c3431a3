#include "neardup/passages/glued.h"

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

TEST_CASE("runs shorter than min_span_words are ignored") {
  CHECK(Runs("one two three four five six seven xx one two three four five six seven").empty());
}

TEST_CASE("a short line holding its body twice, glued, is searched although under the limit") {
  // 20 words on a 120-byte line: the second copy (words 11-20) repeats the first.
  const std::string text = "Judul\n" + kBody + " " + kBody + "\nakhir";
  const auto runs = Runs(text, /*long_line=*/1000);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].start == 6 + kBody.size() + 1);
  CHECK(runs[0].end == 6 + 2 * kBody.size() + 1);  // the newline stays
  CHECK(runs[0].copy_start == 6);
  CHECK(runs[0].copy_end == 6 + kBody.size());
  CHECK(runs[0].words == 10);
  CHECK(runs[0].line == 2);
}

TEST_CASE("a short line using a stock phrase twice is left alone") {
  // 37 words ('-' separates words); "packaged by debcargo for use with cargo and dh-cargo" (10
  // words) recurs, which repeats 6 of the line's 33 word 5-grams: far from a pasted copy.
  const std::string text =
      "This package contains the source for the Rust anyhow crate, packaged by debcargo for use with cargo "
      "and dh-cargo. It also ships the tokio macros library, packaged by debcargo for use with cargo and "
      "dh-cargo.";
  CHECK(Runs(text, /*long_line=*/1000).empty());
  // Over the limit the same line is searched, and the phrase is a run of 10 words.
  const auto runs = Runs(text, /*long_line=*/40);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].words == 10);
}

TEST_CASE("a short line repeating words of another line is left to the passage rules") {
  // 16 words, none repeated inside the line: the ten of kBody come from the line before.
  const std::string text = kBody + "\nsatu dua tiga empat lima enam " + kBody;
  CHECK(Runs(text, /*long_line=*/1000).empty());
  const auto runs = Runs(text, /*long_line=*/40);  // over the limit, its copy of line 1 is found
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].start == text.size() - kBody.size());
  CHECK(runs[0].copy_start == 0);
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

namespace neardup {

TEST_CASE("the last word of a glued copy is found although the first copy fused it") {
  // "…iota kappaalpha beta…": the first copy's last word and the second's first are one word, so
  // the k-gram "zeta eta theta iota kappa" never occurred before; the bytes after the copy's
  // "iota" (" kappa") still equal the second copy's last word and take it in.
  const std::string text = "Judul\n" + kBody + kBody + "\n";
  const auto runs = Runs(text, /*long_line=*/40);
  REQUIRE(runs.size() == 1);
  const size_t second = 6 + kBody.size();  // where the second copy ("alpha…") begins
  CHECK(runs[0].start == second + 6);      // its "beta": "alpha" is part of the fused word
  CHECK(runs[0].end == second + kBody.size());  // through "kappa"; the newline stays
  CHECK(runs[0].words == 9);
  CHECK(runs[0].copy_start == 6 + 6);
  CHECK(runs[0].copy_end == second);
}

}  // namespace neardup

namespace neardup {

TEST_CASE("opening punctuation before both copies goes with the run; the space before it stays") {
  const std::string text = "Judul\n\"" + kBody + "\" kata dia \"" + kBody + "\".\n";
  const auto runs = Runs(text, /*long_line=*/40);
  REQUIRE(runs.size() == 1);
  const size_t second_quote = text.rfind(" \"") + 1;
  CHECK(runs[0].start == second_quote);
  CHECK(runs[0].end == text.size() - 1);  // the closing quote and full stop too, not the newline
  CHECK(runs[0].copy_start == 6);         // the first opening quote
  CHECK(runs[0].words == 10);
}

}  // namespace neardup
