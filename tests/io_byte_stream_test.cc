// Reading lines and whole files from plain, gzip and zstd files; writing them through sinks.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "neardup/io/atomic_file.h"
#include "neardup/io/byte_stream.h"
#include "files.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

void WriteThroughSink(const std::string& path, Compression compression,
                      const std::vector<std::string>& pieces) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  {
    std::unique_ptr<ByteSink> sink = MakeFileSink(fd, compression, path);
    for (const std::string& piece : pieces) REQUIRE(sink->Write(piece).ok());
    REQUIRE(sink->Finish().ok());
  }
  ::close(fd);
}

struct Line {
  std::string text;
  bool terminated;
  bool operator==(const Line&) const = default;
};

std::vector<Line> ReadLines(const std::string& path, Compression compression) {
  auto reader = LineReader::Open(path, path, compression);
  REQUIRE(reader.ok());
  std::vector<Line> lines;
  std::string line;
  bool terminated = false;
  while (true) {
    const absl::StatusOr<bool> more = (*reader)->Next(line, terminated);
    REQUIRE(more.ok());
    if (!*more) break;
    lines.push_back({line, terminated});
    CHECK((*reader)->line_number() == lines.size());
  }
  return lines;
}

const std::vector<std::pair<std::string, Compression>> kFormats = {
    {"plain.jsonl", Compression::kNone},
    {"data.jsonl.gz", Compression::kGzip},
    {"data.jsonl.zst", Compression::kZstd},
};

}  // namespace

TEST_CASE("the compression of a file is chosen by its name") {
  CHECK(CompressionFromName("a/b.jsonl.gz") == Compression::kGzip);
  CHECK(CompressionFromName("b.txt.gz") == Compression::kGzip);
  CHECK(CompressionFromName("b.jsonl.zst") == Compression::kZstd);
  CHECK(CompressionFromName("b.jsonl") == Compression::kNone);
  CHECK(CompressionFromName("gz") == Compression::kNone);
  CHECK(CompressionFromName("b.gzip") == Compression::kNone);
}

TEST_CASE("what a sink writes reads back line by line in every compression") {
  for (const auto& [name, compression] : kFormats) {
    CAPTURE(name);
    TempDir dir;
    WriteThroughSink(dir / name, compression, {"alpha\nbe", "ta\r\n", "\n", "", "gamma"});
    const std::vector<Line> expected = {
        {"alpha", true}, {"beta\r", true}, {"", true}, {"gamma", false}};
    CHECK(ReadLines(dir / name, compression) == expected);
    auto whole = ReadWholeFile(dir / name, name, compression);
    REQUIRE(whole.ok());
    CHECK(*whole == "alpha\nbeta\r\n\ngamma");
  }
}

TEST_CASE("compressed sinks write the standard gzip and zstd containers") {
  TempDir dir;
  WriteThroughSink(dir / "a.gz", Compression::kGzip, {"hello\n"});
  WriteThroughSink(dir / "a.zst", Compression::kZstd, {"hello\n"});
  CHECK(ReadFile(dir / "a.gz").substr(0, 2) == "\x1f\x8b");
  CHECK(ReadFile(dir / "a.zst").substr(0, 4) == "\x28\xb5\x2f\xfd");
}

TEST_CASE("a line of several megabytes comes back whole, followed by the next line") {
  const std::string long_line(6 << 20, 'x');
  for (const auto& [name, compression] : kFormats) {
    CAPTURE(name);
    TempDir dir;
    WriteThroughSink(dir / name, compression, {"first\n", long_line, "\nlast\n"});
    const std::vector<Line> lines = ReadLines(dir / name, compression);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == Line{"first", true});
    CHECK(lines[1].text.size() == long_line.size());
    CHECK(lines[1] == Line{long_line, true});
    CHECK(lines[2] == Line{"last", true});
  }
}

TEST_CASE("an empty file has no lines; a lone newline is one empty line") {
  TempDir dir;
  WriteFile(dir / "empty.txt", "");
  WriteFile(dir / "newline.txt", "\n");
  CHECK(ReadLines(dir / "empty.txt", Compression::kNone).empty());
  CHECK(ReadLines(dir / "newline.txt", Compression::kNone) == std::vector<Line>{{"", true}});
}

TEST_CASE("concatenated gzip members read as one stream, as gzip -d does") {
  TempDir dir;
  const std::string path = dir / "two.gz";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  for (const std::string piece : {"one\ntw", "o\nthree\n"}) {
    std::unique_ptr<ByteSink> sink = MakeFileSink(fd, Compression::kGzip, path);
    REQUIRE(sink->Write(piece).ok());
    REQUIRE(sink->Finish().ok());
  }
  ::close(fd);
  CHECK(ReadLines(path, Compression::kGzip) ==
        std::vector<Line>{{"one", true}, {"two", true}, {"three", true}});
}

