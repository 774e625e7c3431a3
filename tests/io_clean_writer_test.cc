// Writing the cleaned corpus: cuts and drops land on the right documents, everything else is
// copied byte for byte, and each file keeps its format and compression.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "neardup/io/atomic_file.h"
#include "neardup/io/byte_stream.h"
#include "neardup/io/clean_writer.h"
#include "neardup/io/corpus.h"
#include "neardup/io/inputs.h"
#include "files.h"

namespace neardup {

namespace {
JsonlOptions BodyOptions(const std::string& id_field) {
  JsonlOptions options;
  options.text_field = "body";
  options.id_field = id_field;
  return options;
}
}  // namespace

namespace {

namespace fs = std::filesystem;

using testing::ReadFile;
using testing::TempDir;

void WriteFile(const std::string& path, const std::string& bytes,
               Compression compression = Compression::kNone) {
  auto file = AtomicFile::Create(path, compression);
  REQUIRE(file.ok());
  REQUIRE((*file)->Write(bytes).ok());
  REQUIRE((*file)->Commit().ok());
}

InputSet MustResolve(const std::vector<std::string>& args) {
  absl::StatusOr<InputSet> inputs = ResolveInputs(args);
  REQUIRE(inputs.ok());
  return std::move(*inputs);
}

DocumentEdit Keep() { return {}; }
DocumentEdit Drop() { return {.drop = true, .cuts = {}}; }
DocumentEdit Cuts(std::vector<std::pair<size_t, size_t>> cuts) {
  return {.drop = false, .cuts = cuts};
}

const std::string kLine1 =
    R"({"id": "a", "meta": {"u": "http:\/\/x\/1", "n": [1, 2.50]}, "text": "one\ntwo\nthree"})";
const std::string kLine1Cut =
    R"({"id": "a", "meta": {"u": "http:\/\/x\/1", "n": [1, 2.50]}, "text": "one\nthree"})";
const std::string kNoText = R"({"id": "c", "body": "no text"})";
const std::string kUntouched = R"({"text": "caf\u00e9 \"q\"", "z": 1})";

}  // namespace

TEST_CASE("text files lose their cut ranges; dropped ones are not written") {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "keep one\ncut me\nkeep two\n");
  WriteFile(dir / "in/b.txt", "a duplicate\n");
  WriteFile(dir / "in/sub/c.txt", "untouched \xFF bytes\n");
  const InputSet inputs = MustResolve({dir / "in"});
  const std::vector<DocumentEdit> edits = {Cuts({{9, 16}}), Drop(), Keep()};
  REQUIRE(WriteCleaned(inputs, {}, edits, dir / "out").ok());
  CHECK(ReadFile(dir / "out/a.txt") == "keep one\nkeep two\n");
  CHECK_FALSE(fs::exists(dir / "out/b.txt"));
  CHECK(ReadFile(dir / "out/sub/c.txt") == "untouched \xFF bytes\n");
}

TEST_CASE("JSONL records are dropped or cut with every other byte of the file kept") {
  TempDir dir;
  WriteFile(dir / "in/d.jsonl",
            kLine1 + "\n" +                                    // document 0: cut "two\n"
                "\n" +                                         // blank: kept
                R"({"id": "b", "text": "dup"})" + "\n" +       // document 1: dropped
                kNoText + "\n" +                               // no text: kept
                "  \n" +                                       // blank: kept
                kUntouched + "\r\n" +                          // document 2: kept, CRLF and all
                R"({"text": "x\ty", "z": [true]})" + "\r\n" +  // document 3: the tab cut
                R"({"text": "end"})");                         // document 4: emptied, no newline
  const InputSet inputs = MustResolve({dir / "in"});
  const std::vector<DocumentEdit> edits = {Cuts({{4, 8}}), Drop(), Keep(), Cuts({{1, 2}}),
                                           Cuts({{0, 3}})};
  REQUIRE(WriteCleaned(inputs, {}, edits, dir / "out").ok());
  CHECK(ReadFile(dir / "out/d.jsonl") == kLine1Cut + "\n" + "\n" + kNoText + "\n" + "  \n" +
                                            kUntouched + "\r\n" + R"({"text": "xy", "z": [true]})" +
                                            "\r\n" + R"({"text": ""})");
}

TEST_CASE("edits follow the same document order as the corpus reader") {
  TempDir dir;
  WriteFile(dir / "in/a.jsonl", R"({"text": "first"})"
                                "\n"
                                R"({"skip": 1})"
                                "\n"
                                R"({"text": "second"})"
                                "\n");
  WriteFile(dir / "in/b.txt", "third");
  const InputSet inputs = MustResolve({dir / "in"});
  std::vector<std::string> texts;
  REQUIRE(InputCorpus(inputs, {})
              .ForEach([&](Document&& doc) {
                texts.push_back(doc.text);
                return absl::OkStatus();
              })
              .ok());
  CHECK(texts == std::vector<std::string>{"first", "second", "third"});
  REQUIRE(WriteCleaned(inputs, {},
                       std::vector<DocumentEdit>{Drop(), Cuts({{0, 3}}), Cuts({{0, 2}})},
                       dir / "out")
              .ok());
  CHECK(ReadFile(dir / "out/a.jsonl") == R"({"skip": 1})"
                                        "\n"
                                        R"({"text": "ond"})"
                                        "\n");
  CHECK(ReadFile(dir / "out/b.txt") == "ird");
}

