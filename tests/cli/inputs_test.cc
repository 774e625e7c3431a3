// Issue 17, defects 4, 6 and 7 and the input contract: streams as inputs, formats by content,
// checks before the first pass, names that are no UTF-8, and the leniencies and warnings of
// reading JSONL.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "cli/run_binary.h"
#include "neardup/io/atomic_file.h"
#include "neardup/io/byte_stream.h"

namespace neardup::testing {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A corpus whose report is easy to recognize: a repeated line in "a", "b" a copy of "a".
constexpr const char* kCorpus =
    "{\"id\": \"a\", \"text\": \"Judul\\nParagraf yang sama diulang dua kali.\\nParagraf yang sama diulang dua kali.\"}\n"
    "{\"id\": \"b\", \"text\": \"Judul\\nParagraf yang sama diulang dua kali.\\nParagraf yang sama diulang dua kali.\"}\n"
    "{\"id\": \"c\", \"text\": \"Sesuatu yang lain sama sekali\"}\n";

// What the report of kCorpus says, wherever it was read from.
void CheckCorpusReport(const RunResult& run) {
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(Contains(run.out, "\"documents\": 3,"));
  CHECK(Contains(run.out, "\"kept\": \"a\""));
  CHECK(Contains(run.out, "\"removed_passages\": 1,"));
}

void WriteCompressed(const std::string& path, const std::string& bytes, Compression compression) {
  auto file = AtomicFile::Create(path, compression);
  REQUIRE(file.ok());
  REQUIRE((*file)->Write(bytes).ok());
  REQUIRE((*file)->Commit().ok());
}

}  // namespace

TEST_CASE("issue17 defect 4: a FIFO, /dev/stdin and <(...) are read as streams") {
  TempDir dir;
  WriteFile(dir / "corpus.jsonl", kCorpus);
  std::string corpus = "'";  // appended: GCC 12 at -O3 reports a false -Wrestrict on "'" + ...
  corpus += dir / "corpus.jsonl";
  corpus += "'";
  SUBCASE("a FIFO named on the command line") {
    REQUIRE(::mkfifo((dir / "fifo.jsonl").c_str(), 0644) == 0);
    CheckCorpusReport(RunShell("cat " + corpus + " > '" + dir / "fifo.jsonl" + "' &\ntimeout 60 $NEARDUP report '" +
                               dir / "fifo.jsonl" + "' -q"));
  }
  SUBCASE("process substitution") { CheckCorpusReport(RunShell("timeout 60 $NEARDUP report <(cat " + corpus + ") -q")); }
  SUBCASE("/dev/stdin") { CheckCorpusReport(RunShell("timeout 60 $NEARDUP report /dev/stdin -q < " + corpus)); }
  SUBCASE("- with gzip or zstd on stdin") {
    CheckCorpusReport(RunShell("gzip -c " + corpus + " | $NEARDUP report - -q"));
    CheckCorpusReport(RunShell("zstd -q -c " + corpus + " | $NEARDUP report - -q"));
  }
  SUBCASE("clean mirrors a stream under its own name, with its compression") {
    const RunResult run = RunShell("gzip -c " + corpus + " | $NEARDUP clean - -q -o '" + dir / "out" + "'");
    CHECK(run.exit_code == 0);
    const absl::StatusOr<std::string> cleaned = ReadWholeFile(dir / "out/stdin.jsonl.gz", "", Compression::kGzip);
    REQUIRE(cleaned.ok());
    CHECK(SplitLines(*cleaned).size() == 2);
  }
}

TEST_CASE("issue17 the stdin spool goes to --temp-dir and leaves nothing there") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "tmp");
  const RunResult run = RunNeardup({"report", "-", "-q", "--temp-dir", dir / "tmp"}, kCorpus);
  CheckCorpusReport(run);
  CHECK(ReadTree(dir.path() / "tmp").empty());
  SUBCASE("an unwritable --temp-dir is refused before stdin is read") {
    const RunResult bad = RunNeardup({"report", "-", "--temp-dir", dir / "missing"}, kCorpus);
    CHECK(bad.exit_code == 2);
    CHECK(Contains(bad.err, "--temp-dir " + dir / "missing" + ": not a writable directory"));
  }
}

