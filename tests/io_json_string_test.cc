// JSON string literals: decoding with a byte map, cutting with original escapes kept, quoting.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "neardup/base/json_string.h"

namespace neardup {
namespace {

std::string Decode(const std::string& literal) {
  const absl::StatusOr<DecodedJsonString> decoded = DecodeJsonString(literal);
  REQUIRE(decoded.ok());
  REQUIRE(decoded->raw_at.size() == decoded->text.size() + 1);
  return decoded->text;
}

std::string Cut(const std::string& literal, const std::vector<std::pair<size_t, size_t>>& cuts) {
  const absl::StatusOr<DecodedJsonString> decoded = DecodeJsonString(literal);
  REQUIRE(decoded.ok());
  return CutJsonString(literal, *decoded, cuts);
}

}  // namespace

TEST_CASE("every JSON escape decodes to its bytes") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"("plain")", "plain"},
      {R"("")", ""},
      {R"("a\"b\\c\/d")", "a\"b\\c/d"},
      {R"("\b\f\n\r\t")", "\b\f\n\r\t"},
      {R"("caf\u00e9")", "caf\xC3\xA9"},
      {R"("\u00E9")", "\xC3\xA9"},
      {R"("\u20ac")", "\xE2\x82\xAC"},
      {R"("\u0000")", std::string(1, '\0')},
      {R"("\ud83d\ude00")", "\xF0\x9F\x98\x80"},  // U+1F600 from a surrogate pair
      {"\"caf\xC3\xA9 raw\"", "caf\xC3\xA9 raw"},
  };
  for (const auto& [literal, text] : cases) {
    CAPTURE(literal);
    CHECK(Decode(literal) == text);
  }
}

TEST_CASE("the byte map points each decoded byte at the escape or byte that produced it") {
  // Literal offsets: '"'=0, a=1, \u00e9=2..7, \n=8..9, b=10, '"'=11.
  const absl::StatusOr<DecodedJsonString> decoded = DecodeJsonString(R"("a\u00e9\nb")");
  REQUIRE(decoded.ok());
  CHECK(decoded->text == "a\xC3\xA9\nb");
  CHECK(decoded->raw_at == std::vector<uint32_t>{1, 2, 2, 8, 10, 11});
}

TEST_CASE("anything after the closing quote is ignored") {
  const absl::StatusOr<DecodedJsonString> decoded = DecodeJsonString(R"("ab"  , "id": 1})");
  REQUIRE(decoded.ok());
  CHECK(decoded->text == "ab");
  CHECK(decoded->raw_at.back() == 3);
}

TEST_CASE("malformed literals are errors") {
  for (const std::string literal : {
           R"(no quote")",
           R"("unterminated)",
           R"("ends in backslash\)",
           R"("\x")",
           R"("\u12g4")",
           R"("\u12")",
           R"("\ud800")",
           R"("\ud800\u0041")",
           R"("\udc00")",
           "\"raw\nnewline\"",
       }) {
    CAPTURE(literal);
    CHECK(absl::IsInvalidArgument(DecodeJsonString(literal).status()));
  }
}

TEST_CASE("cutting keeps the original escapes of everything that stays") {
  // Decoded: a(0) é(1,2) \n(3) b(4) \n(5) c(6); [4, 6) is "b\n".
  CHECK(Cut(R"("a\u00e9\nb\nc")", {{4, 6}}) == R"("a\u00e9\nc")");
  CHECK(Cut(R"("a\u00e9\nb\nc")", {}) == R"("a\u00e9\nb\nc")");
  CHECK(Cut(R"("a\u00e9\nb\nc")", {{0, 7}}) == R"("")");
  CHECK(Cut(R"("a\u00e9\nb\nc")", {{0, 1}, {3, 4}, {6, 7}}) == R"("\u00e9b\n")");
  CHECK(Cut(R"("x\ud83d\ude00y\"z")", {{1, 5}}) == R"("xy\"z")");
  CHECK(Cut(R"("line one\/\tline two")", {{9, 18}}) == R"("line one\/")");
}

TEST_CASE("quoting escapes quotes, backslashes and control characters") {
  CHECK(QuoteJson("") == R"("")");
  CHECK(QuoteJson("a\"b\\c/d") == R"("a\"b\\c/d")");
  CHECK(QuoteJson("\n\t\r\b\f") == R"("\n\t\r\b\f")");
  CHECK(QuoteJson(std::string("\x01\x1f\x00", 3)) == R"("\u0001\u001f\u0000")");
  CHECK(QuoteJson("\x7f") == "\"\x7f\"");
}

TEST_CASE("quoting keeps valid UTF-8 and replaces each invalid byte with U+FFFD") {
  const std::string kReplacement = "\xEF\xBF\xBD";
  CHECK(QuoteJson("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") ==
        "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
  CHECK(QuoteJson("a\xFF"
                  "b") == "\"a" + kReplacement + "b\"");
  CHECK(QuoteJson("Caf\xE9") == "\"Caf" + kReplacement + "\"");               // Latin-1
  CHECK(QuoteJson("\xE2\x82") == "\"" + kReplacement + kReplacement + "\"");  // truncated
  CHECK(QuoteJson("\xC0\xAF") == "\"" + kReplacement + kReplacement + "\"");  // overlong
  CHECK(QuoteJson("\xED\xA0\x80") ==
        "\"" + kReplacement + kReplacement + kReplacement + "\"");  // surrogate
  CHECK(QuoteJson("\xF4\x90\x80\x80") ==
        "\"" + kReplacement + kReplacement + kReplacement + kReplacement + "\"");  // above U+10FFFF
}

TEST_CASE("a quoted string decodes back to the same bytes") {
  const std::string text = "He said \"hi\"\n\tthen left \\ caf\xC3\xA9 \x01 \xF0\x9F\x98\x80";
  CHECK(Decode(QuoteJson(text)) == text);
}

}  // namespace neardup
