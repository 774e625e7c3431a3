#include "neardup/check/render_check.h"

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

TEST_CASE("the check table lists each gate with value, limit and result, then the worst findings") {
  const Report report = SampleReport();
  const CheckResult result = EvaluateGates(report, {uint64_t{0}, 0.5, {}, {}}, AllNew(report));
  const std::string table = RenderCheckTable(report, result, /*worst=*/2);
  CHECK(table.find("max-dup-docs                    1          0  FAIL\n") != std::string::npos);
  CHECK(table.find("max-dup-ratio              0.3400     0.5000  pass\n") != std::string::npos);
  CHECK(table.find("max-passages") == std::string::npos);
  CHECK(table.find("3 findings count against the gates; the 2 largest:") != std::string::npos);
  CHECK(table.find("     100  b.txt") != std::string::npos);
  // The line of a JSONL record's finding is the record's line in its file, as in the annotations.
  CHECK(table.find("      50  rec-7                                 7  repeat-within") != std::string::npos);
  CHECK(table.find("boilerplate: 20 bytes") == std::string::npos);  // third largest: not shown
  CHECK(table.find("check FAILED: 1 of 2 gates over their limits") != std::string::npos);
}

TEST_CASE("with a baseline the table says how many findings it absorbed") {
  const Report report = SampleReport();
  NewFindings fresh = AllNew(report);
  fresh.passages.assign(3, false);
  fresh.absorbed = 3;
  CheckResult result = EvaluateGates(report, {uint64_t{1}, {}, {}, {}}, fresh);
  result.with_baseline = true;
  const std::string table = RenderCheckTable(report, result);
  CHECK(table.find("1 findings count against the gates (3 more are in the baseline)") != std::string::npos);
  CHECK(table.find("check passed: 1 of 1 gates hold") != std::string::npos);
}

TEST_CASE("one GitHub annotation per counted finding, at its file and line") {
  const Report report = SampleReport();
  const std::string lines = RenderGithubAnnotations(report, EvaluateGates(report, {}, AllNew(report)));
  CHECK(Count(lines, "::warning ") == 3);
  CHECK(lines.find("::warning file=corpus/b.txt,line=1::neardup duplicate document of a.txt") == 0);
  CHECK(lines.find("::warning file=corpus/c.jsonl,line=7::neardup boilerplate: 20 bytes") != std::string::npos);
  CHECK(lines.find("::warning file=corpus/c.jsonl,line=7::neardup repeat-within: 50 bytes") != std::string::npos);
}

TEST_CASE("annotation properties and messages are escaped as workflow commands require") {
  Report report = SampleReport();
  report.locations = testing::Replace(report.locations, 1, "dir,x/b:1%.txt");
  report.ids = testing::Replace(report.ids, 0, "a\nb");
  const std::string lines = RenderGithubAnnotations(report, EvaluateGates(report, {}, AllNew(report)));
  CHECK(lines.find("::warning file=dir%2Cx/b%3A1%25.txt,line=1::neardup duplicate document of a%0Ab (") == 0);
}

// Issue 17: check printed ids raw, so an id with a newline and "::error" became a GitHub workflow
// command, and escape sequences recoloured the terminal.
TEST_CASE("issue17 ids in the check table and the annotations cannot start lines or carry escapes") {
  Report report = SampleReport();
  report.ids = testing::Replace(report.ids, 2, "x\n::error file=a,line=1::pwned \x1b[31mred");
  const CheckResult result = EvaluateGates(report, {uint64_t{0}, {}, {}, {}}, AllNew(report));
  const std::string table = RenderCheckTable(report, result);
  CHECK(table.find("\n::error") == std::string::npos);
  CHECK(table.find('\x1b') == std::string::npos);
  CHECK(table.find("x\\n::error file=a,line=1::pwned \\x1B[31mred") != std::string::npos);
  const std::string lines = RenderGithubAnnotations(report, result);
  CHECK(lines.find("\n::error") == std::string::npos);
  CHECK(lines.find('\x1b') == std::string::npos);
}

// Issue 17: a ratio just over its limit printed as "0.0000 0.0000 FAIL".
TEST_CASE("issue17 a failed ratio gate shows the digits that tell value from limit") {
  const GateResult small{Gate::kDupRatio, 0.00003, 0.0, false};
  CHECK(FormatGateValues(small) == std::pair<std::string, std::string>{"0.00003", "0.00000"});
  const GateResult close{Gate::kDupRatio, 0.123456789, 0.12345678, false};
  CHECK(FormatGateValues(close) == std::pair<std::string, std::string>{"0.12345679", "0.12345678"});
  // A gate that holds, or a count, keeps the short form.
  CHECK(FormatGateValues({Gate::kDupRatio, 0.00003, 0.0001, true}) == std::pair<std::string, std::string>{"0.0000", "0.0001"});
  CHECK(FormatGateValues({Gate::kDupDocs, 3, 2, false}) == std::pair<std::string, std::string>{"3", "2"});
}

TEST_CASE("check --json lists the gates and every counted finding with file and line") {
  const Report report = SampleReport();
  const CheckResult result = EvaluateGates(report, {uint64_t{0}, 0.5, {}, {}}, AllNew(report));
  std::string json;
  WriteCheckJson(report, result, [&json](std::string_view piece) { json += piece; });
  CHECK(json.find("\"passed\": false") != std::string::npos);
  CHECK(json.find("\"gate\": \"max-dup-docs\",\n      \"measures\": \"duplicate documents\",\n      \"value\": 1,\n"
                  "      \"limit\": 0,\n      \"passed\": false") != std::string::npos);
  CHECK(json.find("\"value\": 0.34") != std::string::npos);
  CHECK(json.find("\"counted\": 3") != std::string::npos);
  CHECK(json.find("\"in_baseline\"") == std::string::npos);
  CHECK(json.find("\"doc\": \"rec-7\",\n      \"file\": \"corpus/c.jsonl\",\n      \"line\": 7,\n      \"bytes\": 50,\n"
                  "      \"kind\": \"repeat-within\"") != std::string::npos);
  CHECK(json.back() == '\n');
}

}  // namespace neardup
