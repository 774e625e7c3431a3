// Resolving command-line inputs: which files, in what order, under which output names; and
// refusing an OUTDIR that would overwrite the inputs.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "neardup/io/inputs.h"
#include "files.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

absl::StatusOr<InputSet> Resolve(const std::vector<std::string>& args) {
  return ResolveInputs(args);
}

std::vector<std::string> Relatives(const InputSet& inputs) {
  std::vector<std::string> relatives;
  for (const InputFile& file : inputs.files()) relatives.push_back(file.relative);
  return relatives;
}

bool Contains(const absl::Status& status, const std::string& needle) {
  return std::string(status.message()).find(needle) != std::string::npos;
}

// Runs ResolveInputs on `stdin_bytes` as fd 0, restoring the real stdin afterwards.
template <typename Check>
void WithStdin(const TempDir& dir, const std::string& stdin_bytes, Check check) {
  WriteFile(dir / "stdin-source", stdin_bytes);
  const int saved = ::dup(STDIN_FILENO);
  const int fd = ::open((dir / "stdin-source").c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  ::dup2(fd, STDIN_FILENO);
  ::close(fd);
  check();
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
}

}  // namespace

TEST_CASE("a directory is walked recursively in byte order of relative paths") {
  TempDir dir;
  for (const std::string name : {"b.txt", "a.jsonl", "Z.txt", "sub/c.txt", "sub/a.jsonl.gz",
                                 "x.jsonl.zst", "notes.md", "data.json", "sub/deeper/d.txt"}) {
    WriteFile(dir / ("in/" + name), "");
  }
  const absl::StatusOr<InputSet> inputs = Resolve({dir / "in"});
  REQUIRE(inputs.ok());
  CHECK(Relatives(*inputs) == std::vector<std::string>{"Z.txt", "a.jsonl", "b.txt",
                                                       "sub/a.jsonl.gz", "sub/c.txt",
                                                       "sub/deeper/d.txt", "x.jsonl.zst"});
  const InputFile& gz = inputs->files()[3];
  CHECK(gz.path == dir / "in/sub/a.jsonl.gz");
  CHECK(gz.display == dir / "in/sub/a.jsonl.gz");
  CHECK(gz.format == InputFormat::kJsonl);
  CHECK(gz.compression == Compression::kGzip);
  CHECK(inputs->files()[0].format == InputFormat::kText);
  CHECK(inputs->files()[6].compression == Compression::kZstd);
  CHECK(inputs->roots() == std::vector<std::string>{fs::weakly_canonical(dir / "in").string()});
}

TEST_CASE("a trailing separator on a directory changes nothing") {
  TempDir dir;
  WriteFile(dir / "in/sub/a.txt", "");
  const absl::StatusOr<InputSet> inputs = Resolve({dir / "in/"});
  REQUIRE(inputs.ok());
  REQUIRE(inputs->files().size() == 1);
  CHECK(inputs->files()[0].relative == "sub/a.txt");
  CHECK(inputs->files()[0].display == dir / "in/sub/a.txt");
}

TEST_CASE("a file given directly is named by its file name, and read as text unless JSONL") {
  TempDir dir;
  WriteFile(dir / "x/notes.md", "");
  WriteFile(dir / "y/data.jsonl.gz", "");
  const absl::StatusOr<InputSet> inputs = Resolve({dir / "x/notes.md", dir / "y/data.jsonl.gz"});
  REQUIRE(inputs.ok());
  REQUIRE(inputs->files().size() == 2);
  CHECK(inputs->files()[0].relative == "notes.md");
  CHECK(inputs->files()[0].display == dir / "x/notes.md");
  CHECK(inputs->files()[0].format == InputFormat::kText);
  CHECK(inputs->files()[1].relative == "data.jsonl.gz");
  CHECK(inputs->files()[1].format == InputFormat::kJsonl);
  CHECK(inputs->files()[1].compression == Compression::kGzip);
}

TEST_CASE("arguments keep their command-line order") {
  TempDir dir;
  WriteFile(dir / "b/z.txt", "");
  WriteFile(dir / "a.txt", "");
  const absl::StatusOr<InputSet> inputs = Resolve({dir / "b", dir / "a.txt"});
  REQUIRE(inputs.ok());
  CHECK(Relatives(*inputs) == std::vector<std::string>{"z.txt", "a.txt"});
}

TEST_CASE("a missing path is NotFound and named") {
  TempDir dir;
  const absl::StatusOr<InputSet> inputs = Resolve({dir / "missing.txt"});
  CHECK(absl::IsNotFound(inputs.status()));
  CHECK(std::string(inputs.status().message()) ==
        dir / "missing.txt" + ": no such file or directory");
}

