#include "neardup/check/render_junit.h"

#include <doctest/doctest.h>

#include <string>

#include "sample_report.h"

namespace neardup {
namespace {

using testing::SampleReport;

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("JUnit: a test case per gate and a failed test case per offending document") {
  const Report report = SampleReport();
  const CheckResult result = EvaluateGates(report, {uint64_t{5}, 0.1, {}, {}}, AllNew(report));
  const std::string xml = RenderJunit(report, result);
  CHECK(xml.find("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites ") == 0);
  CHECK(xml.find("<testsuites name=\"neardup check\" tests=\"4\" failures=\"3\" errors=\"0\">") != std::string::npos);
  CHECK(xml.find("<testsuite name=\"neardup.gates\" tests=\"2\" failures=\"1\"") != std::string::npos);
  CHECK(xml.find("<testsuite name=\"neardup.documents\" tests=\"2\" failures=\"2\"") != std::string::npos);
  CHECK(Count(xml, "<testcase ") == 4);
  CHECK(Count(xml, "</testcase>") == 4);
  CHECK(Count(xml, "<failure ") == 3);
  CHECK(Count(xml, "</failure>") == 3);
  CHECK(xml.find("name=\"rec-7\" file=\"corpus/c.jsonl\"") != std::string::npos);
  CHECK(xml.find("corpus/c.jsonl:7: repeat-within: 50 bytes") != std::string::npos);
}

TEST_CASE("JUnit of a passing check has no failures") {
  const Report report = SampleReport();
  const std::string xml = RenderJunit(report, EvaluateGates(report, {uint64_t{1}, {}, {}, {}}, AllNew(report)));
  CHECK(Count(xml, "<failure") == 0);
  CHECK(xml.find("tests=\"1\" failures=\"0\"") != std::string::npos);
}

TEST_CASE("ids and paths with markup or control bytes stay well-formed XML") {
  Report report = SampleReport();
  report.ids = testing::Replace(report.ids, 1, "<b&\"c'>\x01");
  report.locations = testing::Replace(report.locations, 1, "dir/<b>.txt");
  const std::string xml = RenderJunit(report, EvaluateGates(report, {uint64_t{0}, {}, {}, {}}, AllNew(report)));
  CHECK(xml.find("name=\"&lt;b&amp;&quot;c&#39;&gt;\xEF\xBF\xBD\"") != std::string::npos);
  CHECK(xml.find("file=\"dir/&lt;b&gt;.txt\"") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
}

}  // namespace neardup
