// ReadReportJson: what WriteReportJson writes, read back.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "neardup/neardup.h"
#include "sample_report.h"

namespace neardup {
namespace {

using testing::SampleReport;

// A config with every param away from its default, so a param read into the wrong field shows.
Config UnusualConfig() {
  Config c;
  c.threshold = 0.75;
  c.num_perm = 64;
  c.shingle = {ShingleKind::kChar, 7};
  c.seed = 42;
  c.passages.segment.mode = PassageMode::kParagraph;
  c.passages.shingle_words = 4;
  c.passages.near_threshold = 0.9;
  c.passages.near_min_words = 11;
  c.cross_doc = CrossDocMode::kRemove;
  c.boilerplate.min_docs = 5;
  c.boilerplate.min_share = 0.125;
  c.boilerplate.remove_patterns = true;
  c.containment = 0.5;
  c.keep = KeepPolicy::kField;
  c.keep_field = "date";
  c.min_tandem_words = 9;
  return c;
}

absl::StatusOr<Report> Read(const std::string& json, bool neardup_only = true) {
  return ReadReportJson(json, "r.json", {.neardup_only = neardup_only});
}

TEST_CASE("a report read back writes the same bytes") {
  SUBCASE("the hand-made sample, every kind of finding") {
    Report sample = SampleReport();
    sample.config = UnusualConfig();
    sample.lsh = {9, 7};
    const std::string json = ReportToJson(sample);
    const absl::StatusOr<Report> back = Read(json);
    REQUIRE(back.ok());
    CHECK(ReportToJson(*back) == json);
  }
  SUBCASE("a run of the engine: a duplicate document and a repeated passage") {
    // 21 words: a line repeated away from its copy goes from 20 words.
    const std::string body =
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
        "eighteen nineteen twenty twentyone\n";
    const std::string pasted_twice = body + "a line of its own here\n" + body;
    MemorySource corpus = MemorySource::FromTexts({pasted_twice, pasted_twice, "other words"});
    const absl::StatusOr<Report> report = Deduplicate(corpus, Config());
    REQUIRE(report.ok());
    REQUIRE(report->clusters.size() == 1);
    REQUIRE(report->passages.size() == 1);
    const std::string json = ReportToJson(*report);
    const absl::StatusOr<Report> back = Read(json);
    REQUIRE(back.ok());
    CHECK(ReportToJson(*back) == json);
  }
}

TEST_CASE("what is read equals what was written") {
  Report sample = SampleReport();
  sample.config = UnusualConfig();
  sample.lsh = {9, 7};
  const absl::StatusOr<Report> back = Read(ReportToJson(sample));
  REQUIRE(back.ok());
  const Report& r = *back;
  // Documents in order of first mention: a.txt (kept), b.txt (removed), rec-7, d.txt.
  REQUIRE(r.ids.size() == 4);
  CHECK(r.ids[0] == "a.txt");
  CHECK(r.ids[1] == "b.txt");
  CHECK(r.ids[2] == "rec-7");
  CHECK(r.ids[3] == "d.txt");
  CHECK(r.fingerprints == std::vector<uint64_t>{0, 0xA0, 0, 0});  // removed documents only
  CHECK(r.sizes == std::vector<uint64_t>{0, 0, 0, 0});
  REQUIRE(r.clusters.size() == 1);
  CHECK(r.clusters[0].kept == 0);
  REQUIRE(r.clusters[0].removed.size() == 1);
  CHECK(r.clusters[0].removed[0].doc == 1);
  CHECK(r.clusters[0].removed[0].match == DocumentMatch::kExact);
  REQUIRE(r.passages.size() == 3);
  const PassageFinding& across = r.passages[2];
  CHECK(across.doc == 3);
  CHECK(across.rule == PassageRule::kRepeatAcross);
  CHECK_FALSE(across.removed);
  CHECK(across.copy_doc == 0);
  CHECK(across.copy_end == 30);
  CHECK(across.similarity == 0.9);
  CHECK(across.fingerprint == 0x33);
  CHECK_FALSE(r.passages[0].has_copy);
  CHECK(r.passages[1].line == 5);
  REQUIRE(r.boilerplate.size() == 1);
  CHECK(r.boilerplate[0].text == "Share | this");
  CHECK(r.boilerplate[0].first_doc == 2);
  CHECK(r.boilerplate[0].first_end == 20);
  CHECK(r.stats.bytes == 500);
  CHECK(r.stats.removed_bytes() == 170);
  CHECK(r.stats.rules[static_cast<int>(PassageRule::kRepeatAcross)].passages == 1);
  REQUIRE(r.stats.sources.size() == 1);
  CHECK(r.stats.sources[0].boilerplate_bytes == 20);
  CHECK(r.lsh.bands == 9);
  CHECK(r.lsh.rows == 7);
  const Config& c = r.config;
  CHECK(c.threshold == 0.75);
  CHECK(c.num_perm == 64);
  CHECK(c.shingle == ShingleSpec{ShingleKind::kChar, 7});
  CHECK(c.seed == 42);
  CHECK(c.passages.segment.mode == PassageMode::kParagraph);
  CHECK(c.passages.shingle_words == 4);
  CHECK(c.passages.near_min_words == 11);
  CHECK(c.cross_doc == CrossDocMode::kRemove);
  CHECK(c.boilerplate.min_share == 0.125);
  CHECK(c.boilerplate.remove_patterns);
  CHECK(c.keep == KeepPolicy::kField);
  CHECK(c.keep_field == "date");
  CHECK(c.min_tandem_words == 9);
}

TEST_CASE("another tool's report needs only ids and spans when not asked for neardup's") {
  const std::string json = R"({"params": {"threshold": 0.7},
    "document_clusters": [{"kept": "x", "removed": [{"id": "y"}]}],
    "passages": [{"doc": "x", "start": 3, "end": 9, "rule": "repeat-within"}]})";
  std::vector<std::string> params;
  const absl::StatusOr<Report> r =
      ReadReportJson(json, "r.json", {.neardup_only = false, .params_found = &params});
  REQUIRE(r.ok());
  CHECK(params == std::vector<std::string>{"threshold"});
  CHECK(r->config.threshold == 0.7);
  CHECK(r->config.num_perm == Config().num_perm);  // not in the report: the default
  CHECK(r->passages[0].removed);                   // "removed" left out
  CHECK_FALSE(r->passages[0].has_copy);
  SUBCASE("neardup's own reports need the header and the fingerprints") {
    const absl::StatusOr<Report> strict = Read(json);
    REQUIRE_FALSE(strict.ok());
    CHECK(std::string(strict.status().message()).find("schema") != std::string::npos);
  }
}