TEST_CASE("a directory without .txt or .jsonl files is an error naming it") {
  TempDir dir;
  fs::create_directories(dir / "empty");
  WriteFile(dir / "other/notes.md", "");
  for (const std::string& path : {dir / "empty", dir / "other"}) {
    const absl::StatusOr<InputSet> inputs = Resolve({path});
    CHECK(absl::IsInvalidArgument(inputs.status()));
    CHECK(std::string(inputs.status().message()) == path + ": no .txt, .jsonl or .ndjson files found (.json files are read only when named)");
  }
}

TEST_CASE("two inputs with the same output path are an error naming both") {
  TempDir dir;
  WriteFile(dir / "one/a.txt", "");
  WriteFile(dir / "two/a.txt", "");
  const absl::StatusOr<InputSet> inputs = Resolve({dir / "one", dir / "two"});
  REQUIRE(absl::IsInvalidArgument(inputs.status()));
  CHECK(Contains(inputs.status(), dir / "one/a.txt"));
  CHECK(Contains(inputs.status(), dir / "two/a.txt"));
  CHECK_FALSE(Resolve({dir / "one/a.txt", dir / "two/a.txt"}).ok());
}

TEST_CASE("an unreadable file is an error naming it, even for root") {
  TempDir dir;
  WriteFile(dir / "in/ok.txt", "fine");
  WriteFile(dir / "in/secret.txt", "hidden");
  ::chmod((dir / "in/secret.txt").c_str(), 0);
  const auto resolve_fails = [&] {
    const absl::StatusOr<InputSet> inputs = Resolve({dir / "in"});
    return !inputs.ok() && Contains(inputs.status(), dir / "in/secret.txt");
  };
  if (::geteuid() != 0) {
    CHECK(resolve_fails());
    return;
  }
  // Root reads anything, so check as "nobody" in a child process.
  ::chmod(dir.path().c_str(), 0755);
  ::chmod((dir / "in").c_str(), 0755);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const bool dropped = ::setgid(65534) == 0 && ::setuid(65534) == 0;
    ::_exit(dropped && resolve_fails() ? 0 : 1);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("- spools stdin to a temporary JSONL file that the set deletes") {
  TempDir dir;
  std::string spool;
  WithStdin(dir, "{\"text\": \"from stdin\"}\n", [&] {
    absl::StatusOr<InputSet> inputs = Resolve({"-"});
    REQUIRE(inputs.ok());
    REQUIRE(inputs->files().size() == 1);
    const InputFile& file = inputs->files()[0];
    CHECK(file.display == "<stdin>");
    CHECK(file.relative == "stdin.jsonl");
    CHECK(file.format == InputFormat::kJsonl);
    CHECK(ReadFile(file.path) == "{\"text\": \"from stdin\"}\n");
    CHECK(inputs->roots().empty());
    spool = file.path;
    const InputSet moved(std::move(*inputs));
    CHECK(fs::exists(spool));
  });
  CHECK_FALSE(spool.empty());
  CHECK_FALSE(fs::exists(spool));
}

TEST_CASE("- given twice is an error") {
  TempDir dir;
  WithStdin(dir, "", [&] { CHECK(absl::IsInvalidArgument(Resolve({"-", "-"}).status())); });
}

TEST_CASE("OUTDIR equal to or inside an input directory is refused") {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "");
  const absl::StatusOr<InputSet> inputs = Resolve({dir / "in"});
  REQUIRE(inputs.ok());
  const std::string root = fs::weakly_canonical(dir / "in").string();
  for (const std::string& out :
       {dir / "in", dir / "in/", dir / "in/cleaned", dir / "in/a/b", dir / "other/../in/x"}) {
    CAPTURE(out);
    const absl::Status status = CheckOutputDir(*inputs, out);
    CHECK(absl::IsInvalidArgument(status));
    CHECK(std::string(status.message()) == "OUTDIR '" + out + "' is inside input '" + root +
                                               "'; choose a directory outside the inputs");
  }
  CHECK(CheckOutputDir(*inputs, dir / "out").ok());
  CHECK(CheckOutputDir(*inputs, dir / "in2").ok());  // shares a prefix, not a directory
  CHECK(CheckOutputDir(*inputs, dir.path().string()).ok());
}

TEST_CASE("OUTDIR is refused when an output file would replace an input file") {
  TempDir dir;
  WriteFile(dir / "d/a.txt", "");
  const absl::StatusOr<InputSet> inputs = Resolve({dir / "d/a.txt"});
  REQUIRE(inputs.ok());
  const absl::Status status = CheckOutputDir(*inputs, dir / "d");
  CHECK(absl::IsInvalidArgument(status));
  CHECK(Contains(status, "OUTDIR"));
  CHECK(Contains(status, dir / "d/a.txt"));
  CHECK(CheckOutputDir(*inputs, dir / "e").ok());
}

}  // namespace neardup
