#include "neardup/render/render_html.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "neardup/render/render_common.h"
#include "neardup/render/render_html_text.h"
#include "sample_report.h"

namespace neardup {
namespace {

using testing::SampleReport;

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The values of every `attribute="..."` in `html`.
std::set<std::string> Values(const std::string& html, const std::string& attribute) {
  std::set<std::string> out;
  const std::string open = " " + attribute + "=\"";
  for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    const size_t start = at + open.size();
    out.insert(html.substr(start, html.find('"', start) - start));
  }
  return out;
}

std::vector<std::string> BrokenLinks(const std::string& html) {
  const std::set<std::string> ids = Values(html, "id");
  std::vector<std::string> broken;
  for (const std::string& href : Values(html, "href")) {
    if (href.empty() || href[0] != '#' || ids.count(href.substr(1)) == 0) broken.push_back(href);
  }
  return broken;
}

MarkedSpan Mark(uint64_t start, uint64_t end, std::string id, std::string href = "") {
  return {start, end, "mark", "removed", std::move(id), std::move(href), ""};
}

}  // namespace

TEST_CASE("marked text wraps each span in its element and escapes the rest") {
  CHECK(RenderMarkedText("hello <world>", {Mark(0, 5, "p1", "#c1")}, 100) ==
        "<mark id=\"p1\" class=\"removed\"><a href=\"#c1\">hello</a></mark> &lt;world&gt;");
  CHECK(RenderMarkedText("abc", {}, 100) == "abc");
}

TEST_CASE("overlapping spans are clipped, and a span clipped away keeps its anchor") {
  SUBCASE("a span starting inside the previous one starts after it") {
    CHECK(RenderMarkedText("0123456789", {Mark(3, 8, "b"), Mark(0, 5, "a")}, 100) ==
          "<mark id=\"a\" class=\"removed\">01234</mark><mark id=\"b\" class=\"removed\">567</mark>89");
  }
  SUBCASE("a span inside the previous one leaves an empty element with its id") {
    const MarkedSpan copy{2, 4, "span", "copy", "c", "", ""};
    CHECK(RenderMarkedText("0123456789", {Mark(0, 6, "a"), copy}, 100) ==
          "<mark id=\"a\" class=\"removed\">012345</mark><span id=\"c\" class=\"copy\"></span>6789");
  }
  SUBCASE("spans beyond the text are cut to it") {
    CHECK(RenderMarkedText("abc", {Mark(2, 10, "a")}, 100) == "ab<mark id=\"a\" class=\"removed\">c</mark>");
  }
}

TEST_CASE("long stretches keep their two ends, cut on character boundaries") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "\xC3\xA9";  // 2000 bytes of 'é'
  const std::string out = RenderMarkedText(text, {Mark(1000, 1002, "m")}, 101);
  CHECK(out.size() < 600);
  CHECK(Count(out, "bytes not shown") == 2);
  CHECK(Count(out, "<mark id=\"m\"") == 1);
  CHECK(ValidUtf8(out) == out);
}

TEST_CASE("the HTML page is self-contained, highlights every removal and every link resolves") {
  const Report report = SampleReport();
  const ReviewSelection selection = SelectReviewDocuments(report, {});
  const absl::StatusOr<ReviewTexts> texts = ReadReviewTexts(testing::SampleSource(report), report, selection);
  REQUIRE(texts.ok());
  const std::string html = RenderHtml(report, selection, *texts);
  CHECK(html.find("<!DOCTYPE html>") == 0);
  CHECK(Count(html, "<script") == 0);
  CHECK(Count(html, "http://") == 0);
  CHECK(Count(html, "https://") == 0);
  CHECK(Count(html, "<mark ") == 3);  // b.txt whole, and rec-7's two removed passages
  CHECK(Count(html, "<mark id=\"r1\" class=\"removed document\"") == 1);
  CHECK(html.find("<a href=\"#d0\">") != std::string::npos);           // b.txt -> a.txt
  CHECK(html.find("<a href=\"#c2-50-100\">") != std::string::npos);    // within rec-7
  CHECK(html.find("<a href=\"#boilerplate\">") != std::string::npos);  // no single copy
  CHECK(html.find("<span id=\"p2\" class=\"reported repeat-across\"") != std::string::npos);
  CHECK(html.find("<span id=\"c0-0-30\" class=\"copy\"") != std::string::npos);  // in a.txt
  CHECK(html.find("<section class=\"doc\" id=\"d0\">") != std::string::npos);
  CHECK(html.find("&lt;b&gt;&amp;amp;") != std::string::npos);
  CHECK(html.find("<b>&amp;") == std::string::npos);
  CHECK(BrokenLinks(html).empty());
  CHECK(Count(html, "<svg ") == 3);
}

TEST_CASE("past the top documents the page counts the rest, and its links still resolve") {
  const Report report = SampleReport();
  ReviewOptions options;
  options.top_documents = 1;
  options.max_rows = 1;
  const ReviewSelection selection = SelectReviewDocuments(report, options);
  const absl::StatusOr<ReviewTexts> texts = ReadReviewTexts(testing::SampleSource(report), report, selection);
  REQUIRE(texts.ok());
  const std::string html = RenderHtml(report, selection, *texts, options);
  CHECK(Count(html, "<mark ") == 1);
  CHECK(html.find("2 more documents with findings are not shown") != std::string::npos);
  CHECK(html.find("2 more passages not shown") != std::string::npos);
  CHECK(BrokenLinks(html).empty());
}

}  // namespace neardup