TEST_CASE("a malformed report is an error naming the file and what is wrong") {
  const std::string header = R"({"neardup": {"schema": 1}, )";
  const struct {
    std::string json;
    const char* message;
  } cases[] = {
      {"not json", "r.json: not a neardup report"},
      {R"({"neardup": {"schema": 2}, "document_clusters": [], "passages": []})", "schema 2, expected 1"},
      {header + R"("passages": []})", "\"document_clusters\""},
      {header + R"("document_clusters": []})", "\"passages\""},
      {header + R"("document_clusters": [{"removed": []}], "passages": []})", "\"kept\""},
      {header + R"("document_clusters": [], "passages": [{"doc": "a", "start": 0, "end": 1, "rule": "x",)"
                R"( "fingerprint": "0000000000000001"}]})",
       "unknown passage rule \"x\""},
      {header + R"("document_clusters": [], "passages": [{"doc": "a", "start": "0", "end": 1,)"
                R"( "rule": "boilerplate", "fingerprint": "0000000000000001"}]})",
       "\"start\" has the wrong type"},
      {header + R"("document_clusters": [{"kept": "a", "removed": [{"id": "b", "match": "fuzzy",)"
                R"( "fingerprint": "0000000000000001"}]}], "passages": []})",
       "unknown document match \"fuzzy\""},
      {header + R"("params": {"keep": "newest"}, "document_clusters": [], "passages": []})", "\"keep\""},
      {header + R"("params": {"cross_doc": "maybe"}, "document_clusters": [], "passages": []})", "\"maybe\""},
      {header + R"("params": {"num_perm": 5000000000}, "document_clusters": [], "passages": []})",
       "\"num_perm\" has the wrong type"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.json);
    const absl::StatusOr<Report> r = Read(c.json);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK(std::string(r.status().message()).find(c.message) != std::string::npos);
  }
}

}  // namespace
}  // namespace neardup
