// JSONL in, JSONL out: same name, same compression, every other field and line byte for byte.
#include <doctest/doctest.h>

#include <string>

#include "cli/run_binary.h"
#include "neardup/io/atomic_file.h"
#include "neardup/io/byte_stream.h"

namespace neardup::testing {
namespace {

constexpr const char* kInput =
    "{\"id\": \"a\", \"meta\": {\"url\": \"http://x/1\", \"n\": [1, 2.50]}, \"text\": \"Judul\\nParagraf satu diulang.\\nParagraf satu diulang.\\nAkhir \\u00e9.\"}\n"
    "{\"text\": \"Judul\\nParagraf satu diulang.\\nParagraf satu diulang.\\nAkhir \\u00e9.\", \"id\": \"b\"}\n"
    "{\"id\": 7, \"text\": \"Sesuatu yang lain sama sekali\", \"extra\": null}\n"
    "{\"id\": \"no-text\", \"body\": \"passes through untouched\"}\n";

// Record a minus its repeated line, escapes as written; record b (an exact copy) dropped.
constexpr const char* kExpected =
    "{\"id\": \"a\", \"meta\": {\"url\": \"http://x/1\", \"n\": [1, 2.50]}, \"text\": \"Judul\\nParagraf satu diulang.\\nAkhir \\u00e9.\"}\n"
    "{\"id\": 7, \"text\": \"Sesuatu yang lain sama sekali\", \"extra\": null}\n"
    "{\"id\": \"no-text\", \"body\": \"passes through untouched\"}\n";

void WriteCompressed(const std::string& path, const std::string& bytes, Compression compression) {
  auto file = AtomicFile::Create(path, compression);
  REQUIRE(file.ok());
  REQUIRE((*file)->Write(bytes).ok());
  REQUIRE((*file)->Commit().ok());
}

std::string ReadDecompressed(const std::string& path, Compression compression) {
  auto bytes = ReadWholeFile(path, path, compression);
  REQUIRE(bytes.ok());
  return *bytes;
}

}  // namespace

TEST_CASE("a JSONL file is cleaned in place of its text field only") {
  TempDir dir;
  WriteFile(dir / "in/news.jsonl", kInput);
  const RunResult r = RunNeardup({"clean", dir / "in/news.jsonl", "-o", dir / "out"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(ReadFile(dir / "out/news.jsonl") == kExpected);
  const std::string report = ReadFile(dir / "out/report.json");
  CHECK(report.find("\"kept\": \"a\"") != std::string::npos);
  CHECK(report.find("\"id\": \"b\"") != std::string::npos);
}

TEST_CASE("gzip and zstd JSONL are read and written back compressed the same way") {
  for (const auto& [name, compression] :
       {std::pair<std::string, Compression>{"news.jsonl.gz", Compression::kGzip},
        {"news.jsonl.zst", Compression::kZstd}}) {
    CAPTURE(name);
    TempDir dir;
    WriteCompressed(dir / ("in/" + name), kInput, compression);
    const RunResult r = RunNeardup({"clean", dir / "in", "-o", dir / "out"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(ReadDecompressed(dir / ("out/" + name), compression) == kExpected);
  }
}

TEST_CASE("- reads JSONL from stdin") {
  TempDir dir;
  const RunResult r = RunNeardup({"clean", "-", "-o", dir / "out"}, kInput);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(ReadFile(dir / "out/stdin.jsonl") == kExpected);
}

TEST_CASE("--text-field and --id-field pick other fields") {
  TempDir dir;
  WriteFile(dir / "in.jsonl",
            "{\"key\": \"k1\", \"body\": \"same words in both records here\"}\n"
            "{\"key\": \"k2\", \"body\": \"same words in both records here\"}\n");
  const RunResult r = RunNeardup({"report", dir / "in.jsonl", "--text-field", "body", "--id-field", "key"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"kept\": \"k1\"") != std::string::npos);
  CHECK(r.out.find("\"id\": \"k2\"") != std::string::npos);
}

}  // namespace neardup::testing
