// JSONL records: the text field's value and position, the id, and which lines are malformed.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "neardup/io/jsonl.h"

namespace neardup {

namespace {
JsonlOptions BodyOptions(const std::string& id_field) {
  JsonlOptions options;
  options.text_field = "body";
  options.id_field = id_field;
  return options;
}
}  // namespace

namespace {

JsonlRecord MustParse(JsonlParser& parser, const std::string& line, bool literal = false) {
  const absl::StatusOr<JsonlRecord> record = parser.Parse(line, literal);
  INFO(record.status().ToString());
  REQUIRE(record.ok());
  return *record;
}

}  // namespace

TEST_CASE("the text field is decoded and located as its raw literal within the line") {
  JsonlParser parser({});
  const std::string line = R"({"id": "doc-1", "text": "hello\nworld", "meta": {"a": [1, 2]}})";
  const JsonlRecord record = MustParse(parser, line, /*literal=*/true);
  CHECK(record.has_text);
  CHECK(record.text == "hello\nworld");
  CHECK(record.text_begin == 24);
  CHECK(record.text_end == 38);
  CHECK(line.substr(record.text_begin, record.text_end - record.text_begin) == R"("hello\nworld")");
  CHECK(record.id == "doc-1");
}

TEST_CASE("the literal ends at its closing quote, not at the whitespace after it") {
  JsonlParser parser({});
  const JsonlRecord record = MustParse(parser, R"({"text": "a\"b"   , "id": 7})", /*literal=*/true);
  CHECK(record.text == "a\"b");
  CHECK(record.text_begin == 9);
  CHECK(record.text_end == 15);
}

TEST_CASE("a numeric id is kept as written") {
  JsonlParser parser({});
  CHECK(MustParse(parser, R"({"id": 7, "text": "x"})").id == "7");
  CHECK(MustParse(parser, R"({"id": -12.50e+3 , "text": "x"})").id == "-12.50e+3");
  CHECK(MustParse(parser, R"({"text": "x", "id": 123456789012345678901234567890})").id ==
        "123456789012345678901234567890");
}

TEST_CASE("an id that is neither string nor number is absent") {
  JsonlParser parser({});
  CHECK_FALSE(MustParse(parser, R"({"id": true, "text": "x"})").id.has_value());
  CHECK_FALSE(MustParse(parser, R"({"id": null, "text": "x"})").id.has_value());
  CHECK_FALSE(MustParse(parser, R"({"id": {"n": 1}, "text": "x"})").id.has_value());
  CHECK_FALSE(MustParse(parser, R"({"text": "x"})").id.has_value());
}

TEST_CASE("a record without a string text field has no text but is not an error") {
  JsonlParser parser({});
  for (const std::string line : {
           R"({})",
           R"({"id": "a", "body": "elsewhere"})",
           R"({"text": 42})",
           R"({"text": null})",
           R"({"text": ["a", "b"]})",
           R"({"text": {"text": "nested"}})",
       }) {
    CAPTURE(line);
    CHECK_FALSE(MustParse(parser, line).has_text);
  }
}

TEST_CASE("when a key repeats, its first occurrence counts") {
  JsonlParser parser({});
  for (const bool literal : {false, true}) {
    CAPTURE(literal);
    const JsonlRecord record =
        MustParse(parser, R"({"text": "first", "id": "a", "text": "second", "id": "b"})", literal);
    CHECK(record.text == "first");
    CHECK(record.id == "a");
    if (literal) CHECK(record.text_begin == 9);
  }
}

TEST_CASE("the fast and the exact parser read every field alike") {
  JsonlOptions options;
  options.source_field = "site";
  options.url_field = "url";
  options.keep_field = "date";
  JsonlParser parser(options);
  for (const std::string& line : {
           std::string(R"({"id": "a", "text": "x\u00e9\n\"q\"", "site": "s", "url": "http://h/p", "date": "2024"})"),
           std::string(R"({"text": "x", "id": 17, "site": 3.5})"),                   // numbers as written
           std::string(R"({"text": "x", "n": 123456789012345678901234567890})"),     // too big for DOM
           std::string(R"({"text": 5, "id": "no text"})"),
           std::string("{\"text\": \"caf\xC3\xA9\", \"id\": null, \"site\": [\"a\"]}"),
       }) {
    CAPTURE(line);
    const JsonlRecord fast = MustParse(parser, line, false);
    const JsonlRecord exact = MustParse(parser, line, true);
    CHECK(fast.has_text == exact.has_text);
    CHECK(fast.text == exact.text);
    CHECK(fast.id == exact.id);
    CHECK(fast.source == exact.source);
    CHECK(fast.url == exact.url);
    CHECK(fast.keep == exact.keep);
  }
}

TEST_CASE("keys are compared after unescaping") {
  JsonlParser parser({});
  CHECK(MustParse(parser, R"({"te\u0078t": "x"})").text == "x");
}

