#include "neardup/text/segment.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace neardup {
namespace {

std::string_view Content(std::string_view text, const Passage& p) {
  return text.substr(p.start, p.end - p.start);
}
std::string_view Removed(std::string_view text, const Passage& p) {
  return text.substr(p.start, p.removal_end - p.start);
}

}  // namespace

TEST_CASE("lines are passages; blank lines are not") {
  const std::string_view text = "one\n\n  \ntwo\r\nthree";
  const auto passages = Segment(text, {});
  REQUIRE(passages.size() == 3);
  CHECK(Content(text, passages[0]) == "one");
  CHECK(Removed(text, passages[0]) == "one\n");
  CHECK(Content(text, passages[1]) == "two");
  CHECK(Removed(text, passages[1]) == "two\r\n");
  CHECK(Content(text, passages[2]) == "three");
  CHECK(Removed(text, passages[2]) == "three");
}

TEST_CASE("paragraphs run to a blank line and take the blank lines after them") {
  const std::string_view text = "a\nb\n\n\nc\n";
  const auto passages = Segment(text, {PassageMode::kParagraph, 1000});
  REQUIRE(passages.size() == 2);
  CHECK(Content(text, passages[0]) == "a\nb");
  CHECK(Removed(text, passages[0]) == "a\nb\n\n\n");
  CHECK(Content(text, passages[1]) == "c");
}

TEST_CASE("a long line is split at sentence ends") {
  const std::string_view text =
      "First sentence has words. Second one is here! Third is glued.Fourth begins here\nnext";
  const auto passages = Segment(text, {PassageMode::kLine, 20});
  REQUIRE(passages.size() == 5);
  CHECK(Content(text, passages[0]) == "First sentence has words.");
  CHECK(Removed(text, passages[0]) == "First sentence has words. ");
  CHECK(Content(text, passages[1]) == "Second one is here!");
  CHECK(Content(text, passages[2]) == "Third is glued.");
  CHECK(Content(text, passages[3]) == "Fourth begins here");
  CHECK(passages[3].block_last);
  CHECK_FALSE(passages[3].block_first);
  CHECK(passages[3].removal_end == passages[3].end);  // the newline stays unless the whole line goes
  CHECK(passages[3].block_end == text.find("next"));
  CHECK(Content(text, passages[4]) == "next");
}

TEST_CASE("sentence splitting does not cut abbreviations or numbers") {
  const std::string_view text = "Dr. Smith counted 10.000 troops in the U.S. army today. Done now here.";
  const auto passages = Segment(text, {PassageMode::kLine, 10});
  REQUIRE(passages.size() == 2);
  CHECK(Content(text, passages[0]) == "Dr. Smith counted 10.000 troops in the U.S. army today.");
}

TEST_CASE("lines up to the long-line limit stay whole") {
  const std::string_view text = "One sentence. Another sentence here.";
  CHECK(Segment(text, {PassageMode::kLine, text.size()}).size() == 1);
}

}  // namespace neardup
