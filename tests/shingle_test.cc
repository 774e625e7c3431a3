#include "neardup/text/shingle.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "neardup/base/hash.h"
#include "neardup/text/normalize.h"

namespace neardup {

TEST_CASE("word shingles fold the hashes of k consecutive words") {
  const auto s = Shingles("a b c d", {ShingleKind::kWord, 2}, 7);
  const auto h = [](const char* word) { return Hash64(word, 7); };
  std::vector<uint32_t> expected{ShingleHash(std::vector<uint64_t>{h("a"), h("b")}),
                                 ShingleHash(std::vector<uint64_t>{h("b"), h("c")}),
                                 ShingleHash(std::vector<uint64_t>{h("c"), h("d")})};
  std::sort(expected.begin(), expected.end());
  CHECK(s == expected);
}

TEST_CASE("the shingle hash is fixed by its definition") {
  // Known answers, computed by an independent implementation of the definition in shingle.cc
  // (rotate by 23, multiply by 0x9E3779B97F4A7C15, add the next word; MurmurHash3's finalizer;
  // the high 32 bits): they pin the values a persistent index would store.
  CHECK(ShingleHash(std::vector<uint64_t>{0x0123456789abcdefULL}) == 0x87cbfbfeu);
  CHECK(ShingleHash(std::vector<uint64_t>{1, 2}) == 0xbf4fb27du);
  CHECK(ShingleHash(std::vector<uint64_t>{1, 2, 3}) == 0x817e4fc1u);
}

TEST_CASE("word order matters, and a repeated word does not cancel out") {
  CHECK(ShingleHash(std::vector<uint64_t>{1, 2}) != ShingleHash(std::vector<uint64_t>{2, 1}));
  // Regression: an xor-based fold hashed "x x" and "y y" alike.
  CHECK(ShingleHash(std::vector<uint64_t>{5, 5}) != ShingleHash(std::vector<uint64_t>{9, 9}));
  CHECK(Shingles("x x tail", {ShingleKind::kWord, 3}, 1) != Shingles("y y tail", {ShingleKind::kWord, 3}, 1));
}

TEST_CASE("shingles from tokens equal shingles from normalized text") {
  const std::string text = "Korea Utara, kata Blinken; \xE2\x80\x9Cpeluncuran\xE2\x80\x9D itu (foto) berbahaya!";
  TokenizedText tokens;
  Tokenize(text, tokens);
  std::vector<uint64_t> words;
  HashTokens(tokens, 3, words);
  std::vector<uint32_t> from_tokens;
  AppendWordShingles(words, 5, from_tokens);
  MakeSet(from_tokens);
  CHECK(from_tokens == Shingles(Normalize(text), {ShingleKind::kWord, 5}, 3));
  CHECK(from_tokens.size() == 4);  // 8 words
}

TEST_CASE("repeated k-grams count once") {
  CHECK(Shingles("x y x y x y", {ShingleKind::kWord, 2}, 1).size() == 2);  // "x y", "y x"
}

TEST_CASE("a text shorter than k gets one whole-text shingle, never an empty set") {
  const std::vector<uint64_t> words{Hash64("only", 3), Hash64("three", 3), Hash64("words", 3)};
  CHECK(Shingles("only three words", {ShingleKind::kWord, 5}, 3) == std::vector<uint32_t>{ShingleHash(words)});
  CHECK(Shingles("", {ShingleKind::kWord, 5}, 3) == std::vector<uint32_t>{ShingleHash({})});
}

TEST_CASE("character shingles count UTF-8 characters, not bytes") {
  // "é" is two bytes but one character: 4 characters give 3 bigrams, two of them those of "abc".
  const auto s = Shingles("\xC3\xA9" "abc", {ShingleKind::kChar, 2}, 0);
  CHECK(s.size() == 3);
  const auto abc = Shingles("abc", {ShingleKind::kChar, 2}, 0);
  CHECK(std::includes(s.begin(), s.end(), abc.begin(), abc.end()));
  CHECK(Shingles("\xC3\xA9" "a", {ShingleKind::kChar, 2}, 0).size() == 1);
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
