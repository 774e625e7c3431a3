// Reading a corpus: documents in order with their positions, read again by position (Revisit),
// and JSONL lines decoded in parallel batches without changing which error is reported.
#include "neardup/io/corpus.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "neardup/io/inputs.h"
#include "files.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;
using testing::WriteFile;

struct Seen {
  std::string id;
  std::string text;
  uint64_t position;
};

std::vector<Seen> All(const DocumentSource& source) {
  std::vector<Seen> out;
  REQUIRE(source.ForEach([&](Document&& d) {
                  out.push_back({d.id, d.text, d.position});
                  return absl::OkStatus();
                }).ok());
  return out;
}

}  // namespace

TEST_CASE("documents are read again by position, and only those") {
  TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 700; ++i) {
    if (i % 100 == 7) jsonl += "\n";                       // blank: not a document
    if (i % 100 == 9) jsonl += "{\"id\": \"no-text\"}\n";  // no text: not a document
    absl::StrAppend(&jsonl, "{\"id\": \"j", i, "\", \"text\": \"text ", i, "\"}\n");
  }
  WriteFile(dir.path() / "in/a.jsonl", jsonl);
  WriteFile(dir.path() / "in/b/page.txt", "a page\n");
  const absl::StatusOr<InputSet> inputs = ResolveInputs(std::vector<std::string>{(dir.path() / "in").string()});
  REQUIRE(inputs.ok());
  const InputCorpus corpus(*inputs, {});
  const std::vector<Seen> all = All(corpus);
  REQUIRE(all.size() == 701);
  std::vector<uint32_t> docs{0, 1, 250, 699, 700};  // the text file last: "a.jsonl" < "b/page.txt"
  std::vector<uint64_t> positions;
  for (const uint32_t d : docs) positions.push_back(all[d].position);
  std::vector<Seen> again;
  REQUIRE(corpus.Revisit(docs, positions, [&](Document&& d) {
                  again.push_back({d.id, d.text, d.position});
                  return absl::OkStatus();
                }).ok());
  REQUIRE(again.size() == docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    CAPTURE(i);
    CHECK(again[i].id == all[docs[i]].id);
    CHECK(again[i].text == all[docs[i]].text);
    CHECK(again[i].position == all[docs[i]].position);
  }
  CHECK(again[4].text == "a page\n");
}

TEST_CASE("a source without its own Revisit reads again through ForEach") {
  const MemorySource source = MemorySource::FromTexts({"zero", "one", "two", "three"});
  std::vector<std::string> texts;
  const std::vector<uint32_t> docs{1, 3};
  const std::vector<uint64_t> positions{0, 0};  // not used by the default
  REQUIRE(source.Revisit(docs, positions, [&](Document&& d) {
                  texts.push_back(d.text);
                  return absl::OkStatus();
                }).ok());
  CHECK(texts == std::vector<std::string>{"one", "three"});
}

TEST_CASE("with lines decoded in parallel, the first malformed line is the one reported") {
  TempDir dir;
  std::string jsonl;
  for (int i = 1; i <= 600; ++i) {
    if (i == 150 || i == 151 || i == 460) {
      jsonl += "{broken\n";
    } else {
      absl::StrAppend(&jsonl, "{\"text\": \"line ", i, "\"}\n");
    }
  }
  WriteFile(dir.path() / "a.jsonl", jsonl);
  const absl::StatusOr<InputSet> inputs = ResolveInputs(std::vector<std::string>{(dir.path() / "a.jsonl").string()});
  REQUIRE(inputs.ok());
  size_t visited = 0;
  const absl::Status status = InputCorpus(*inputs, {}).ForEach([&](Document&&) {
    ++visited;
    return absl::OkStatus();
  });
  REQUIRE_FALSE(status.ok());
  CHECK(std::string(status.message()).find("a.jsonl:150:") != std::string::npos);
  CHECK(visited == 149);  // every document before the bad line, none after
}

}  // namespace neardup
