#include "neardup/passages/passages.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace neardup {
namespace {

std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(NEARDUP_SOURCE_DIR) + "/corpus/seeds/" + name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Byte offset where 1-based line `n` starts.
size_t LineStart(const std::string& text, int n) {
  size_t pos = 0;
  for (int line = 1; line < n; ++line) pos = text.find('\n', pos) + 1;
  return pos;
}

std::vector<RepeatedPassage> Repeats(const std::string& text) {
  return FindRepeatsWithin(text, PassageOptions{});
}

}  // namespace

TEST_CASE("the Blinken article loses the nine paragraphs it repeats, not 'Baca Juga'") {
  const std::string text = ReadSeed("002_be7c9fe0555141bb.txt");
  const auto repeats = Repeats(text);
  // Lines 13-18 repeat lines 4-9; lines 20-22 repeat lines 10-12; line 19 is "Baca Juga".
  const std::vector<std::pair<int, int>> expected{{13, 4},  {14, 5},  {15, 6},  {16, 7}, {17, 8},
                                                  {18, 9},  {20, 10}, {21, 11}, {22, 12}};
  REQUIRE(repeats.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto [line, copy] = expected[i];
    CAPTURE(line);
    CHECK(repeats[i].start == LineStart(text, line));
    CHECK(repeats[i].end == LineStart(text, line + 1));  // the newline goes with it
    CHECK(repeats[i].copy_start == LineStart(text, copy));
    CHECK(repeats[i].copy_end == LineStart(text, copy + 1) - 1);  // without its newline
    CHECK(repeats[i].similarity == 1.0);
  }
}

TEST_CASE("a repeated caption line is found in the seed articles") {
  SUBCASE("000: the second photo caption") {
    const std::string text = ReadSeed("000_b9d3ea24bde2993c.txt");
    const auto repeats = Repeats(text);
    REQUIRE(repeats.size() == 1);
    CHECK(repeats[0].start == LineStart(text, 6));
    CHECK(repeats[0].end == LineStart(text, 7));
    CHECK(repeats[0].copy_start == LineStart(text, 5));
  }
  SUBCASE("003: the second 'Antony Blinken'") {
    const std::string text = ReadSeed("003_49575702d7fbbacb.txt");
    const auto repeats = Repeats(text);
    REQUIRE(repeats.size() == 1);
    CHECK(repeats[0].start == LineStart(text, 4));
    CHECK(repeats[0].end == LineStart(text, 5));
  }
  SUBCASE("001 and 004 have no repeats") {
    CHECK(Repeats(ReadSeed("001_e7980f4a9b939638.txt")).empty());
    CHECK(Repeats(ReadSeed("004_1742510e8f838e75.txt")).empty());
  }
}

TEST_CASE("near repeats count for passages of at least eight words") {
  const std::string first = "the minister said the talks would focus on security and trade this week";
  const std::string edited = "the minister said the talks would focus on security and trade next week";
  SUBCASE("a long passage with one word changed is a repeat") {
    // Word 3-grams: 12 each, 10 shared ("trade this week"/"this week" vs "trade next week"/
    // "next week" differ: 2 of each), so J = 10 / 14 = 0.714 < 0.8 -> not a repeat.
    const auto repeats = Repeats(first + "\n" + edited + "\n");
    CHECK(repeats.empty());
  }
  SUBCASE("a long passage with a changed last word and more words is a repeat") {
    const std::string a = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty";
    const std::string b = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen zwanzig";
    // 18 word 3-grams each; only the last differs: J = 17 / 19 = 0.895.
    const std::string text = a + "\n" + b + "\n";
    const auto repeats = Repeats(text);
    REQUIRE(repeats.size() == 1);
    CHECK(repeats[0].start == a.size() + 1);
    CHECK(repeats[0].end == text.size());
    CHECK(repeats[0].similarity == doctest::Approx(17.0 / 19.0));
  }
  SUBCASE("short passages must be identical after normalization") {
    CHECK(Repeats("Oleh: Dyah Ratna\nEditor: Dyah Ratna\n").empty());
    CHECK(Repeats("SHARE this\n share, THIS!\n").size() == 1);
  }
}

TEST_CASE("a passage is compared with kept passages only, and the earliest copy wins") {
  const std::string text = "alpha beta\nalpha beta\nalpha beta\n";
  const auto repeats = Repeats(text);
  REQUIRE(repeats.size() == 2);
  CHECK(repeats[0].copy_start == 0);
  CHECK(repeats[1].copy_start == 0);
}

TEST_CASE("punctuation-only and blank lines are never repeats") {
  CHECK(Repeats("***\n\n***\n\n---\n---\n").empty());
}

TEST_CASE("a body pasted twice on one long line loses its second copy, sentence by sentence") {
  const std::string body = "Korut sedang bersiap meluncurkan satelit. Korsel mengatakan pekan lalu hal itu. ";
  const std::string text = "Title line\n" + body + body + "\nEnd line\n";
  PassageOptions options;
  options.segment.long_line_bytes = 40;
  const auto repeats = FindRepeatsWithin(text, options);
  REQUIRE(repeats.size() == 2);
  const size_t second = 11 + body.size();
  CHECK(repeats[0].start == second);
  CHECK(repeats[1].end == text.size() - std::string("\nEnd line\n").size());
}

}  // namespace neardup
