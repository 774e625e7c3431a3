#include "neardup/check/gates.h"

#include <doctest/doctest.h>

#include <string>

#include "sample_report.h"

namespace neardup {
namespace {

using testing::SampleReport;

CheckResult Check(const GateLimits& limits) {
  const Report report = SampleReport();
  return EvaluateGates(report, limits, AllNew(report));
}

}  // namespace

TEST_CASE("the gates measure removed documents, bytes, passages and boilerplate") {
  const CheckResult result = Check({uint64_t{10}, 1.0, uint64_t{10}, 1.0});
  REQUIRE(result.gates.size() == 4);
  CHECK(result.gates[0].value == 1);
  CHECK(result.gates[1].value == doctest::Approx(170.0 / 500));
  CHECK(result.gates[2].value == 2);  // the reported-only passage does not count
  CHECK(result.gates[3].value == doctest::Approx(20.0 / 500));
  CHECK(result.passed());
  CHECK(result.findings.size() == 3);
}

TEST_CASE("each gate holds at its limit and fails just below it") {
  const struct {
    GateLimits at, below;
  } cases[] = {
      {{uint64_t{1}, {}, {}, {}}, {uint64_t{0}, {}, {}, {}}},
      {{{}, 0.34, {}, {}}, {{}, 0.34 - 1e-9, {}, {}}},
      {{{}, {}, uint64_t{2}, {}}, {{}, {}, uint64_t{1}, {}}},
      {{{}, {}, {}, 0.04}, {{}, {}, {}, 0.0399}},
  };
  for (const auto& c : cases) {
    const CheckResult at = Check(c.at);
    const CheckResult below = Check(c.below);
    REQUIRE(at.gates.size() == 1);
    CAPTURE(GateName(at.gates[0].gate));
    CHECK(at.passed());
    CHECK_FALSE(below.passed());
    CHECK(below.failed_gates() == 1);
  }
}

TEST_CASE("unset limits are not evaluated") {
  CHECK(Check({}).gates.empty());
  CHECK(Check({}).passed());
  CHECK_FALSE(GateLimits{}.any());
}

TEST_CASE("findings in the baseline do not count") {
  const Report report = SampleReport();
  NewFindings fresh = AllNew(report);
  fresh.documents[1] = false;
  fresh.passages[0] = false;
  fresh.absorbed = 2;
  const CheckResult result = EvaluateGates(report, {uint64_t{0}, 0.1, uint64_t{0}, 0.0}, fresh);
  CHECK(result.gates[0].value == 0);
  CHECK(result.gates[1].value == doctest::Approx(50.0 / 500));
  CHECK(result.gates[2].value == 1);
  CHECK(result.gates[3].value == 0);
  CHECK(result.failed_gates() == 1);  // only --max-passages 0
  CHECK(result.absorbed == 2);
}

TEST_CASE("offending documents are those counted by a failed gate") {
  const Report report = SampleReport();
  SUBCASE("duplicate documents fail: only b.txt") {
    const CheckResult result = EvaluateGates(report, {uint64_t{0}, {}, {}, {}}, AllNew(report));
    const auto offending = OffendingDocuments(report, result);
    REQUIRE(offending.size() == 1);
    CHECK(offending[0].doc == 1);
    CHECK(offending[0].bytes == 100);
  }
  SUBCASE("the byte ratio fails: every document with a removal") {
    const CheckResult result = EvaluateGates(report, {{}, 0.1, {}, {}}, AllNew(report));
    const auto offending = OffendingDocuments(report, result);
    REQUIRE(offending.size() == 2);
    CHECK(offending[1].doc == 2);
    CHECK(offending[1].findings.size() == 2);
    CHECK(offending[1].bytes == 70);
  }
  SUBCASE("nothing fails: nobody offends") {
    CHECK(OffendingDocuments(report, EvaluateGates(report, {uint64_t{5}, {}, {}, {}}, AllNew(report))).empty());
  }
}

TEST_CASE("the worst findings come largest first, ties in report order") {
  const CheckResult result = Check({});
  const std::vector<size_t> worst = WorstFindings(result, 2);
  REQUIRE(worst.size() == 2);
  CHECK(result.findings[worst[0]].document);  // 100 bytes
  CHECK(result.findings[worst[1]].bytes == 50);
  CHECK(WorstFindings(result, 10).size() == 3);
}

TEST_CASE("a finding's position is its file and line; a JSONL record's is the record's line") {
  const Report report = SampleReport();
  const CheckResult result = Check({});
  const FileLine doc = FindingPosition(report, result.findings[0]);
  CHECK(doc.path == "corpus/b.txt");
  CHECK(doc.line == 1);
  const FileLine record = FindingPosition(report, result.findings[2]);
  CHECK(record.path == "corpus/c.jsonl");
  CHECK(record.line == 7);
}

TEST_CASE("findings are described with their rule, size and copy") {
  const Report report = SampleReport();
  const CheckResult result = Check({});
  CHECK(DescribeFinding(report, result.findings[0]) ==
        "duplicate document of a.txt (exact, similarity 1), 100 bytes");
  CHECK(DescribeFinding(report, result.findings[1]) == "boilerplate: 20 bytes of boilerplate");
  CHECK(DescribeFinding(report, result.findings[2]) ==
        "repeat-within: 50 bytes, a copy of bytes 50-100 of the same document (similarity 1)");
}

}  // namespace neardup
