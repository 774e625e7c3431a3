// Issue 3 acceptance: each passage rule on a small hand-made corpus (tests/data/issue3), with the
// exact removed spans and every other byte kept.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "cli/run_binary.h"

namespace neardup::testing {
namespace {

std::string Fixture(const std::string& name) { return SourcePath("tests/data/issue3/" + name); }



struct Span {
  std::string doc;
  uint64_t start, end;
  std::string rule;
  bool removed;
  friend bool operator==(const Span&, const Span&) = default;
};

std::vector<Span> Passages(const std::string& report_path) {
  const Report report = LoadReport(report_path);
  std::vector<Span> out;
  for (const PassageFinding& p : report.passages) {
    out.push_back({std::string(report.ids[p.doc]), p.start, p.end, RuleName(p.rule), p.removed});
  }
  return out;
}

RunResult Clean(const std::string& input, const std::string& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"clean", input, "-o", out};
  args.insert(args.end(), extra.begin(), extra.end());
  RunResult r = RunNeardup(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

}  // namespace

TEST_CASE("boilerplate lines of a site are removed from every page, the first included") {
  TempDir dir;
  Clean(Fixture("boilerplate"), dir / "out");
  // site-a: SHARE (p1, p2, p3), "tulis komentar anda" (p1, p2, p4), "Scroll to Top" (p1, p2, p3):
  // each in 3 of the site's 4 pages. site-b has SHARE once: not boilerplate there.
  const std::vector<std::pair<std::string, std::set<int>>> expected{
      {"site-a/p1.txt", {3, 4, 5}}, {"site-a/p2.txt", {3, 4, 5}}, {"site-a/p3.txt", {3, 4}},
      {"site-a/p4.txt", {3}},       {"site-b/q1.txt", {}},        {"site-b/q2.txt", {}}};
  std::vector<Span> spans;
  for (const auto& [doc, lines] : expected) {
    const std::string input = ReadFile(Fixture("boilerplate/" + doc));
    CHECK(ReadFile(dir / ("out/" + doc)) == WithoutLines(input, lines));
    for (int line : lines) {
      spans.push_back({doc, LineStart(input, line), LineStart(input, line + 1), "boilerplate", true});
    }
  }
  CHECK(Passages(dir / "out/report.json") == spans);
  std::vector<std::string> texts;
  for (const BoilerplateEntry& b : LoadReport(dir / "out/report.json").boilerplate) {
    CHECK(b.source.ends_with("site-a"));
    CHECK(b.documents == 3);
    CHECK(b.source_documents == 4);
    texts.push_back(b.text);
  }
  CHECK(texts == std::vector<std::string>{"SHARE", "tulis komentar anda", "Scroll to Top"});
}

TEST_CASE("a quoted wire paragraph shared by two outlets is reported, and removed on request") {
  const std::string a = ReadFile(Fixture("quote/outlet-a/blinken.txt"));
  const std::string b = ReadFile(Fixture("quote/outlet-b/korut.txt"));
  SUBCASE("--cross-doc report (default) keeps every byte and names the copy") {
    TempDir dir;
    Clean(Fixture("quote"), dir / "out");
    CHECK(ReadFile(dir / "out/outlet-a/blinken.txt") == a);
    CHECK(ReadFile(dir / "out/outlet-b/korut.txt") == b);
    CHECK(Passages(dir / "out/report.json") ==
          std::vector<Span>{{"outlet-b/korut.txt", LineStart(b, 3), LineStart(b, 4), "repeat-across", false}});
    const Report report = LoadReport(dir / "out/report.json");
    REQUIRE(report.passages.size() == 1);
    const PassageFinding& p = report.passages[0];
    CHECK(report.ids[p.copy_doc] == "outlet-a/blinken.txt");
    CHECK(p.copy_start == LineStart(a, 3));
    CHECK(p.copy_end == LineStart(a, 4) - 1);
    // 22 words, word 2 changed: 18 of 22 distinct word 3-grams shared.
    CHECK(p.similarity == doctest::Approx(18.0 / 22.0));
  }
  SUBCASE("--cross-doc remove takes it out of the later article only") {
    TempDir dir;
    Clean(Fixture("quote"), dir / "out", {"--cross-doc", "remove"});
    CHECK(ReadFile(dir / "out/outlet-a/blinken.txt") == a);
    CHECK(ReadFile(dir / "out/outlet-b/korut.txt") == WithoutLines(b, {3}));
  }
}

TEST_CASE("a truncated reprint is a duplicate by containment, even when it comes first") {
  const std::string full = ReadFile(Fixture("reprint/wire/b_full.txt"));
  SUBCASE("with --containment 0.9") {
    TempDir dir;
    Clean(Fixture("reprint"), dir / "out", {"--containment", "0.9"});
    std::vector<std::string> names;
    for (const auto& [name, bytes] : ReadTree(dir.path() / "out")) names.push_back(name);
    CHECK(names == std::vector<std::string>{"report.json", "wire/b_full.txt"});
    CHECK(ReadFile(dir / "out/wire/b_full.txt") == full);
    const std::string report = ReadFile(dir / "out/report.json");
    CHECK(report.find("\"match\": \"containment\"") != std::string::npos);
  }
  SUBCASE("without it, Jaccard alone keeps both") {
    TempDir dir;
    Clean(Fixture("reprint"), dir / "out");
    CHECK(ReadTree(dir.path() / "out").size() == 3);
  }
}

TEST_CASE("a glued body pasted twice loses its second copy") {
  const std::string title = "Satelit mata-mata Korut\n";
  const std::string editor = "Editor: Redaksi\n";
  SUBCASE("copies joined at a sentence end") {
    const std::string input = ReadFile(Fixture("glued-sentences/article.txt"));
    const size_t line_end = input.find('\n', title.size());
    const size_t copy = (line_end - title.size()) / 2;  // two equal copies
    const std::string body = input.substr(title.size(), copy);
    REQUIRE(input == title + body + body + "\n" + editor);
    TempDir dir;
    Clean(Fixture("glued-sentences"), dir / "out");
    CHECK(ReadFile(dir / "out/article.txt") == title + body + "\n" + editor);
  }
  SUBCASE("the copy starting mid-sentence keeps that sentence whole; the sentences after it go") {
    // "... terakhir dan Korut sedang bersiap ... di orbit." holds the start of the second copy,
    // but it is one sentence with words of its own ("... terakhir dan"): it stays whole. The
    // three sentences after it repeat the body's second to fourth (one word changed) and go.
    const std::string input = ReadFile(Fixture("glued-midsentence/article.txt"));
    const size_t joint = input.find(" dan Korut");
    REQUIRE(joint != std::string::npos);
    const size_t kept_end = input.find("orbit.", joint) + 6;
    TempDir dir;
    Clean(Fixture("glued-midsentence"), dir / "out");
    CHECK(ReadFile(dir / "out/article.txt") == input.substr(0, kept_end) + "\n" + editor);
    const auto spans = Passages(dir / "out/report.json");
    REQUIRE(spans.size() == 1);
    CHECK(spans.front().start == kept_end);
    CHECK(spans.back().end == input.find('\n', joint));
  }
}

TEST_CASE("a caption pasted twice with nothing between, on a short line, loses its second copy") {
  // A line of 234 bytes, far under the long-line limit, that repeats most of its own words.
  const std::string title = "Blinken di Jakarta\n";
  const std::string caption =
      "Foto: Menteri Luar Negeri AS Antony Blinken berbicara kepada wartawan di Jakarta, Kamis (13/7/2023). "
      "(ANTARA/Reuters)";
  const std::string editor = "Editor: Redaksi\n";
  REQUIRE(ReadFile(Fixture("glued-caption/article.txt")) == title + caption + caption + "\n" + editor);
  TempDir dir;
  Clean(Fixture("glued-caption"), dir / "out");
  CHECK(ReadFile(dir / "out/article.txt") == title + caption + "\n" + editor);
  const auto spans = Passages(dir / "out/report.json");
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].rule == "repeat-within");
  CHECK(spans[0].start == title.size() + caption.size());
  CHECK(spans[0].end == title.size() + 2 * caption.size());
}