TEST_CASE("corrupt gzip data is an error naming the file and line") {
  TempDir dir;
  WriteFile(dir / "bad.gz", std::string("\x1f\x8b\x08\x00", 4) + "this is not deflate data at all");
  auto reader = LineReader::Open(dir / "bad.gz", "in/bad.gz", Compression::kGzip);
  REQUIRE(reader.ok());
  std::string line;
  bool terminated = false;
  const absl::StatusOr<bool> next = (*reader)->Next(line, terminated);
  REQUIRE_FALSE(next.ok());
  CHECK(std::string(next.status().message()).rfind("in/bad.gz:1: corrupt gzip data", 0) == 0);
}

TEST_CASE("a truncated gzip file fails after the lines it does hold") {
  TempDir dir;
  WriteThroughSink(dir / "full.gz", Compression::kGzip, {"one\ntwo\nthree\n"});
  const std::string full = ReadFile(dir / "full.gz");
  WriteFile(dir / "cut.gz", full.substr(0, full.size() - 8));  // without its CRC and length trailer
  auto reader = LineReader::Open(dir / "cut.gz", "cut.gz", Compression::kGzip);
  REQUIRE(reader.ok());
  std::string line;
  bool terminated = false;
  for (const std::string expected : {"one", "two", "three"}) {
    const absl::StatusOr<bool> next = (*reader)->Next(line, terminated);
    REQUIRE(next.ok());
    CHECK(line == expected);
  }
  const absl::StatusOr<bool> next = (*reader)->Next(line, terminated);
  REQUIRE_FALSE(next.ok());
  CHECK(std::string(next.status().message()) == "cut.gz:4: truncated gzip data");
}

TEST_CASE("corrupt or truncated zstd data is an error naming the file") {
  TempDir dir;
  WriteFile(dir / "bad.zst", "plain text, not a zstd frame\n");
  const absl::StatusOr<std::string> bad =
      ReadWholeFile(dir / "bad.zst", "bad.zst", Compression::kZstd);
  REQUIRE_FALSE(bad.ok());
  CHECK(std::string(bad.status().message()).rfind("bad.zst: corrupt zstd data", 0) == 0);

  WriteThroughSink(dir / "full.zst", Compression::kZstd, {std::string(100000, 'q')});
  const std::string full = ReadFile(dir / "full.zst");
  WriteFile(dir / "cut.zst", full.substr(0, full.size() - 3));
  const absl::StatusOr<std::string> cut =
      ReadWholeFile(dir / "cut.zst", "cut.zst", Compression::kZstd);
  REQUIRE_FALSE(cut.ok());
  CHECK(std::string(cut.status().message()) == "cut.zst: truncated zstd data");
}

TEST_CASE("a missing file is NotFound and named as the user wrote it") {
  TempDir dir;
  const auto reader = LineReader::Open(dir / "nope.jsonl", "in/nope.jsonl", Compression::kNone);
  REQUIRE_FALSE(reader.ok());
  CHECK(absl::IsNotFound(reader.status()));
  CHECK(std::string(reader.status().message()).rfind("in/nope.jsonl: ", 0) == 0);
  const auto whole = ReadWholeFile(dir / "nope.txt", "in/nope.txt", Compression::kNone);
  CHECK(absl::IsNotFound(whole.status()));
}

TEST_CASE("an atomic file appears only on commit and leaves nothing behind otherwise") {
  TempDir dir;
  const std::string path = dir / "sub/dir/out.txt";
  {
    auto file = AtomicFile::Create(path, Compression::kNone);
    REQUIRE(file.ok());
    REQUIRE((*file)->Write("never committed").ok());
  }
  CHECK_FALSE(fs::exists(path));
  CHECK(fs::is_empty(dir / "sub/dir"));
  {
    auto file = AtomicFile::Create(path, Compression::kNone);
    REQUIRE(file.ok());
    REQUIRE((*file)->Write("done\n").ok());
    CHECK_FALSE(fs::exists(path));
    REQUIRE((*file)->Commit().ok());
    CHECK_FALSE((*file)->Commit().ok());
  }
  CHECK(ReadFile(path) == "done\n");
  CHECK(std::distance(fs::directory_iterator(dir / "sub/dir"), fs::directory_iterator()) == 1);
  REQUIRE(WriteFileAtomically(path, "replaced").ok());
  CHECK(ReadFile(path) == "replaced");
}

}  // namespace neardup
