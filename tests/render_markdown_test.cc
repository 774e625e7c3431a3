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

TEST_CASE("the Markdown report has the summary, the clusters and the passages as tables") {
  const std::string md = RenderReportMarkdown(SampleReport());
  CHECK(Has(md, "| documents read | 4 | 500 | 100.00% |\n"));
  CHECK(Has(md, "| duplicate documents | 1 | 100 | 20.00% |\n"));
  CHECK(Has(md, "| removed in total | | 170 | 34.00% |\n"));
  CHECK(Has(md, "| repeat-within | 1 | 50 | 1 | 50 |\n"));
  CHECK(Has(md, "## Document clusters (1, 1 documents removed)"));
  CHECK(Has(md, "| a.txt | b.txt | exact | 1 | 100 |\n"));
  CHECK(Has(md, "## Passages (3)"));
  CHECK(Has(md, "| rec-7 | 5 | [150, 200) | repeat-within | yes | rec-7 [50, 100) | 1 |\n"));
  CHECK(Has(md, "| d.txt | 1 | [0, 30) | repeat-across | no | a.txt [0, 30) | 0.9 |\n"));
  CHECK(Has(md, "| corpus | passage | Share \\| this | 3 | 4 |\n"));  // a '|' in text is escaped
}

TEST_CASE("an empty report says so instead of showing empty tables") {
  Report empty;
  const std::string md = RenderReportMarkdown(empty);
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