TEST_CASE("compressed JSONL is written back with the same compression") {
  for (const auto& [name, compression] :
       {std::pair<std::string, Compression>{"d.jsonl.gz", Compression::kGzip},
        {"d.jsonl.zst", Compression::kZstd}}) {
    CAPTURE(name);
    TempDir dir;
    WriteFile(dir / ("in/" + name), kLine1 + "\n" + kNoText + "\n", compression);
    const InputSet inputs = MustResolve({dir / "in"});
    REQUIRE(WriteCleaned(inputs, {}, std::vector<DocumentEdit>{Cuts({{4, 8}})}, dir / "out").ok());
    const std::string raw = ReadFile(dir / ("out/" + name));
    CHECK(raw.substr(0, 2) == (compression == Compression::kGzip ? "\x1f\x8b" : "\x28\xb5"));
    const absl::StatusOr<std::string> text =
        ReadWholeFile(dir / ("out/" + name), name, compression);
    REQUIRE(text.ok());
    CHECK(*text == kLine1Cut + "\n" + kNoText + "\n");
  }
}

TEST_CASE("the renamed text field is the one that gets cut") {
  TempDir dir;
  WriteFile(dir / "in.jsonl", R"({"text": "left alone", "body": "abcdef"})"
                              "\n");
  const InputSet inputs = MustResolve({dir / "in.jsonl"});
  REQUIRE(WriteCleaned(inputs, BodyOptions("id"),
                       std::vector<DocumentEdit>{Cuts({{2, 4}})}, dir / "out")
              .ok());
  CHECK(ReadFile(dir / "out/in.jsonl") == R"({"text": "left alone", "body": "abef"})"
                                         "\n");
}

TEST_CASE("a number of edits different from the number of documents is an error") {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "one");
  WriteFile(dir / "in/b.txt", "two");
  const InputSet inputs = MustResolve({dir / "in"});
  CHECK_FALSE(WriteCleaned(inputs, {}, std::vector<DocumentEdit>{Keep()}, dir / "out1").ok());
  CHECK_FALSE(
      WriteCleaned(inputs, {}, std::vector<DocumentEdit>{Keep(), Keep(), Keep()}, dir / "out2")
          .ok());
  CHECK(WriteCleaned(inputs, {}, std::vector<DocumentEdit>{Keep(), Keep()}, dir / "out3").ok());
}

TEST_CASE("cuts outside the text are refused rather than applied") {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "short");
  const InputSet inputs = MustResolve({dir / "in"});
  CHECK(absl::IsInvalidArgument(
      WriteCleaned(inputs, {}, std::vector<DocumentEdit>{Cuts({{2, 9}})}, dir / "out")));
  CHECK(absl::IsInvalidArgument(
      WriteCleaned(inputs, {}, std::vector<DocumentEdit>{Cuts({{2, 4}, {3, 5}})}, dir / "out")));
  CHECK_FALSE(fs::exists(dir / "out/a.txt"));
}

TEST_CASE("a malformed JSONL line is an error naming the file and line") {
  TempDir dir;
  WriteFile(dir / "in/d.jsonl", R"({"text": "fine"})"
                                "\n"
                                R"({"text": "broken")"
                                "\n");
  const InputSet inputs = MustResolve({dir / "in"});
  const absl::Status status =
      WriteCleaned(inputs, {}, std::vector<DocumentEdit>{Keep()}, dir / "out");
  CHECK(absl::IsInvalidArgument(status));
  CHECK(std::string(status.message()).rfind(dir / "in/d.jsonl:2: ", 0) == 0);
  CHECK_FALSE(fs::exists(dir / "out/d.jsonl"));

  const absl::Status read =
      InputCorpus(inputs, {}).ForEach([](Document&&) { return absl::OkStatus(); });
  CHECK(absl::IsInvalidArgument(read));
  CHECK(std::string(read.message()).rfind(dir / "in/d.jsonl:2: ", 0) == 0);
}

TEST_CASE("the corpus reader names JSONL documents by id, else by file and line") {
  TempDir dir;
  WriteFile(dir / "in/d.jsonl",
            "\n"
            R"({"id": 5, "text": "a"})"
            "\n"
            R"({"text": "b"})"
            "\n");
  WriteFile(dir / "in/t.txt", "whole file");
  const InputSet inputs = MustResolve({dir / "in"});
  std::vector<std::string> seen;
  REQUIRE(InputCorpus(inputs, {})
              .ForEach([&](Document&& doc) {
                seen.push_back(doc.id + " @ " + doc.location + " = " + doc.text);
                return absl::OkStatus();
              })
              .ok());
  CHECK(seen == std::vector<std::string>{"5 @ " + dir / "in/d.jsonl:2 = a",
                                         "d.jsonl:3 @ " + dir / "in/d.jsonl:3 = b",
                                         "t.txt @ " + dir / "in/t.txt = whole file"});
}

}  // namespace neardup
