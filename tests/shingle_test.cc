#include "neardup/shingle.h"

#include <doctest/doctest.h>

#include "neardup/hash.h"

namespace neardup {

TEST_CASE("word shingles are the hashes of k consecutive words") {
  const auto s = Shingles("a b c d", {ShingleKind::kWord, 2}, 7);
  std::vector<uint64_t> expected{Hash64("a b", 7), Hash64("b c", 7), Hash64("c d", 7)};
  std::sort(expected.begin(), expected.end());
  CHECK(s == expected);
}

TEST_CASE("repeated k-grams count once") {
  CHECK(Shingles("x y x y x y", {ShingleKind::kWord, 2}, 1).size() == 2);  // "x y", "y x"
}

TEST_CASE("a text shorter than k gets one whole-text shingle, never an empty set") {
  CHECK(Shingles("only three words", {ShingleKind::kWord, 5}, 3) ==
        std::vector<uint64_t>{Hash64("only three words", 3)});
  CHECK(Shingles("", {ShingleKind::kWord, 5}, 3) == std::vector<uint64_t>{Hash64("", 3)});
}

TEST_CASE("character shingles count UTF-8 characters, not bytes") {
  // "é" is two bytes but one character: 4 characters give 3 bigrams.
  const auto s = Shingles("\xC3\xA9" "abc", {ShingleKind::kChar, 2}, 0);
  std::vector<uint64_t> expected{Hash64("\xC3\xA9" "a", 0), Hash64("ab", 0), Hash64("bc", 0)};
  std::sort(expected.begin(), expected.end());
  CHECK(s == expected);
}

TEST_CASE("shingle specs parse word:K and char:K only") {
  CHECK(ParseShingleSpec("word:5")->k == 5);
  CHECK(ParseShingleSpec("char:7")->kind == ShingleKind::kChar);
  CHECK(ParseShingleSpec("word:5")->ToString() == "word:5");
  for (const char* bad : {"word", "word:", "word:0", "word:65", "line:3", "word:3x", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseShingleSpec(bad).ok());
  }
}

TEST_CASE("CountWords counts space-separated words of normalized text") {
  CHECK(CountWords("") == 0);
  CHECK(CountWords("one") == 1);
  CHECK(CountWords("one two three") == 3);
}

}  // namespace neardup