TEST_CASE("files are read by their content: JSONL by '{', compression by magic bytes") {
  TempDir dir;
  SUBCASE(".json and .ndjson hold JSONL") {
    for (const std::string name : {"h.json", "h.ndjson"}) {
      CAPTURE(name);
      WriteFile(dir / name, kCorpus);
      CheckCorpusReport(RunNeardup({"report", dir / name, "-q"}));
    }
  }
  SUBCASE("gzip under a name that does not say so, xz, bzip2 and lz4") {
    WriteCompressed(dir / "h.gz", kCorpus, Compression::kGzip);
    WriteCompressed(dir / "h.jsonl.xz", kCorpus, Compression::kXz);
    WriteCompressed(dir / "h.jsonl.bz2", kCorpus, Compression::kBzip2);
    WriteCompressed(dir / "h.jsonl.lz4", kCorpus, Compression::kLz4);
    for (const std::string name : {"h.gz", "h.jsonl.xz", "h.jsonl.bz2", "h.jsonl.lz4"}) {
      CAPTURE(name);
      CheckCorpusReport(RunNeardup({"report", dir / name, "-q"}));
    }
  }
  SUBCASE("clean writes xz back as xz, readable by xz itself") {
    WriteCompressed(dir / "in/h.jsonl.xz", kCorpus, Compression::kXz);
    REQUIRE(RunNeardup({"clean", dir / "in", "-o", dir / "out", "-q"}).exit_code == 0);
    const RunResult xz = RunShell("xz -dc '" + dir / "out/h.jsonl.xz" + "' | wc -l");
    if (xz.exit_code == 127) {
      MESSAGE("xz is not installed; read back with neardup's own reader only");
    } else {
      CHECK(xz.out == "2\n");
    }
    const absl::StatusOr<std::string> back = ReadWholeFile(dir / "out/h.jsonl.xz", "", Compression::kXz);
    REQUIRE(back.ok());
    CHECK(SplitLines(*back).size() == 2);
  }
  SUBCASE("a text file with any other name is one document") {
    WriteFile(dir / "notes.md", "# A heading\nsome words\n");
    const RunResult run = RunNeardup({"report", dir / "notes.md", "-q"});
    CHECK(run.exit_code == 0);
    CHECK(Contains(run.out, "\"documents\": 1,"));
  }
  SUBCASE("binary formats are refused, naming the format") {
    WriteFile(dir / "image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    WriteFile(dir / "archive.zip", std::string("PK\x03\x04\x14\0\0\0", 8));
    WriteFile(dir / "blob.bin", std::string("abc\0def", 7));
    for (const auto& [name, format] : {std::pair<std::string, std::string>{"image.png", "PNG"},
                                       {"archive.zip", "zip"},
                                       {"blob.bin", "binary"}}) {
      CAPTURE(name);
      const RunResult run = RunNeardup({"report", dir / name});
      CHECK(run.exit_code == 2);
      CHECK(Contains(run.err, "neardup: " + dir / name + ": " + format + " data; neardup reads text and JSONL"));
      CHECK(run.out.empty());
    }
  }
}

TEST_CASE("issue17 defect 6: an unwritable OUTDIR is found before the first pass") {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "some text to read\n");
  std::filesystem::create_directories(dir.path() / "locked");
  ::chmod((dir / "locked").c_str(), 0555);
  // --progress prints its first line as soon as the first documents are read: it must not appear.
  const RunResult run = RunNeardup({"clean", dir / "in", "-o", dir / "locked/out", "--progress"}, "", /*as_nobody=*/true);
  if (geteuid() == 0 && run.exit_code == 0) {
    MESSAGE("skipped: running as root without setpriv, permissions do not apply");
    return;
  }
  CHECK(run.exit_code == 2);
  CHECK(Contains(run.err, "cannot write in directory " + dir / "locked"));
  CHECK_FALSE(Contains(run.err, "docs"));
}