TEST_CASE("the text and id fields can be renamed") {
  JsonlParser parser(BodyOptions("key"));
  const JsonlRecord record =
      MustParse(parser, R"({"key": "k1", "text": "not this", "body": "this"})");
  CHECK(record.text == "this");
  CHECK(record.id == "k1");
}

TEST_CASE("a line that is not exactly one well-formed JSON object is an error") {
  JsonlParser parser({});
  for (const std::string& line : {
           std::string(R"({"id": "a", "text": "b")"),                  // missing closing brace
           std::string(R"({"text": "a"} x)"),                          // trailing garbage
           std::string(R"({"text": "a"} {"text": "b"})"),              // two objects
           std::string(R"(["text", "a"])"),                            // an array
           std::string(R"("text")"),                                   // a string
           std::string("42"),                                          // a number
           std::string(R"({"text": "a", "n": [1 2]})"),                // nested missing comma
           std::string(R"({"text": "a", "n": 01})"),                   // leading zero
           std::string(R"({"text": "a", "n": 1.})"),                   // bare decimal point
           std::string(R"({"text": "a",})"),                           // trailing comma
           std::string(R"({"text": "a", "b": tru})"),                  // bad literal
           std::string(R"({text: "a"})"),                              // unquoted key
           std::string(R"({"text": "\q"})"),                           // bad escape
           std::string(R"({"a": {"b": [1, {"c": }]}, "text": "x"})"),  // deep missing value
           std::string(""),
       }) {
    CAPTURE(line);
    const absl::StatusOr<JsonlRecord> record = parser.Parse(line);
    CHECK(absl::IsInvalidArgument(record.status()));
  }
}

// Issue 17, defect 7: one lone surrogate escape aborted a whole run over millions of records.
TEST_CASE("issue17 a record with invalid UTF-8 or a lone surrogate is read, its bytes kept, and marked") {
  JsonlParser parser({});
  SUBCASE("a lone surrogate becomes the three bytes of its code point") {
    const JsonlRecord record = MustParse(parser, R"({"id": "a", "text": "x\ud800y"})");
    CHECK(record.text == "x\xED\xA0\x80y");
    CHECK(record.repair == "lone surrogate \\ud800");
    CHECK(record.id == "a");
  }
  SUBCASE("invalid UTF-8 in the text stays as it is") {
    const JsonlRecord record = MustParse(parser, "{\"text\": \"caf\xE9\"}");
    CHECK(record.text == "caf\xE9");
    CHECK(record.repair == "invalid UTF-8");
  }
  SUBCASE("invalid UTF-8 elsewhere leaves the text alone") {
    const JsonlRecord record = MustParse(parser, "{\"other\": \"\xFF\", \"text\": \"a\\ud83d\\ude00\"}");
    CHECK(record.text == "a\xF0\x9F\x98\x80");  // a proper pair is decoded as always
    CHECK(record.repair == "invalid UTF-8");
  }
  SUBCASE("the literal is located in the line as it is") {
    const std::string line = R"({"text": "\udc00 z", "n": 1})";
    const absl::StatusOr<JsonlRecord> record = parser.Parse(line, /*literal=*/true);
    REQUIRE(record.ok());
    CHECK(line.substr(record->text_begin, record->text_end - record->text_begin) == R"("\udc00 z")");
  }
  SUBCASE("a line malformed apart from its encoding is still an error") {
    CHECK(absl::IsInvalidArgument(parser.Parse("{\"text\": \"\xFF\"").status()));
  }
  SUBCASE("a valid line is not marked") {
    CHECK(MustParse(parser, R"({"text": "ok \u00e9"})").repair.empty());
  }
}

// Issue 17, defect 7: a file starting with a UTF-8 byte-order mark was refused as "not a JSON
// object".
TEST_CASE("issue17 a byte-order mark before the object is skipped, offsets still into the line") {
  JsonlParser parser({});
  const std::string line = "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"hi\"}";
  const absl::StatusOr<JsonlRecord> record = parser.Parse(line, /*literal=*/true);
  REQUIRE(record.ok());
  CHECK(record->text == "hi");
  CHECK(line.substr(record->text_begin, record->text_end - record->text_begin) == "\"hi\"");
  CHECK(MustParse(parser, line).id == "a");
}

TEST_CASE("the parser can be reused across lines of different lengths") {
  JsonlParser parser({});
  const std::string long_line = "{\"text\": \"" + std::string(100000, 'a') + "\"}";
  CHECK(MustParse(parser, long_line).text.size() == 100000);
  CHECK(MustParse(parser, R"({"text": "b"})").text == "b");
  // A prefix of the previous line must not borrow its end from the reused buffer.
  CHECK_FALSE(parser.Parse(long_line.substr(0, 5000)).ok());
  CHECK(MustParse(parser, R"({"text": "c"})").text == "c");
}

TEST_CASE("a line is blank when empty or only whitespace") {
  CHECK(IsBlankLine(""));
  CHECK(IsBlankLine("   "));
  CHECK(IsBlankLine(" \t\r"));
  CHECK_FALSE(IsBlankLine(" {} "));
  CHECK_FALSE(IsBlankLine("x"));
}

}  // namespace neardup
