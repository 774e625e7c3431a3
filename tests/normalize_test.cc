#include "neardup/text/normalize.h"

#include <doctest/doctest.h>

#include <string>

namespace neardup {

TEST_CASE("normalization folds case, punctuation and whitespace") {
  CHECK(Normalize("  Hello,   World!! ") == "hello world");
  CHECK(Normalize("Korut disebut (Foto/Pixabay)") == "korut disebut foto pixabay");
  CHECK(Normalize("tab\tand\r\nnewline") == "tab and newline");
  CHECK(Normalize("") == "");
  CHECK(Normalize("... --- !!!") == "");
}

TEST_CASE("normalization applies NFKC and Unicode case folding") {
  SUBCASE("compatibility forms") {
    CHECK(Normalize("\xEF\xAC\x81le") == "file");                      // U+FB01 ligature fi
    CHECK(Normalize("\xEF\xBC\xA1\xEF\xBC\xA2") == "ab");              // fullwidth A B
  }
  SUBCASE("composed and decomposed accents are equal") {
    CHECK(Normalize("Caf\xC3\xA9") == Normalize("Cafe\xCC\x81"));      // é vs e + U+0301
    CHECK(Normalize("CAF\xC3\x89") == "caf\xC3\xA9");
  }
  SUBCASE("typographic quotes and dashes are punctuation") {
    CHECK(Normalize("\xE2\x80\x9Chari industri rudal\xE2\x80\x9D \xE2\x80\x93 ok") ==
          "hari industri rudal ok");
  }
  SUBCASE("German sharp s folds to ss") { CHECK(Normalize("STRA\xC3\x9F" "E") == "strasse"); }
}

TEST_CASE("characters of scripts without spaces become words of their own") {
  // 日本語 (three Han characters) and ภาษา (Thai) become space-separated units.
  CHECK(Normalize("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E") == "\xE6\x97\xA5 \xE6\x9C\xAC \xE8\xAA\x9E");
  CHECK(Normalize("ab\xE6\x97\xA5" "cd") == "ab \xE6\x97\xA5 cd");
}

TEST_CASE("invalid UTF-8 bytes are kept as word characters") {
  CHECK(Normalize("caf\xE9 ok") == "caf\xE9 ok");
  CHECK(Normalize("\xFF") == "\xFF");
}

TEST_CASE("the byte map points each normalized byte at the original character") {
  const std::string original = "A, b\xC3\xA9!";  // 'A' ',' ' ' 'b' 'é'(2 bytes) '!'
  const NormalizedText n = NormalizeWithMap(original);
  CHECK(n.text == "a b\xC3\xA9");
  REQUIRE(n.source.size() == n.text.size() + 1);
  CHECK(n.source[0] == 0);  // a <- A
  CHECK(n.source[1] == 1);  // the folded separator starts at ','
  CHECK(n.source[2] == 3);  // b
  CHECK(n.source[3] == 4);  // both bytes of é come from offset 4
  CHECK(n.source[4] == 4);
  CHECK(n.source[5] == original.size());
  CHECK(Normalize(original) == n.text);
}

}  // namespace neardup
