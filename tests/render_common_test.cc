#include "neardup/render/render_common.h"

#include <doctest/doctest.h>

namespace neardup {

TEST_CASE("invalid UTF-8 becomes U+FFFD, valid text is unchanged") {
  const struct {
    std::string in, out;
  } cases[] = {
      {"plain", "plain"},
      {"caf\xC3\xA9 \xE2\x80\x9C\xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x80\x9C\xF0\x9F\x98\x80"},
      {"a\xFF" "b", "a\xEF\xBF\xBD" "b"},
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},      // overlong '/'
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // a surrogate
      {"end\xE2\x80", "end\xEF\xBF\xBD\xEF\xBF\xBD"},  // truncated
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(ValidUtf8(c.in) == c.out);
  }
}

TEST_CASE("HTML and XML escaping") {
  CHECK(EscapeHtml("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  CHECK(EscapeHtml("tab\tbell\x07") == "tab\tbell\x07");
  CHECK(EscapeXml("tab\tbell\x07\n") == "tab\tbell\xEF\xBF\xBD\n");  // XML 1.0 forbids U+0007
}

TEST_CASE("a Markdown cell cannot break its table") {
  CHECK(EscapeMarkdownCell("a|b\nc\r\n`x` <y>") == "a\\|b c \\`x\\` &lt;y&gt;");
}

TEST_CASE("a location splits into file and line only for a trailing line number") {
  const struct {
    const char* location;
    const char* path;
    uint32_t line;
  } cases[] = {
      {"data/a.jsonl:12", "data/a.jsonl", 12},
      {"data/a.txt", "data/a.txt", 0},
      {"c:/x.txt", "c:/x.txt", 0},
      {"odd:name.txt", "odd:name.txt", 0},
      {":5", ":5", 0},
      {"a.jsonl:", "a.jsonl:", 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.location);
    const FileLine at = SplitLocation(c.location);
    CHECK(at.path == c.path);
    CHECK(at.line == c.line);
  }
}

TEST_CASE("sizes and shares read as people write them") {
  CHECK(FormatBytes(0) == "0 B");
  CHECK(FormatBytes(999) == "999 B");
  CHECK(FormatBytes(1951) == "2.0 KB");
  CHECK(FormatBytes(15069) == "15.1 KB");
  CHECK(FormatBytes(999960) == "1.0 MB");
  CHECK(FormatBytes(2500000000) == "2.5 GB");
  CHECK(FormatPercent(0.12947) == "12.95%");
}

TEST_CASE("one percent format for every renderer: a share of a whole, at the decimals asked for") {
  CHECK(FormatPercent(0.12947, 1) == "12.9%");
  CHECK(FormatShare(1951, 15069) == "12.95%");
  CHECK(FormatShare(1951, 15069, 1) == "12.9%");
  CHECK(FormatShare(0, 0, 1) == "0.0%");  // nothing read: nothing removed
  CHECK(FormatShare(5, 5) == "100.00%");
}

}  // namespace neardup
