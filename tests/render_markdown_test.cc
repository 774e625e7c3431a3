#include "neardup/render/render_markdown.h"

#include <doctest/doctest.h>

#include <string>

#include "neardup/check/render_check.h"
#include "sample_report.h"

namespace neardup {
namespace {

using testing::SampleReport;

bool Has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace

// The Markdown report of SampleReport() with its texts, as `report --format md` renders it.
std::string SampleMarkdown(const ReviewOptions& options = {}) {
  const Report report = SampleReport();
  const ReviewSelection selection = SelectReviewDocuments(report, options);
  const absl::StatusOr<ReviewTexts> texts = ReadReviewTexts(testing::SampleSource(report), report, selection);
  REQUIRE(texts.ok());
  return RenderReportMarkdown(report, selection, *texts, options);
}

TEST_CASE("the Markdown report has a table of contents and the summary") {
  const std::string md = SampleMarkdown();
  CHECK(md.rfind("# neardup report\n", 0) == 0);
  CHECK(Has(md, "Contents: [Summary](#summary)"));
  for (const std::string anchor : {"summary", "similarities", "documents", "pairs", "clusters", "passages", "boilerplate"}) {
    CAPTURE(anchor);
    CHECK(Has(md, "<a id=\"" + anchor + "\"></a>"));
    CHECK(Has(md, "(#" + anchor + ")"));
  }
  CHECK(Has(md, "| documents read | 4 | 500 | 100.00% |\n"));
  CHECK(Has(md, "| duplicate documents | 1 | 100 | 20.00% |\n"));
  CHECK(Has(md, "| removed in total | | 170 | 34.00% |\n"));
  CHECK(Has(md, "| repeat-within | 1 | 50 | 1 | 50 |\n"));
}

TEST_CASE("the similarities are counted per kind of pair, with log-scale bars") {
  const std::string md = SampleMarkdown();
  // One document pair at 1 and two passage pairs: at 1 (rec-7) and 0.9 (d.txt).
  CHECK(Has(md, "| 1 (identical) | 1 | \xE2\x96\x87"));
  CHECK(Has(md, "| 0.900\xE2\x80\x93" "0.910 | 0 |  | 1 | "));
}

TEST_CASE("documents with findings show id, source, headline, and each finding with its text") {
  const std::string md = SampleMarkdown();
  CHECK(Has(md, "<a id=\"d2\"></a>\n\n### rec-7\n\nsource site-b \xC2\xB7 \xE2\x80\x9CShare \\| this\xE2\x80\x9D"));
  CHECK(Has(md, "| 5 | 50 | repeat-within | yes | cccc"));
  CHECK(Has(md, "bytes 50\xE2\x80\x93" "100 of this document |"));
  CHECK(Has(md, "Removed whole: a duplicate of a.txt."));  // a.txt has no section of its own
}

TEST_CASE("a near duplicate gets a word diff against its kept copy") {
  const std::string md = SampleMarkdown();
  CHECK(Has(md, "1. Passage of [d.txt](#d3) bytes 0\xE2\x80\x93" "30 \xE2\x86\x90 kept a.txt bytes 0\xE2\x80\x93" "30 (repeat-across, similarity 0.9)"));
  CHECK(Has(md, "   > &lt;b&gt;&amp;amp; one ~~two~~ **TWO** three fours\n"));
}

TEST_CASE("the tables come largest first, with passage texts and ids linking to their sections") {
  const std::string md = SampleMarkdown();
  CHECK(Has(md, "| [b.txt](#d1) | a.txt | exact | 1 | 100 |\n"));
  const size_t within = md.find("| [rec-7](#d2) | 5 | 50 | repeat-within | yes |");
  const size_t across = md.find("| [d.txt](#d3) | 1 | 30 | repeat-across | no | &lt;b&gt;&amp;amp; one TWO three fours | a.txt [0, 30) | 0.9 |");
  const size_t boilerplate = md.find("| [rec-7](#d2) | 1 | 20 | boilerplate | yes | Share \\| this |");
  REQUIRE(within != std::string::npos);
  REQUIRE(across != std::string::npos);
  REQUIRE(boilerplate != std::string::npos);
  CHECK(within < across);
  CHECK(across < boilerplate);
  CHECK(Has(md, "| corpus | passage | Share \\| this | 3 | 4 |\n"));  // a '|' in text is escaped
  ReviewOptions one;
  one.max_rows = 1;
  CHECK(Has(SampleMarkdown(one), "2 more passages not shown (the largest are)."));
}

TEST_CASE("an empty report says so instead of showing empty tables") {
  const Report empty;
  const std::string md = RenderReportMarkdown(empty, SelectReviewDocuments(empty, {}), ReviewTexts{});
  CHECK(Has(md, "No findings."));
  CHECK(Has(md, "No verified pairs."));
  CHECK(Has(md, "No duplicate documents."));
  CHECK(Has(md, "No repeated passages."));
  CHECK(Has(md, "No boilerplate."));
}

TEST_CASE("the Markdown check summary has the gate table and the worst findings") {
  const Report report = SampleReport();
  const CheckResult result = EvaluateGates(report, {{}, {}, uint64_t{1}, 0.04}, AllNew(report));
  const std::string md = RenderCheckMarkdown(report, result);
  CHECK(Has(md, "## neardup check: FAILED\n"));
  CHECK(Has(md, "| `--max-passages` | removed passages | 2 | 1 | **FAIL** |\n"));
  CHECK(Has(md, "| `--max-boilerplate-ratio` | boilerplate bytes / total bytes | 0.0400 | 0.0400 | pass |\n"));
  CHECK(Has(md, "| 100 | b.txt | 1 | duplicate document of a.txt (exact, similarity 1), 100 bytes |\n"));
}

}  // namespace neardup
