#include "neardup/check/baseline.h"

#include <doctest/doctest.h>

#include <string>

#include "sample_report.h"

namespace neardup {
namespace {

using testing::SampleReport;

Baseline BaselineOf(const Report& report) {
  const absl::StatusOr<Baseline> baseline = Baseline::Parse(ReportToJson(report), "base.json");
  REQUIRE(baseline.ok());
  return *baseline;
}

size_t CountNew(const NewFindings& fresh) {
  size_t n = 0;
  for (const bool b : fresh.documents) n += b ? 1 : 0;
  for (const bool b : fresh.passages) n += b ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("a baseline holds each finding of a report by kind and content fingerprint") {
  const Baseline baseline = BaselineOf(SampleReport());
  CHECK(baseline.size() == 4);
  CHECK(baseline.count({"document", 0xA0}) == 1);
  CHECK(baseline.count({"repeat-within", 0x11}) == 1);
  CHECK(baseline.count({"boilerplate", 0x22}) == 1);
  CHECK(baseline.count({"repeat-across", 0x33}) == 1);
  CHECK(baseline.count({"repeat-within", 0x22}) == 0);  // the rule is part of the name
}

TEST_CASE("without a baseline every finding is new") {
  const NewFindings fresh = AllNew(SampleReport());
  CHECK(fresh.documents == std::vector<bool>{false, true, false, false});
  CHECK(fresh.passages == std::vector<bool>{true, true, true});
  CHECK(fresh.absorbed == 0);
}

TEST_CASE("a report matched against its own baseline has nothing new") {
  const Report report = SampleReport();
  const NewFindings fresh = MatchBaseline(report, BaselineOf(report));
  CHECK(CountNew(fresh) == 0);
  CHECK(fresh.absorbed == 4);
}

TEST_CASE("renaming and reordering documents leaves old findings old") {
  const Baseline baseline = BaselineOf(SampleReport());
  Report moved = SampleReport();
  moved.ids = {"x/1.txt", "x/2.txt", "other-id", "x/4.txt"};
  moved.passages[1].start += 1000;  // offsets do not name findings either
  moved.passages[1].end += 1000;
  CHECK(CountNew(MatchBaseline(moved, baseline)) == 0);
}

TEST_CASE("each baseline finding absorbs one current finding") {
  const Baseline baseline = BaselineOf(SampleReport());
  Report more = SampleReport();
  more.passages.push_back(more.passages[1]);  // a second copy of the repeated passage
  more.clusters[0].removed.push_back({3, 1.0, DocumentMatch::kExact});
  more.fingerprints[3] = 0xA0;  // a second copy of a.txt
  const NewFindings fresh = MatchBaseline(more, baseline);
  CHECK(fresh.passages == std::vector<bool>{false, false, false, true});
  CHECK(fresh.documents == std::vector<bool>{false, false, false, true});
}

TEST_CASE("a near duplicate kept in place of the old one still matches after a reorder") {
  // Before: a (0xA0) kept, b (0xB0) removed. After reordering b comes first and is kept.
  Report before = SampleReport();
  before.fingerprints = {0xA0, 0xB0, 0xC0, 0xD0};
  Report after = before;
  after.fingerprints = {0xB0, 0xA0, 0xC0, 0xD0};
  after.ids = {"b.txt", "a.txt", "rec-7", "d.txt"};
  const NewFindings fresh = MatchBaseline(after, BaselineOf(before));
  CHECK(fresh.documents == std::vector<bool>{false, false, false, false});
}

TEST_CASE("a baseline that is not a report is an error naming the file") {
  const struct {
    const char* json;
    const char* message;
  } cases[] = {
      {"not json", "base.json: not a neardup report"},
      {"{\"neardup\": {\"schema\": 2}, \"document_clusters\": [], \"passages\": []}", "schema 2"},
      {"{\"neardup\": {\"schema\": 1}, \"passages\": []}", "document_clusters"},
      {"{\"neardup\": {\"schema\": 1}, \"document_clusters\": [], \"passages\": [{\"rule\": \"boilerplate\"}]}",
       "fingerprint"},
      {"{\"neardup\": {\"schema\": 1}, \"document_clusters\": [], \"passages\": "
       "[{\"rule\": \"boilerplate\", \"fingerprint\": \"00000000000000zz\"}]}",
       "bad fingerprint"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.json);
    const absl::StatusOr<Baseline> baseline = Baseline::Parse(c.json, "base.json");
    REQUIRE_FALSE(baseline.ok());
    CHECK(std::string(baseline.status().message()).find(c.message) != std::string::npos);
  }
}

TEST_CASE("loading a missing baseline names the path") {
  const absl::StatusOr<Baseline> baseline = Baseline::Load("/nonexistent/base.json");
  REQUIRE_FALSE(baseline.ok());
  CHECK(std::string(baseline.status().message()).find("/nonexistent/base.json") != std::string::npos);
}

}  // namespace neardup