TEST_CASE("issue17 defect 6: an input directory named report.json is refused before the first pass") {
  TempDir dir;
  WriteFile(dir / "in/report.json/a.txt", "some text\n");
  WriteFile(dir / "in/b.txt", "other text\n");
  const RunResult run = RunNeardup({"clean", dir / "in", "-o", dir / "out", "--progress"});
  CHECK(run.exit_code == 2);
  CHECK(Contains(run.err, "would collide with OUTDIR/report.json; give --report FILE"));
  CHECK_FALSE(Contains(run.err, "docs"));
  CHECK_FALSE(std::filesystem::exists(dir / "out"));
  SUBCASE("with --report elsewhere it is an ordinary input") {
    CHECK(RunNeardup({"clean", dir / "in", "-o", dir / "out", "--report", dir / "r.json", "-q"}).exit_code == 0);
    CHECK(ReadFile(dir / "out/report.json/a.txt") == "some text\n");
  }
}

TEST_CASE("issue17 defect 6: a file name of 250 bytes can be written") {
  TempDir dir;
  const std::string name = std::string(246, 'n') + ".txt";
  WriteFile(dir / ("in/" + name), "a document with a long name\n");
  const RunResult run = RunNeardup({"clean", dir / "in", "-o", dir / "out", "-q"});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(ReadFile(dir / ("out/" + name)) == "a document with a long name\n");
}

TEST_CASE("issue17 defect 6: names that are no UTF-8 keep ids of their own, escaped") {
  TempDir dir;
  const std::string text = "the same words in each of these files\n";
  WriteFile(dir / "in/caf\xE9.txt", text);
  WriteFile(dir / "in/caf\xE8.txt", text);
  WriteFile(dir / "in/caf\\xE9.txt", text);  // a name that spells the escape literally
  const RunResult run = RunNeardup({"report", dir / "in", "-q"});
  REQUIRE(run.exit_code == 0);
  // Sorted by bytes: "caf\x5C..." < "caf\xE8" < "caf\xE9"; the first is kept.
  CHECK(Contains(run.out, "\"kept\": \"caf\\\\\\\\xE9.txt\""));
  CHECK(Contains(run.out, "\"id\": \"caf\\\\xE8.txt\""));
  CHECK(Contains(run.out, "\"id\": \"caf\\\\xE9.txt\""));
  CHECK_FALSE(Contains(run.out, "\xEF\xBF\xBD"));  // no U+FFFD: nothing is lost
}

TEST_CASE("issue17 defect 7: a JSONL file with a byte-order mark is read, and cleaned byte for byte") {
  TempDir dir;
  WriteFile(dir / "bom.jsonl", std::string("\xEF\xBB\xBF") + kCorpus);
  CheckCorpusReport(RunNeardup({"report", dir / "bom.jsonl", "-q"}));
  REQUIRE(RunNeardup({"clean", dir / "bom.jsonl", "-o", dir / "out", "-q"}).exit_code == 0);
  const std::string cleaned = ReadFile(dir / "out/bom.jsonl");
  // The mark stays; the repeated last line goes (the line break before it is the first copy's).
  CHECK(cleaned.rfind("\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"Judul\\nParagraf yang sama diulang dua kali.\\n\"}\n", 0) == 0);
}

TEST_CASE("issue17 defect 7: a lone surrogate spoils only its record, and says so") {
  TempDir dir;
  WriteFile(dir / "s.jsonl", std::string(kCorpus) + "{\"id\": \"s\", \"text\": \"bad \\ud800 escape\"}\n");
  const RunResult run = RunNeardup({"report", dir / "s.jsonl"});
  CHECK(run.exit_code == 0);
  CHECK(Contains(run.err, "neardup: warning: " + dir / "s.jsonl" + ":4: lone surrogate \\ud800; read anyway"));
  CHECK(Contains(run.out, "\"documents\": 4,"));
}

TEST_CASE("issue17 defect 7: symlink loops and dangling links are named under --verbose") {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "text\n");
  REQUIRE(::symlink("nowhere.txt", (dir / "in/dangling.txt").c_str()) == 0);
  REQUIRE(::symlink("loop.txt", (dir / "in/loop.txt").c_str()) == 0);
  const RunResult quiet = RunNeardup({"report", dir / "in", "-o", dir / "r.json"});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
  const RunResult verbose = RunNeardup({"report", dir / "in", "-o", dir / "r.json", "--verbose"});
  CHECK(Contains(verbose.err, "neardup: " + dir / "in/dangling.txt" + ": dangling symbolic link, skipped\n"));
  CHECK(Contains(verbose.err, "neardup: " + dir / "in/loop.txt" + ": symbolic link loop, skipped\n"));
}

