// The audit must catch each kind of inconsistency it claims to: reports written by hand for
// two small documents, one right and one wrong in each way.
#include "neardup/quality/audit.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace neardup {
namespace {

// Line 3 repeats line 1; line 2 holds two sentences, [29, 49) and [50, 68).
const std::string kText =
    "Korut kirim pasukan ke Rusia\n"             // [0, 28), newline at 28
    "Ini kalimat pertama. Ini kalimat kedua.\n"  // [29, 68), newline at 68
    "Korut kirim pasukan ke Rusia\n";            // [69, 97), newline at 97

std::vector<std::string> Problems(const AuditedReport& report) {
  const MemorySource source({{"a.txt", kText, "a.txt", "", std::nullopt, 0},
                             {"b.txt", kText, "b.txt", "", std::nullopt, 1},
                             {"c.txt", "Lain sama sekali berbeda isinya.\n", "c.txt", "", std::nullopt, 2}});
  const auto problems = Audit(report, source);
  REQUIRE(problems.ok());
  return *problems;
}

AuditedReport::Finding Repeat(uint64_t start, uint64_t end, uint64_t copy_start, uint64_t copy_end,
                              double similarity = 1.0) {
  AuditedReport::Finding f;
  f.doc = f.copy_doc = "a.txt";
  f.rule = "repeat-within";
  f.start = start;
  f.end = end;
  f.has_copy = true;
  f.copy_start = copy_start;
  f.copy_end = copy_end;
  f.similarity = similarity;
  return f;
}

}  // namespace

TEST_CASE("a right report passes its audit") {
  AuditedReport report;
  report.passages.push_back(Repeat(69, 98, 0, 28));
  report.duplicates.push_back({"b.txt", "a.txt", "exact", 1.0});
  CHECK(Problems(report).empty());
}

TEST_CASE("the audit names each kind of inconsistency") {
  AuditedReport report;
  SUBCASE("a copy that is not the removed text") {
    report.passages.push_back(Repeat(69, 98, 29, 48));
  }
  SUBCASE("a copy that is not a span") {
    report.passages.push_back(Repeat(69, 98, 28, 20));
  }
  SUBCASE("a similarity that does not recompute") {
    report.passages.push_back(Repeat(69, 98, 0, 28, 0.9));
  }
  SUBCASE("a removal that cuts a word") {
    report.passages.push_back(Repeat(71, 98, 2, 28));
  }
  SUBCASE("a removal past the end of the document") {
    report.passages.push_back(Repeat(69, 500, 0, 28));
  }
  SUBCASE("a duplicate that is not one") {
    report.duplicates.push_back({"c.txt", "a.txt", "jaccard", 0.9});
  }
  SUBCASE("a document that is not in the corpus") {
    report.duplicates.push_back({"z.txt", "a.txt", "exact", 1.0});
  }
  CHECK_FALSE(Problems(report).empty());
}

TEST_CASE("whole sentences inside a line pass; part of one does not") {
  AuditedReport report;
  AuditedReport::Finding f = Repeat(49, 68, 0, 0);
  f.rule = "boilerplate";
  f.has_copy = false;
  SUBCASE("the second sentence of line 2") {
    report.passages.push_back(f);
    CHECK(Problems(report).empty());
  }
  SUBCASE("its last two words") {
    f.start = 54;  // "kalimat kedua."
    report.passages.push_back(f);
    CHECK(Problems(report).size() == 1);
  }
}

}  // namespace neardup
