// Issue 17, defects 1 and 2, and `clean` in a pipe: outputs never replace what a path points at,
// every write is checked, and stdout can carry the cleaned corpus.
//
// Every target here lives in a scratch directory: never /dev/null (a rename over it, as root,
// breaks the machine), and a device node is made with mknod in the scratch directory.
#include <doctest/doctest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <string>

#include "cli/run_binary.h"

namespace neardup::testing {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Seeds() { return SourcePath("corpus/seeds"); }

// The report of the seed articles as `report` prints it on stdout.
std::string SeedReport() {
  const RunResult run = RunNeardup({"report", Seeds(), "-q"});
  REQUIRE(run.exit_code == 0);
  return run.out;
}

mode_t TypeOf(const std::string& path) {
  struct stat info;
  REQUIRE(::lstat(path.c_str(), &info) == 0);
  return info.st_mode & S_IFMT;
}

// Two records with a repeated line, a duplicate record, and a record without text.
constexpr const char* kCorpus =
    "{\"id\": \"a\", \"text\": \"Judul\\nParagraf yang sama diulang dua kali.\\nParagraf yang sama diulang dua kali.\"}\n"
    "{\"id\": \"b\", \"text\": \"Judul\\nParagraf yang sama diulang dua kali.\\nParagraf yang sama diulang dua kali.\"}\n"
    "{\"id\": \"c\", \"text\": \"Sesuatu yang lain sama sekali\"}\n"
    "{\"id\": \"d\", \"body\": \"no text\"}\n";

}  // namespace

TEST_CASE("issue17 defect 1: a FIFO as -o is written in place and stays a FIFO") {
  TempDir dir;
  REQUIRE(::mkfifo((dir / "out.json").c_str(), 0644) == 0);
  const RunResult run = RunShell("cat '" + dir / "out.json" + "' > '" + dir / "got.json" + "' & reader=$!\n" +
                                 "$NEARDUP report '" + Seeds() + "' -q -o '" + dir / "out.json" + "'\nwait $reader");
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(TypeOf(dir / "out.json") == S_IFIFO);
  CHECK(ReadFile(dir / "got.json") == SeedReport());
}

