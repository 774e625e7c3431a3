// Word diffs of a removed near duplicate against its kept copy.
#include "neardup/render/render_diff.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace neardup {
namespace {

// The diff written out: [-kept only-] {+removed only+} [...N...] for a gap.
std::string Show(const std::vector<DiffPiece>& pieces) {
  std::string out;
  for (const DiffPiece& p : pieces) {
    const std::string text(p.text);
    switch (p.kind) {
      case DiffPiece::kSame: out += text; break;
      case DiffPiece::kOnlyKept: out += "[-" + text + "-]"; break;
      case DiffPiece::kOnlyRemoved: out += "{+" + text + "+}"; break;
      case DiffPiece::kGap: out += "[..." + std::to_string(p.words) + "...]"; break;
    }
  }
  return out;
}

std::string Diff(std::string_view kept, std::string_view removed) {
  const auto pieces = WordDiff(kept, removed);
  REQUIRE(pieces.has_value());
  return Show(*pieces);
}

}  // namespace

TEST_CASE("a word diff shows the words each copy has alone, by the shortest edit") {
  CHECK(Diff("the quick brown fox", "the quick brown fox") == "the quick brown fox");
  CHECK(Diff("the quick brown fox", "the slow brown fox") == "the [-quick -]{+slow +}brown fox");
  CHECK(Diff("a b c", "a c") == "a [-b -]c");
  CHECK(Diff("a c", "a b c") == "a {+b +}c");
  CHECK(Diff("", "new words") == "{+new words+}");
  CHECK(Diff("old words", "") == "[-old words-]");
  CHECK(Diff("", "").empty());
}

TEST_CASE("whitespace between words is not compared; common words keep the removed copy's") {
  CHECK(Diff("one  two\nthree", "one two three") == "one two three");
}

TEST_CASE("a diff too long or too different gives up") {
  std::string many;
  // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict on "w" + std::string.
  for (int i = 0; i < 50; ++i) many.append("w").append(std::to_string(i)).append(" ");
  CHECK_FALSE(WordDiff(many, "x", /*max_words=*/10).has_value());
  CHECK_FALSE(WordDiff(many, "x y z", /*max_words=*/1000, /*max_edits=*/5).has_value());
  CHECK(WordDiff(many, "x y z", 1000, 100).has_value());
}

TEST_CASE("long common stretches keep their context words around a change") {
  std::string before, after;
  for (int i = 0; i < 30; ++i) before.append("a").append(std::to_string(i)).append(" ");
  for (int i = 0; i < 30; ++i) after.append("b").append(std::to_string(i)).append(" ");
  const std::string kept = before + "OLD " + after, removed = before + "NEW " + after;  // the pieces view them
  const auto pieces = WordDiff(kept, removed);
  REQUIRE(pieces.has_value());
  const std::string shown = Show(WithContext(*pieces, 2));
  CHECK(shown == "[...28...]a28 a29 [-OLD -]{+NEW +}b0 b1 [...28...]");
  // Without a change there is nothing to cut.
  const auto same = WordDiff(before, before);
  CHECK(Show(WithContext(*same, 2)) == before);
}

}  // namespace neardup
