#include "neardup/engine/pipeline.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "neardup/base/hash.h"

namespace neardup {
namespace {

// 200 distinct words on one line: 196 word 5-grams.
std::vector<std::string> BaseWords() {
  std::vector<std::string> words;
  for (int i = 0; i < 200; ++i) words.push_back("word" + std::to_string(i));
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Replaces the words at `positions` (each at least 5 apart and at least 4 from either end, so that
// every substitution changes exactly 5 shingles of its own). With m substitutions the two texts
// share 196 - 5m of their 196 shingles: J = (196 - 5m) / (196 + 5m).
std::vector<std::string> Substitute(std::vector<std::string> words, const std::vector<int>& positions) {
  for (int p : positions) words[static_cast<size_t>(p)] = "other" + std::to_string(p);
  return words;
}

std::vector<int> Positions(int m, int offset) {
  std::vector<int> out;
  for (int i = 0; i < m; ++i) out.push_back(10 + offset + 15 * i);
  return out;
}

Report Run(std::vector<std::string> texts, int threads = 1, uint64_t seed = 1,
           size_t spill_memory_bytes = Config{}.spill_memory_bytes) {
  Config config;
  config.threads = threads;
  config.seed = seed;
  config.spill_memory_bytes = spill_memory_bytes;
  auto report = Deduplicate(MemorySource::FromTexts(std::move(texts)), config, nullptr);
  REQUIRE(report.ok());
  return *std::move(report);
}

}  // namespace

TEST_CASE("near duplicates above the threshold are removed with their exact similarity") {
  const auto base = BaseWords();
  for (int m : {1, 2, 3}) {
    CAPTURE(m);
    const Report r = Run({Join(base), Join(Substitute(base, Positions(m, 0)))});
    REQUIRE(r.clusters.size() == 1);
    CHECK(r.clusters[0].kept == 0);
    REQUIRE(r.clusters[0].removed.size() == 1);
    CHECK(r.clusters[0].removed[0].doc == 1);
    CHECK(r.clusters[0].removed[0].similarity == doctest::Approx((196.0 - 5 * m) / (196.0 + 5 * m)));
    CHECK(r.stats.duplicate_documents == 1);
  }
}

TEST_CASE("pairs below the threshold are kept") {
  const auto base = BaseWords();
  // m = 5: J = 171 / 221 = 0.774; m = 10: J = 146 / 246 = 0.593.
  for (int m : {5, 10, 12}) {
    CAPTURE(m);
    const Report r = Run({Join(base), Join(Substitute(base, Positions(m, 0)))});
    CHECK(r.clusters.empty());
    CHECK(r.stats.duplicate_documents == 0);
  }
}

TEST_CASE("no chaining: C is kept when it matches only a removed B") {
  const auto a = BaseWords();
  const auto b = Substitute(a, Positions(3, 0));  // J(A, B) = 181 / 211 = 0.858
  const auto c = Substitute(b, Positions(3, 5));  // J(B, C) = 0.858; J(A, C) = 166 / 226 = 0.735
  const Report r = Run({Join(a), Join(b), Join(c)});
  REQUIRE(r.clusters.size() == 1);
  REQUIRE(r.clusters[0].removed.size() == 1);
  CHECK(r.clusters[0].removed[0].doc == 1);
}

TEST_CASE("exact duplicates after normalization are removed, the first copy kept") {
  const std::string text = Join(BaseWords());
  std::string shouted = text;
  for (char& ch : shouted) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  const Report r = Run({"unrelated text entirely", text, shouted + "!!", text});
  REQUIRE(r.clusters.size() == 1);
  CHECK(r.clusters[0].kept == 1);
  REQUIRE(r.clusters[0].removed.size() == 2);
  CHECK(r.clusters[0].removed[0].doc == 2);
  CHECK(r.clusters[0].removed[1].doc == 3);
  CHECK(r.clusters[0].removed[1].similarity == 1.0);
}

TEST_CASE("an exact copy of a removed near duplicate goes to the kept document") {
  const auto a = BaseWords();
  const std::string b = Join(Substitute(a, Positions(2, 0)));
  const Report r = Run({Join(a), b, b});
  REQUIRE(r.clusters.size() == 1);
  REQUIRE(r.clusters[0].removed.size() == 2);
  CHECK(r.clusters[0].removed[1].doc == 2);
  CHECK(r.clusters[0].removed[1].similarity == doctest::Approx(186.0 / 206.0));
}

TEST_CASE("repeated passages of removed documents are not reported") {
  const std::string text = "a line that repeats\na line that repeats\n";
  const Report r = Run({text, text});
  CHECK(r.stats.duplicate_documents == 1);
  REQUIRE(r.passages.size() == 1);
  CHECK(r.passages[0].doc == 0);
}

TEST_CASE("the report is the same bytes for any thread count, and for the same seed") {
  std::vector<std::string> texts;
  uint64_t state = 5;
  const auto base = BaseWords();
  for (int i = 0; i < 300; ++i) {
    const int kind = static_cast<int>(SplitMix64(state) % 4);
    std::vector<int> where{static_cast<int>(10 + SplitMix64(state) % 180)};
    if (kind == 0) {
      texts.push_back(Join(Substitute(base, where)));
    } else {
      texts.push_back("doc " + std::to_string(i) + " has its own words " + std::to_string(SplitMix64(state)) +
                      "\nand a line\nand a line\n");
    }
  }
  const std::string one = ReportToJson(Run(texts, 1));
  CHECK(one == ReportToJson(Run(texts, 2)));
  CHECK(one == ReportToJson(Run(texts, 7)));
  CHECK(one == ReportToJson(Run(texts, 1, /*seed=*/1)));
}

TEST_CASE("the report is the same whether the run spills to disk or not") {
  // Every kind of finding: duplicate and near-duplicate documents, repeats within and across
  // documents, boilerplate. With 1 KB of memory per spill, every spill file and partition goes to
  // disk many times over.
  std::vector<std::string> texts;
  uint64_t state = 9;
  const auto base = BaseWords();
  const std::string quote = "the minister said the talks would focus on security and trade this week";
  for (int i = 0; i < 400; ++i) {
    std::string text = "headline " + std::to_string(i) + " " + std::to_string(SplitMix64(state)) + "\n";
    switch (SplitMix64(state) % 5) {
      case 0: text += Join(Substitute(base, {static_cast<int>(10 + SplitMix64(state) % 180)})) + "\n"; break;
      // In under 5% of the documents, so a repeat across documents and not boilerplate.
      case 1: text += (i % 4 == 1 ? quote : "unquoted " + std::to_string(SplitMix64(state))) + "\n"; break;
      case 2: text += "a paragraph said twice in this document " + std::to_string(i) + "\n"; text += text; break;
      default: text += "words of its own " + std::to_string(SplitMix64(state)) + " and more\n";
    }
    text += "SHARE\n";
    texts.push_back(text);
  }
  const Report in_memory = Run(texts, 1);
  CHECK(in_memory.stats.duplicate_documents > 0);
  CHECK(in_memory.stats.rules[static_cast<int>(PassageRule::kRepeatAcross)].passages > 0);
  CHECK(in_memory.stats.rules[static_cast<int>(PassageRule::kBoilerplate)].passages > 0);
  const std::string expected = ReportToJson(in_memory);
  CHECK(expected == ReportToJson(Run(texts, 1, 1, /*spill_memory_bytes=*/1024)));
  CHECK(expected == ReportToJson(Run(texts, 2, 1, /*spill_memory_bytes=*/1024)));
}

TEST_CASE("empty documents are processed: the second empty one is an exact duplicate") {
  const Report r = Run({"", "some text here", ""});
  CHECK(r.stats.documents == 3);
  REQUIRE(r.clusters.size() == 1);
  CHECK(r.clusters[0].kept == 0);
}

TEST_CASE("clean edits drop removed documents and cut removed passages") {
  const std::string text = "kept line\nrepeated line\nrepeated line\n";
  const Report r = Run({text, text});
  const auto edits = CleanEdits(r);
  REQUIRE(edits.size() == 2);
  CHECK_FALSE(edits[0].drop);
  REQUIRE(edits[0].cuts.size() == 1);
  CHECK(edits[0].cuts[0] == std::pair<size_t, size_t>{24, 38});
  CHECK(edits[1].drop);
}

}  // namespace neardup