TEST_CASE("a templated 'Baca Juga: ...' line is reported as a pattern, removed on request") {
  const std::vector<std::string> docs{"t1.txt", "t2.txt", "t3.txt", "t4.txt", "t5.txt"};
  SUBCASE("default: reported; the identical 'Sumber' line is plain boilerplate and goes") {
    TempDir dir;
    Clean(Fixture("template"), dir / "out");
    for (const auto& doc : docs) {
      CAPTURE(doc);
      CHECK(ReadFile(dir / ("out/site/" + doc)) == WithoutLines(ReadFile(Fixture("template/site/" + doc)), {4}));
    }
    const std::string report = ReadFile(dir / "out/report.json");
    CHECK(report.find("\"text\": \"baca juga …\"") != std::string::npos);
    CHECK(report.find("\"kind\": \"pattern\"") != std::string::npos);
    const auto spans = Passages(dir / "out/report.json");
    CHECK(std::count_if(spans.begin(), spans.end(), [](const Span& s) {
            return s.rule == "boilerplate-pattern" && !s.removed;
          }) == 5);
  }
  SUBCASE("--boilerplate-patterns remove") {
    TempDir dir;
    Clean(Fixture("template"), dir / "out", {"--boilerplate-patterns", "remove"});
    for (const auto& doc : docs) {
      CAPTURE(doc);
      CHECK(ReadFile(dir / ("out/site/" + doc)) == WithoutLines(ReadFile(Fixture("template/site/" + doc)), {3, 4}));
    }
  }
}

TEST_CASE("the seed articles share nothing: the foundation result is unchanged") {
  const RunResult r = RunNeardup({"report", SourcePath("corpus/seeds")});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("repeat-across") != std::string::npos);  // the per-rule totals name it...
  CHECK(r.out.find("\"rule\": \"repeat-across\"") == std::string::npos);  // ...but no passage has it
  CHECK(r.out.find("\"rule\": \"boilerplate") == std::string::npos);
  CHECK(r.out.find("\"boilerplate\": []") != std::string::npos);
}

}  // namespace neardup::testing