TEST_CASE("issue17 defect 1: a symlink as -o is followed; its target is replaced, the link stays") {
  TempDir dir;
  WriteFile(dir / "real.json", "old\n");
  ::chmod((dir / "real.json").c_str(), 0600);
  REQUIRE(::symlink("real.json", (dir / "link.json").c_str()) == 0);
  const RunResult run = RunNeardup({"report", Seeds(), "-q", "-o", dir / "link.json"});
  CHECK(run.exit_code == 0);
  CHECK(TypeOf(dir / "link.json") == S_IFLNK);
  CHECK(ReadFile(dir / "real.json") == SeedReport());
  struct stat info;
  REQUIRE(::stat((dir / "real.json").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);  // the replaced file keeps its permission bits
  SUBCASE("a dangling link gets its target created") {
    REQUIRE(::symlink("new.json", (dir / "dangling.json").c_str()) == 0);
    CHECK(RunNeardup({"report", Seeds(), "-q", "-o", dir / "dangling.json"}).exit_code == 0);
    CHECK(TypeOf(dir / "dangling.json") == S_IFLNK);
    CHECK(ReadFile(dir / "new.json") == SeedReport());
  }
}

TEST_CASE("issue17 defect 1: a character device as -o is written in place, not replaced") {
  if (geteuid() != 0) {
    MESSAGE("skipped: making a device node needs root");
    return;
  }
  TempDir dir;
  // The kernel's "full" device (1, 7), made in the scratch directory: every write fails with
  // ENOSPC, so the run must fail, and the node must still be a device afterwards.
  REQUIRE(::mknod((dir / "full").c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0);
  const RunResult run = RunNeardup({"report", Seeds(), "-q", "-o", dir / "full"});
  CHECK(run.exit_code == 2);
  CHECK(Contains(run.err, "neardup: " + dir / "full" + ": write failed: No space left on device"));
  CHECK(TypeOf(dir / "full") == S_IFCHR);
  CHECK(ReadTree(dir.path()).empty());  // no temporary file left beside it
}

TEST_CASE("issue17 defect 1: /dev/stdout, /dev/fd/N, >(cmd) and - are written in place") {
  const std::string report = SeedReport();
  std::string seeds = "'";  // appended: GCC 12 at -O3 reports a false -Wrestrict on "'" + ...
  seeds += Seeds();
  seeds += "'";
  CHECK(RunShell("$NEARDUP report " + seeds + " -q -o /dev/stdout").out == report);
  CHECK(RunShell("$NEARDUP report " + seeds + " -q -o - | cat").out == report);
  CHECK(RunShell("$NEARDUP report " + seeds + " -q -o /dev/fd/3 3>&1").out == report);
  CHECK(RunShell("$NEARDUP report " + seeds + " -q -o >(cat)\nwait").out == report);
  // Appending through /dev/stdout appends: the descriptor is written as the shell opened it.
  TempDir dir;
  WriteFile(dir / "log", "before\n");
  REQUIRE(RunShell("$NEARDUP report " + seeds + " -q -o /dev/stdout >> '" + dir / "log" + "'").exit_code == 0);
  CHECK(ReadFile(dir / "log") == "before\n" + report);
}

TEST_CASE("issue17 defect 2: a full disk on stdout is an error, exit 2") {
  if (geteuid() != 0) {
    MESSAGE("skipped: mounting a small tmpfs to fill needs root");
    return;
  }
  TempDir dir;
  const std::string disk = dir / "disk";
  std::filesystem::create_directories(disk);
  if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=16k") != 0) {
    MESSAGE("skipped: cannot mount a tmpfs here (no CAP_SYS_ADMIN?)");
    return;
  }
  // The HTML page of the seed articles is far larger than 16 KB.
  const RunResult run = RunShell("$NEARDUP report '" + Seeds() + "' --format html > '" + disk + "/out.html'");
  ::umount(disk.c_str());
  CHECK(run.exit_code == 2);
  CHECK(Contains(run.err, "neardup: stdout: write failed: No space left on device"));
}

TEST_CASE("issue17 defect 2: a closed pipe stays a quiet end") {
  // `true` has exited long before the report is written, so the write meets a closed pipe.
  for (const std::string format : {"json", "html"}) {
    CAPTURE(format);
    const RunResult run = RunShell("$NEARDUP report '" + Seeds() + "' --format " + format + " | true; echo \"${PIPESTATUS[0]}\"");
    CHECK(run.out == "0\n");
    CHECK(run.err.empty());
  }
  const RunResult check = RunShell("$NEARDUP check '" + Seeds() + "' | true; echo \"${PIPESTATUS[0]}\"");
  CHECK(check.out == "1\n");  // the verdict still tells
  CHECK(check.err.empty());
}

TEST_CASE("clean - -o - writes the cleaned JSONL to stdout and the report to --report") {
  TempDir dir;
  WriteFile(dir / "corpus.jsonl", kCorpus);
  const RunResult file = RunNeardup({"clean", dir / "corpus.jsonl", "-o", dir / "out", "-q"});
  REQUIRE(file.exit_code == 0);
  const std::string cleaned = ReadFile(dir / "out/corpus.jsonl");
  // a loses its repeated line, b (a copy of a) goes, c and d stay.
  CHECK(SplitLines(cleaned).size() == 3);
  const RunResult pipe = RunShell("cat '" + dir / "corpus.jsonl" + "' | $NEARDUP clean - -o - --report '" +
                                  dir / "r.json" + "' | wc -l");
  INFO(pipe.err);
  CHECK(pipe.exit_code == 0);
  CHECK(pipe.out == "3\n");
  const RunResult bytes = RunShell("$NEARDUP clean - -o - -q", kCorpus);
  CHECK(bytes.out == cleaned);
  // The same report, but for the name of the source (the input file, or stdin).
  std::string expected = ReadFile(dir / "out/report.json");
  const std::string file_source = "\"source\": \"" + dir / "corpus.jsonl" + "\"";
  REQUIRE(Contains(expected, file_source));
  expected.replace(expected.find(file_source), file_source.size(), "\"source\": \"<stdin>\"");
  CHECK(ReadFile(dir / "r.json") == expected);
  SUBCASE("the summary goes to stderr, since stdout carries the data") {
    CHECK(Contains(pipe.err, "neardup: cleaned corpus on stdout, report in " + dir / "r.json"));
  }
  SUBCASE("text inputs cannot be cleaned into one stream") {
    const RunResult text = RunNeardup({"clean", Seeds(), "-o", "-"});
    CHECK(text.exit_code == 2);
    CHECK(Contains(text.err, "only JSONL inputs can be cleaned to stdout"));
    CHECK(text.out.empty());
  }
}

TEST_CASE("an output that would replace an input is refused before the run") {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "some text\n");
  const RunResult run = RunNeardup({"report", dir / "in", "-o", dir / "in/a.txt"});
  CHECK(run.exit_code == 2);
  CHECK(Contains(run.err, "would overwrite the input"));
  CHECK(ReadFile(dir / "in/a.txt") == "some text\n");
}

}  // namespace neardup::testing
