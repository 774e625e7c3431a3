// `neardup check` end to end: gates at their boundaries with their exit codes, baselines across
// added and renamed files, the JUnit file, GitHub annotations and the Markdown summary.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "cli/run_binary.h"

namespace neardup::testing {
namespace {

namespace fs = std::filesystem;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

RunResult Check(std::vector<std::string> args) {
  args.insert(args.begin(), "check");
  return RunNeardup(args);
}

std::string Seeds() { return SourcePath("corpus/seeds"); }

// The seed articles copied into `dir`, each under the name `rename` gives it.
void CopySeeds(const fs::path& dir, const std::function<std::string(const std::string&)>& rename) {
  for (const auto& [name, bytes] : ReadTree(Seeds())) WriteFile(dir / rename(name), bytes);
}

// removed bytes / bytes (or a rule's removed bytes / bytes) of a report made by `neardup report`.
double ReportRatio(const std::string& input, const char* rule = nullptr) {
  const RunResult run = RunNeardup({"report", input});
  REQUIRE(run.exit_code == 0);
  const ReportStats stats = ParseReport(run.out).stats;
  uint64_t removed = stats.removed_bytes();
  for (int r = 0; r < kNumPassageRules; ++r) {
    if (rule != nullptr && std::string_view(RuleName(static_cast<PassageRule>(r))) == rule) {
      removed = stats.rules[r].removed_bytes;
    }
  }
  return static_cast<double>(removed) / static_cast<double>(stats.bytes);
}

std::string Exact(double value) { return absl::StrFormat("%.17g", value); }

// Runs a Python 3 snippet on `path`; nullopt when python3 is not available.
std::optional<std::string> Python(const std::string& script, const std::string& path) {
  if (std::system("command -v python3 | grep -q .") != 0) return std::nullopt;
  TempDir dir;
  WriteFile(dir / "script.py", script);
  const std::string command = "python3 '" + (dir / "script.py") + "' '" + path + "' > '" + (dir / "out") + "' 2>&1";
  const int status = std::system(command.c_str());
  std::string out = ReadFile(dir / "out");
  if (status != 0) out = "python failed: " + out;
  return out;
}

size_t LineStart(const std::string& text, uint64_t line) {
  size_t pos = 0;
  for (uint64_t n = 1; n < line; ++n) pos = text.find('\n', pos) + 1;
  return pos;
}

}  // namespace

TEST_CASE("each gate holds at its limit and fails just past it: exit 0, then 1") {
  TempDir dir;
  CopySeeds(dir / "dup", [](const std::string& name) { return name; });
  WriteFile(dir / "dup/005_copy.txt", ReadFile(Seeds() + "/001_e7980f4a9b939638.txt"));
  const double dup_ratio = ReportRatio(Seeds());
  const std::string boilerplate = SourcePath("tests/data/issue3/boilerplate");
  const double boilerplate_ratio = ReportRatio(boilerplate, "boilerplate");
  REQUIRE(boilerplate_ratio > 0);
  const struct {
    std::string input, flag, at, past;
  } gates[] = {
      {dir / "dup", "--max-dup-docs", "1", "0"},
      {Seeds(), "--max-passages", "11", "10"},
      {Seeds(), "--max-dup-ratio", Exact(dup_ratio), Exact(dup_ratio - 1e-9)},
      {Seeds(), "--max-dup-ratio", "0.1295", "0.1294"},
      {boilerplate, "--max-boilerplate-ratio", Exact(boilerplate_ratio), Exact(boilerplate_ratio - 1e-9)},
  };
  for (const auto& g : gates) {
    CAPTURE(g.flag);
    const RunResult at = Check({g.input, g.flag, g.at});
    INFO(at.err);
    CHECK(at.exit_code == 0);
    CHECK(Contains(at.out, "  pass\n"));
    CHECK(Contains(at.out, "check passed: 1 of 1 gates hold"));
    const RunResult past = Check({g.input, g.flag, g.past});
    CHECK(past.exit_code == 1);
    CHECK(Contains(past.out, "  FAIL\n"));
    CHECK(Contains(past.out, "check FAILED: 1 of 1 gates over their limits"));
    CHECK(past.err.empty());
  }
}

TEST_CASE("the summary table lists every gate, then the worst offenders with ids and lines") {
  const RunResult run = Check({Seeds(), "--max-dup-docs", "0", "--max-passages", "5", "--max-dup-ratio", "0.5",
                               "--max-boilerplate-ratio", "0"});
  CHECK(run.exit_code == 1);
  CHECK(Contains(run.out, "max-dup-docs                    0          0  pass\n"));
  CHECK(Contains(run.out, "max-dup-ratio              0.1295     0.5000  pass\n"));
  CHECK(Contains(run.out, "max-passages                   11          5  FAIL\n"));
  CHECK(Contains(run.out, "max-boilerplate-ratio      0.0000     0.0000  pass\n"));
  CHECK(Contains(run.out, "11 findings count against the gates; the 10 largest:"));
  CHECK(Contains(run.out, "     295  002_be7c9fe0555141bb.txt             14  repeat-within: 295 bytes"));
  CHECK_FALSE(Contains(run.out, "003_49575702d7fbbacb.txt"));  // the smallest, 11th
}

TEST_CASE("without limits nothing may be found") {
  CHECK(Check({Seeds()}).exit_code == 1);
  TempDir dir;
  WriteFile(dir / "a.txt", "one text\n");
  WriteFile(dir / "b.txt", "another, different text\n");
  const RunResult clean = Check({dir.path().string()});
  CHECK(clean.exit_code == 0);
  CHECK(Contains(clean.out, "0 findings count against the gates."));
}

TEST_CASE("usage and input errors exit with 2") {
  TempDir dir;
  WriteFile(dir / "not-a-report.json", "{\"hello\": 1}");
  const std::vector<std::vector<std::string>> cases{
      {Seeds(), "--max-dup-ratio", "1.5"},
      {Seeds(), "--max-passages", "many"},
      {Seeds(), "--annotations", "gitlab"},
      {dir / "missing"},
      {Seeds(), "--baseline", dir / "missing.json"},
      {Seeds(), "--baseline", dir / "not-a-report.json"},
      {Seeds(), "--junit", "/proc/no/such/dir/junit.xml"},
  };
  for (const auto& args : cases) {
    CAPTURE(args.back());
    const RunResult run = Check(args);
    CHECK(run.exit_code == 2);
    CHECK(Contains(run.err, "neardup: "));
  }
}

TEST_CASE("with a baseline the same corpus passes, and one added duplicate file fails") {
  TempDir dir;
  const std::string baseline = dir / "baseline.json";
  REQUIRE(RunNeardup({"report", Seeds(), "-o", baseline}).exit_code == 0);
  const RunResult same = Check({Seeds(), "--baseline", baseline});
  INFO(same.err);
  CHECK(same.exit_code == 0);
  CHECK(Contains(same.out, "0 findings count against the gates (11 more are in the baseline)."));

  CopySeeds(dir / "corpus", [](const std::string& name) { return name; });
  WriteFile(dir / "corpus/010_again.txt", ReadFile(Seeds() + "/004_1742510e8f838e75.txt"));
  const RunResult added = Check({dir / "corpus", "--baseline", baseline});
  CHECK(added.exit_code == 1);
  CHECK(Contains(added.out, "max-dup-docs                    1          0  FAIL\n"));
  CHECK(Contains(added.out, "010_again.txt"));
  CHECK(Contains(added.out, "1 findings count against the gates (11 more are in the baseline)"));

  SUBCASE("a baseline written by clean works the same") {
    REQUIRE(RunNeardup({"clean", Seeds(), "-o", dir / "cleaned"}).exit_code == 0);
    CHECK(Check({Seeds(), "--baseline", dir / "cleaned/report.json"}).exit_code == 0);
    CHECK(Check({dir / "corpus", "--baseline", dir / "cleaned/report.json"}).exit_code == 1);
  }
}

TEST_CASE("after files are renamed and reordered, the baseline still matches") {
  TempDir dir;
  // Before: the seeds plus an exact copy and a near copy (one word changed) sorting last.
  CopySeeds(dir / "before", [](const std::string& name) { return name; });
  const std::string original = ReadFile(Seeds() + "/001_e7980f4a9b939638.txt");
  std::string near = original;
  near.replace(near.find(' '), 1, " extra ");
  WriteFile(dir / "before/zz_copy.txt", original);
  WriteFile(dir / "before/zz_near.txt", near);
  REQUIRE(RunNeardup({"report", dir / "before", "-o", dir / "baseline.json"}).exit_code == 0);
  // After: every file renamed into another directory, the copies now first in input order, so
  // that they are kept and the originals are the ones found duplicated.
  CopySeeds(dir / "after", [](const std::string& name) { return "renamed/x_" + name.substr(4); });
  WriteFile(dir / "after/a_copy.txt", original);
  WriteFile(dir / "after/a_near.txt", near);
  const RunResult before = Check({dir / "before", "--max-dup-docs", "0"});
  CHECK(before.exit_code == 1);
  const RunResult after = Check({dir / "after", "--baseline", dir / "baseline.json"});
  INFO(after.out);
  CHECK(after.exit_code == 0);
  CHECK(Contains(after.out, "0 findings count against the gates (13 more are in the baseline)."));
}

TEST_CASE("the JUnit file is well-formed XML with a test case per gate and a failure per offending document") {
  TempDir dir;
  const RunResult run = Check({Seeds(), "--max-passages", "10", "--max-dup-docs", "0", "--junit", dir / "junit.xml"});
  CHECK(run.exit_code == 1);
  const std::string xml = ReadFile(dir / "junit.xml");
  CHECK(Contains(xml, "<testsuites name=\"neardup check\" tests=\"5\" failures=\"4\" errors=\"0\">"));
  const std::optional<std::string> parsed = Python(R"py(
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(root.tag, root.get("tests"), root.get("failures"))
for suite in root.findall("testsuite"):
    cases = suite.findall("testcase")
    failures = sum(len(c.findall("failure")) for c in cases)
    print(suite.get("name"), suite.get("tests"), suite.get("failures"), len(cases), failures,
          ",".join(c.get("name") for c in cases))
)py", dir / "junit.xml");
  if (!parsed) {
    MESSAGE("python3 is not installed: JUnit well-formedness not checked by a parser");
    return;
  }
  CHECK(*parsed ==
        "testsuites 5 4\n"
        "neardup.gates 2 1 2 1 max-dup-docs,max-passages\n"
        "neardup.documents 3 3 3 3 000_b9d3ea24bde2993c.txt,002_be7c9fe0555141bb.txt,003_49575702d7fbbacb.txt\n");
  REQUIRE(Check({Seeds(), "--max-passages", "11", "--junit", dir / "pass.xml"}).exit_code == 0);
  CHECK(*Python("import sys, xml.etree.ElementTree as ET\nr = ET.parse(sys.argv[1]).getroot()\n"
                "print(r.get('tests'), r.get('failures'), len(list(r.iter('testcase'))), len(list(r.iter('failure'))))\n",
                dir / "pass.xml") == "1 0 1 0\n");
}

TEST_CASE("GitHub annotations point at the file and line of each finding") {
  TempDir dir;
  const RunResult report = RunNeardup({"report", Seeds()});
  REQUIRE(report.exit_code == 0);
  const RunResult run = Check({Seeds(), "--max-passages", "20", "--annotations", "github"});
  CHECK(run.exit_code == 0);
  std::vector<std::string> annotations;
  for (const std::string& line : SplitLines(run.out)) {
    if (line.rfind("::warning ", 0) == 0) annotations.push_back(line);
  }
  const Report parsed = ParseReport(report.out);
  REQUIRE(annotations.size() == parsed.passages.size());
  size_t i = 0;
  for (const PassageFinding& p : parsed.passages) {
    const std::string path = Seeds() + "/" + std::string(parsed.ids[p.doc]);
    const std::string& a = annotations[i++];
    CAPTURE(a);
    const std::string prefix = "::warning file=" + path + ",line=";
    REQUIRE(a.rfind(prefix, 0) == 0);
    const uint64_t line = std::stoull(a.substr(prefix.size()));
    CHECK(Contains(a, "::neardup repeat-within: "));
    // The line named is the one where the removed bytes start.
    CHECK(LineStart(ReadFile(path), line) == p.start);
  }
  SUBCASE("annotations are printed even with --quiet, and nothing else") {
    const RunResult quiet = Check({Seeds(), "--annotations", "github", "--quiet"});
    CHECK(quiet.exit_code == 1);
    CHECK(SplitLines(quiet.out).size() == 11);
    CHECK(quiet.err.empty());
  }
}

TEST_CASE("annotations of JSONL records name the file and the record's line") {
  TempDir dir;
  const std::string text = "A first paragraph with enough words to be a document of its own here.\\n"
                           "A second line that the writer pasted twice, with enough words too.\\n";
  WriteFile(dir / "data.jsonl",
            "{\"id\": \"a\", \"text\": \"" + text + "\"}\n\n"  // line 2 is blank
            "{\"id\": \"b\", \"text\": \"" + text + "\"}\n"
            "{\"id\": \"c\", \"text\": \"Something else entirely.\\n"
            "A line repeated in the same record, quite long.\\n"
            "A line repeated in the same record, quite long.\\n\"}\n");
  const RunResult run = Check({dir / "data.jsonl", "--annotations", "github", "--quiet"});
  CHECK(run.exit_code == 1);
  const std::string file = "::warning file=" + (dir / "data.jsonl");
  CHECK(SplitLines(run.out) ==
        std::vector<std::string>{
            file + ",line=3::neardup duplicate document of a (exact, similarity 1), 137 bytes\n",
            file + ",line=4::neardup repeat-within: 48 bytes, a copy of bytes 25-72 of the same document "
                   "(similarity 1)\n"});
}

TEST_CASE("--markdown writes the summary table for a CI job summary") {
  TempDir dir;
  const RunResult run = Check({Seeds(), "--max-passages", "10", "--markdown", dir / "summary.md", "--quiet"});
  CHECK(run.exit_code == 1);
  CHECK(run.out.empty());
  const std::string md = ReadFile(dir / "summary.md");
  CHECK(md.rfind("## neardup check: FAILED\n", 0) == 0);
  CHECK(Contains(md, "| `--max-passages` | removed passages | 11 | 10 | **FAIL** |\n"));
  // '_' is escaped in Markdown, so that ids never turn into emphasis.
  CHECK(Contains(md, "| 295 | 002\\_be7c9fe0555141bb.txt | 14 | repeat-within: 295 bytes"));
}

}  // namespace neardup::testing
