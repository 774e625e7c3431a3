// The public interface alone: this test sees include/neardup/ and links neardup::neardup, as a
// program built against the installed library does (tests/check_layering.py keeps it that way).
#include <neardup/neardup.h>

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace {

const std::string kHeadline = "Ministers met in Jakarta on Monday to discuss the new trade agreement\n";
const std::string kTariffs = "The agreement lowers tariffs on rice, palm oil and textiles over five years\n";
const std::string kSpring = "Officials said the first cuts would take effect in the spring of next year\n";

// 200 distinct words; with the word at `changed` replaced (0 <= changed: 5 of its 196 word 5-grams
// change), the two texts have Jaccard 191 / 201.
std::string Words(int changed = -1) {
  std::string out;
  // Appended piece by piece: g++ 12 at -O3 takes `"word" + std::to_string(i)` inside a longer
  // concatenation for an overlapping memcpy (-Werror=restrict, a false positive).
  for (int i = 0; i < 200; ++i) {
    if (i > 0) out += ' ';
    if (i == changed) {
      out += "other";
    } else {
      out += "word";
      out += std::to_string(i);
    }
  }
  return out;
}

// Document 0: an article whose second line is pasted again at its end. Documents 1 and 2: the
// same 200 words but one.
neardup::MemorySource Corpus() {
  return neardup::MemorySource::FromTexts({kHeadline + kTariffs + kSpring + kTariffs, Words(), Words(100)});
}

neardup::Report Run(const neardup::DocumentSource& corpus, const neardup::ProgressFn& progress = nullptr) {
  neardup::Config config;
  config.threads = 2;
  absl::StatusOr<neardup::Report> report = neardup::Deduplicate(corpus, config, progress);
  REQUIRE_MESSAGE(report.ok(), std::string(report.status().message()));
  return *std::move(report);
}

TEST_CASE("a near-duplicate document is found and named with the document kept in its place") {
  const neardup::Report report = Run(Corpus());
  REQUIRE(report.clusters.size() == 1);
  const neardup::DocumentCluster& cluster = report.clusters[0];
  CHECK(report.ids[cluster.kept] == "1");
  REQUIRE(cluster.removed.size() == 1);
  CHECK(report.ids[cluster.removed[0].doc] == "2");
  CHECK(cluster.removed[0].match == neardup::DocumentMatch::kJaccard);
  CHECK(cluster.removed[0].similarity == doctest::Approx(191.0 / 201.0));
  CHECK(report.stats.documents == 3);
  CHECK(report.stats.duplicate_documents == 1);
}

TEST_CASE("a passage pasted twice is removed, and the report names the span it copies") {
  const neardup::Report report = Run(Corpus());
  REQUIRE(report.passages.size() == 1);
  const neardup::PassageFinding& p = report.passages[0];
  CHECK(report.ids[p.doc] == "0");
  CHECK(p.rule == neardup::PassageRule::kRepeatWithin);
  CHECK(p.removed);
  CHECK(p.line == 4);
  CHECK(p.start == kHeadline.size() + kTariffs.size() + kSpring.size());  // the last line, newline included
  CHECK(p.end == p.start + kTariffs.size());
  REQUIRE(p.has_copy);
  CHECK(p.copy_doc == p.doc);
  CHECK(p.copy_start == kHeadline.size());  // the second line, newline excluded
  CHECK(p.copy_end == kHeadline.size() + kTariffs.size() - 1);
  CHECK(p.similarity == 1.0);
}

TEST_CASE("CleanEdits drops the duplicate document and cuts the repeated passage") {
  const std::vector<neardup::DocumentEdit> edits = neardup::CleanEdits(Run(Corpus()));
  REQUIRE(edits.size() == 3);
  CHECK_FALSE(edits[0].drop);
  CHECK_FALSE(edits[1].drop);
  CHECK(edits[2].drop);
  CHECK(edits[1].cuts.empty());
  REQUIRE(edits[0].cuts.size() == 1);
  std::string text = kHeadline + kTariffs + kSpring + kTariffs;
  const auto [start, end] = edits[0].cuts[0];
  text.erase(start, end - start);
  CHECK(text == kHeadline + kTariffs + kSpring);
}

TEST_CASE("progress comes through the callback, and the report through its JSON") {
  std::vector<std::pair<std::string, uint64_t>> calls;
  const neardup::Report report =
      Run(Corpus(), [&](const neardup::Progress& p) { calls.emplace_back(std::string(p.stage), p.documents); });
  REQUIRE_FALSE(calls.empty());
  CHECK(calls.back() == std::pair<std::string, uint64_t>{"verify", 3});
  std::string json;
  neardup::WriteReportJson(report, [&](std::string_view piece) { json.append(piece); });
  const absl::StatusOr<neardup::Report> back = neardup::ReadReportJson(json, "report.json");
  REQUIRE(back.ok());
  REQUIRE(back->clusters.size() == 1);
  CHECK(back->ids[back->clusters[0].removed[0].doc] == "2");
  CHECK(neardup::ReportToJson(*back) == json);
}

TEST_CASE("an invalid config is an error naming the option, not a crash") {
  neardup::Config config;
  config.threshold = 1.5;
  const absl::StatusOr<neardup::Report> report = neardup::Deduplicate(Corpus(), config);
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(std::string(report.status().message()).find("--threshold") != std::string::npos);
}

}  // namespace