TEST_CASE("a JSONL field no record has is an error; one most records lack is a warning") {
  TempDir dir;
  WriteFile(dir / "c.jsonl", kCorpus);
  SUBCASE("--text-field that no record has: exit 2, and clean writes nothing") {
    const RunResult run = RunNeardup({"clean", dir / "c.jsonl", "--text-field", "content", "-o", dir / "out"});
    CHECK(run.exit_code == 2);
    CHECK(Contains(run.err, "neardup: --text-field content: no record has this field (the first is " + dir / "c.jsonl" +
                                ":1); check the field name"));
    CHECK(ReadTree(dir.path() / "out").empty());
  }
  SUBCASE("--source-field, --url-field and --keep field:NAME alike") {
    for (const std::vector<std::string>& option : {std::vector<std::string>{"--source-field", "site"},
                                                   {"--url-field", "url"},
                                                   {"--keep", "field:date"}}) {
      std::vector<std::string> args{"report", dir / "c.jsonl"};
      args.insert(args.end(), option.begin(), option.end());
      const RunResult run = RunNeardup(args);
      CHECK(run.exit_code == 2);
      CHECK(Contains(run.err, option[0] + " " + option[1] + ": no document has this field"));
    }
  }
  SUBCASE("more than 1% without the field: a warning with the count and a record") {
    std::string corpus = kCorpus;
    corpus += "{\"id\": \"x\", \"body\": \"no text\"}\n";
    WriteFile(dir / "c.jsonl", corpus);
    const RunResult run = RunNeardup({"report", dir / "c.jsonl", "-o", dir / "r.json"});
    CHECK(run.exit_code == 0);
    CHECK(Contains(run.err, "neardup: warning: --text-field text: 1 of 4 records lack this field, e.g. " +
                                dir / "c.jsonl" + ":4\n"));
    CHECK(RunNeardup({"report", dir / "c.jsonl", "-o", dir / "r.json", "-q"}).err.empty());
  }
}

TEST_CASE("issue17 defect 3: a file name with a newline and an escape cannot forge a message") {
  TempDir dir;
  const std::string name = "bad\n::error file=x,line=1::forged \x1b[31mred.jsonl";
  WriteFile(dir / name, "{\"text\": \"unclosed\n");
  const RunResult run = RunNeardup({"report", dir / name});
  CHECK(run.exit_code == 2);
  CHECK(Count(run.err, "\n") == 1);  // one message, one line
  CHECK_FALSE(Contains(run.err, "\n::error"));
  CHECK_FALSE(Contains(run.err, "\x1b"));
  CHECK(Contains(run.err, "bad\\n::error file=x,line=1::forged \\x1B[31mred.jsonl:1: "));
}

TEST_CASE("issue17 defect 3: ids are escaped in check's table and annotations, and in Markdown") {
  TempDir dir;
  const std::string line = "Paragraf yang sama persis diulang dua kali di sini ya.\\n";
  WriteFile(dir / "c.jsonl", "{\"id\": \"x\\n::error file=a,line=1::pwned \\u001b[31mred\", \"text\": \"Judul\\n" + line +
                                 line + "\"}\n{\"id\": \"[x](http://evil) ![i](http://img)\", \"text\": \"Lain\\n" + line + line +
                                 "\"}\n");
  const RunResult check = RunNeardup({"check", dir / "c.jsonl", "--annotations", "github"});
  CHECK(check.exit_code == 1);
  for (const std::string& out : {check.out, check.err}) {
    CHECK_FALSE(Contains(out, "\n::error"));
    CHECK_FALSE(Contains(out, "\x1b"));
  }
  CHECK(Contains(check.out, "x\\n::error file=a,line=1::pwned \\x1B[31mred"));
  const RunResult md = RunNeardup({"report", dir / "c.jsonl", "--format", "md"});
  CHECK_FALSE(Contains(md.out, "[x](http://evil)"));
  CHECK_FALSE(Contains(md.out, "![i](http://img)"));
  CHECK(Contains(md.out, "\\[x\\](http://evil) !\\[i\\](http://img)"));
  CHECK_FALSE(Contains(md.out, "\x1b"));
}

}  // namespace neardup::testing
