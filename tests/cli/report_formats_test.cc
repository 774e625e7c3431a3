// `neardup report --format md|html`, and the messages of a run: progress line, --quiet,
// --verbose.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "cli/run_binary.h"

namespace neardup::testing {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::set<std::string> Values(const std::string& html, const std::string& attribute) {
  std::set<std::string> out;
  const std::string open = " " + attribute + "=\"";
  for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    const size_t start = at + open.size();
    out.insert(html.substr(start, html.find('"', start) - start));
  }
  return out;
}

std::string Seeds() { return SourcePath("corpus/seeds"); }

}  // namespace

TEST_CASE("report --format md prints the summary, the documents with their findings and the tables") {
  const RunResult run = RunNeardup({"report", Seeds(), "--format", "md"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.rfind("# neardup report\n", 0) == 0);
  CHECK(Contains(run.out, "| removed passages | 11 | 1951 | 12.95% |\n"));
  CHECK(Contains(run.out, "## Duplicate documents (0, largest first)"));
  CHECK(Contains(run.out, "## Passages (11, largest first)"));
  // Each passage twice: under its document, and in the passage table.
  CHECK(Count(run.out, "| repeat-within | yes |") == 22);
  // The largest passage first, with its text; ids link to the documents' sections.
  const std::string largest = "| [002\\_be7c9fe0555141bb.txt](#d2) | 14 | 295 | repeat-within | yes | "
                              "\xE2\x80\x9CKetiga negara kita sudah mengambil";
  CHECK(Contains(run.out, largest));
  CHECK(run.out.find(largest) < run.out.find("| [002\\_be7c9fe0555141bb.txt](#d2) | 22 | 255 |"));
  CHECK(Contains(run.out, "<a id=\"d2\"></a>\n\n### 002\\_be7c9fe0555141bb.txt\n"));
  CHECK(Contains(run.out, "\xE2\x80\x9CHubungan Militer Rusia-Korea Utara Mesra, Blinken Prihatin\xE2\x80\x9D"));
  CHECK(Contains(run.out, "| 13 | 222 | repeat-within | yes | Blinken dan Park juga mengatakan"));
}

TEST_CASE("report --format html writes one self-contained page with the 11 removed spans marked") {
  TempDir dir;
  const RunResult run = RunNeardup({"report", Seeds(), "--format", "html", "-o", dir / "report.html"});
  REQUIRE(run.exit_code == 0);
  const std::string html = ReadFile(dir / "report.html");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(Count(html, "<script") == 0);
  CHECK(Count(html, "<link") == 0);
  CHECK(Count(html, "http") == 0);
  CHECK(Count(html, "url(") == 0);
  CHECK(Count(html, "<mark ") == 11);
  CHECK(Count(html, "<svg ") == 3);
  CHECK(Contains(html, "id=\"boilerplate\""));
  const std::set<std::string> ids = Values(html, "id");
  size_t links = 0;
  for (const std::string& href : Values(html, "href")) {
    CAPTURE(href);
    REQUIRE(href.rfind('#', 0) == 0);
    CHECK(ids.count(href.substr(1)) == 1);
    ++links;
  }
  CHECK(links >= 11);
  // The caption of 000 repeats on line 6; its mark links to the first copy (line 5).
  CHECK(Contains(html, "<mark id=\"p0\" class=\"removed repeat-within\""));
  CHECK(Contains(html, "<a href=\"#c0-150-201\">"));
  CHECK(Contains(html, "<span id=\"c0-150-201\" class=\"copy\""));
}

TEST_CASE("--top limits the documents shown with their text and counts the rest") {
  TempDir dir;
  REQUIRE(RunNeardup({"report", Seeds(), "--format", "html", "--top", "1", "-o", dir / "r.html"}).exit_code == 0);
  const std::string html = ReadFile(dir / "r.html");
  CHECK(Count(html, "<section class=\"doc\"") == 1);
  CHECK(Count(html, "<mark ") == 9);  // 002 only
  CHECK(Contains(html, "2 more documents with findings are not shown"));
}

TEST_CASE("an unknown format is a usage error") {
  const RunResult run = RunNeardup({"report", Seeds(), "--format", "xml"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
}

TEST_CASE("progress appears with --progress, as plain lines when stderr is no terminal") {
  TempDir dir;
  SUBCASE("--progress into a file: lines, no carriage returns or escapes") {
    const RunResult run = RunNeardup({"report", Seeds(), "--progress", "-o", dir / "r.json"});
    REQUIRE(run.exit_code == 0);
    CHECK(Contains(run.err, "neardup: 5 docs, 0.0 of 0.0 MB, "));
    CHECK(Contains(run.err, " MB/s"));
    CHECK(run.err.find('\r') == std::string::npos);
    CHECK(run.err.find('\x1b') == std::string::npos);
    CHECK(run.err.back() == '\n');
  }
  SUBCASE("no terminal, no --progress: silence") {
    const RunResult run = RunNeardup({"report", Seeds(), "-o", dir / "r.json"});
    CHECK(run.err.empty());
  }
  SUBCASE("--quiet wins over --progress") {
    const RunResult run = RunNeardup({"check", Seeds(), "--progress", "--quiet"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.empty());
    CHECK(run.out.empty());
  }
}

TEST_CASE("--verbose adds the seconds per stage at the end") {
  const RunResult run = RunNeardup({"check", Seeds(), "--max-passages", "11", "--verbose"});
  CHECK(run.exit_code == 0);
  CHECK(Contains(run.err, "neardup: seconds: sign "));
  CHECK(Contains(run.err, ", passages "));
}

}  // namespace neardup::testing
