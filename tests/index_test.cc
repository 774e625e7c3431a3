#include "neardup/store/index.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "files.h"

namespace neardup {
namespace {

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

const IndexParams kParams = {{"seed", "1"}, {"num_perm", "128"}, {"threshold", "0.8"}};

StoredDoc Doc(const std::string& id, const std::string& source, std::vector<uint32_t> shingles) {
  StoredDoc doc;
  doc.id = id;
  doc.source = source;
  doc.exact = 0x0123456789ABCDEFull ^ shingles.size();
  doc.size = 1000 + shingles.size();
  doc.shingles = std::move(shingles);
  return doc;
}

std::unique_ptr<Index> OpenOrFail(const std::string& dir, Index::Mode mode) {
  absl::StatusOr<std::unique_ptr<Index>> index = Index::Open(dir, {mode, false});
  REQUIRE_MESSAGE(index.ok(), index.status().ToString());
  return *std::move(index);
}

// Every file of `dir` with its bytes.
std::map<std::string, std::string> Snapshot(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    files[entry.path().filename().string()] = ReadFile(entry.path());
  }
  return files;
}

}  // namespace

TEST_CASE("a stored document decodes to what was encoded") {
  const StoredDoc doc = Doc("a/b.txt", "site-a", {0, 1, 127, 128, 300, 1u << 31, UINT32_MAX});
  std::string bytes;
  EncodeStoredDoc(doc, bytes);
  StoredDoc back;
  REQUIRE(DecodeStoredDoc(bytes, back).ok());
  CHECK(back.id == doc.id);
  CHECK(back.source == doc.source);
  CHECK(back.exact == doc.exact);
  CHECK(back.size == doc.size);
  CHECK(back.shingles == doc.shingles);
  SUBCASE("a truncated record is damaged, not misread") {
    for (size_t n = 0; n < bytes.size(); ++n) CHECK(!DecodeStoredDoc(bytes.substr(0, n), back).ok());
  }
}

TEST_CASE("an index keeps documents, band keys and parameters across opens") {
  TempDir tmp;
  const std::string dir = tmp / "index";
  {
    auto index = OpenOrFail(dir, Index::Mode::kWrite);
    CHECK(!index->params().has_value());
    const uint64_t keys_a[] = {10, 20, 30};
    const uint64_t keys_b[] = {30, 40};
    REQUIRE(index->Add(Doc("a", "s1", {1, 2, 3}), keys_a).ok());
    REQUIRE(index->Add(Doc("b", "s2", {4, 5}), keys_b).ok());
    std::vector<uint32_t> docs;
    REQUIRE(index->Lookup(30, docs).ok());  // a writer sees its own additions before committing
    CHECK(docs == std::vector<uint32_t>{0, 1});
    REQUIRE(index->Commit(kParams).ok());
  }
  auto index = OpenOrFail(dir, Index::Mode::kRead);
  REQUIRE(index->params().has_value());
  CHECK(*index->params() == kParams);
  CHECK(index->documents() == 2);
  std::vector<uint32_t> docs;
  REQUIRE(index->Lookup(40, docs).ok());
  CHECK(docs == std::vector<uint32_t>{1});
  docs.clear();
  REQUIRE(index->Lookup(99, docs).ok());
  CHECK(docs.empty());
  StoredDoc doc;
  REQUIRE(index->Get(1, doc).ok());
  CHECK(doc.id == "b");
  CHECK(doc.shingles == std::vector<uint32_t>{4, 5});
  const absl::StatusOr<IndexStats> stats = index->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 2);
  CHECK(stats->sources == 2);
  CHECK(stats->disk_bytes > 0);
}

TEST_CASE("a run with other parameters is refused, naming the parameter and both values") {
  TempDir tmp;
  const std::string dir = tmp / "index";
  {
    auto index = OpenOrFail(dir, Index::Mode::kWrite);
    REQUIRE(index->Commit(kParams).ok());
  }
  auto index = OpenOrFail(dir, Index::Mode::kRead);
  IndexParams other = kParams;
  other[2].second = "0.9";
  const absl::Status status = index->CheckParams(other);
  CHECK(absl::IsInvalidArgument(status));
  CHECK(std::string(status.message()).find("threshold 0.8, this run has threshold 0.9") != std::string::npos);
  CHECK(index->CheckParams(kParams).ok());
}

TEST_CASE("a reader sees no additions until the writer commits") {
  TempDir tmp;
  const std::string dir = tmp / "index";
  { REQUIRE(OpenOrFail(dir, Index::Mode::kWrite)->Commit(kParams).ok()); }
  auto writer = OpenOrFail(dir, Index::Mode::kWrite);
  const uint64_t keys[] = {7};
  REQUIRE(writer->Add(Doc("a", "s", {1}), keys).ok());
  {
    auto reader = OpenOrFail(dir, Index::Mode::kRead);  // does not wait for the writer
    CHECK(reader->documents() == 0);
    std::vector<uint32_t> docs;
    REQUIRE(reader->Lookup(7, docs).ok());
    CHECK(docs.empty());
  }
  SUBCASE("committed: all of them") {
    REQUIRE(writer->Commit(kParams).ok());
    CHECK(OpenOrFail(dir, Index::Mode::kRead)->documents() == 1);
  }
  SUBCASE("abandoned: none of them") {
    writer.reset();
    CHECK(OpenOrFail(dir, Index::Mode::kRead)->documents() == 0);
  }
}

TEST_CASE("a second writer fails at once, naming the index") {
  TempDir tmp;
  const std::string dir = tmp / "index";
  auto first = OpenOrFail(dir, Index::Mode::kWrite);
  const absl::StatusOr<std::unique_ptr<Index>> second = Index::Open(dir, {Index::Mode::kWrite, false});
  REQUIRE(!second.ok());
  CHECK(absl::IsFailedPrecondition(second.status()));
  CHECK(std::string(second.status().message()).find(dir) != std::string::npos);
  first.reset();
  CHECK(Index::Open(dir, {Index::Mode::kWrite, false}).ok());
}

TEST_CASE("a directory that is not an index is refused and left untouched") {
  TempDir tmp;
  const std::string dir = tmp / "index";
  SUBCASE("a foreign file") { WriteFile(tmp.path() / "index" / "notes.txt", "mine\n"); }
  SUBCASE("another marker") { WriteFile(tmp.path() / "index" / "neardup-index", "something else\n"); }
  SUBCASE("a newer format") { WriteFile(tmp.path() / "index" / "neardup-index", "neardup index\nformat 99\n"); }
  SUBCASE("a damaged database") {
    WriteFile(tmp.path() / "index" / "neardup-index", "neardup index\nformat 1\n");
    WriteFile(tmp.path() / "index" / "data.mdb", std::string(20000, 'x'));
  }
  SUBCASE("a database without its marker") {
    { REQUIRE(OpenOrFail(tmp / "other", Index::Mode::kWrite)->Commit(kParams).ok()); }
    std::filesystem::create_directories(tmp.path() / "index");
    std::filesystem::copy_file(tmp.path() / "other" / "data.mdb", tmp.path() / "index" / "data.mdb");
  }
  const auto before = Snapshot(tmp.path() / "index");
  for (const Index::Mode mode : {Index::Mode::kRead, Index::Mode::kWrite}) {
    const absl::StatusOr<std::unique_ptr<Index>> index = Index::Open(dir, {mode, false});
    REQUIRE(!index.ok());
    CHECK(std::string(index.status().message()).find(dir) != std::string::npos);
  }
  CHECK(Snapshot(tmp.path() / "index") == before);
}

TEST_CASE("a missing index cannot be read, and is created by a writer") {
  TempDir tmp;
  CHECK(absl::IsNotFound(Index::Open(tmp / "none", {Index::Mode::kRead, false}).status()));
  CHECK(!std::filesystem::exists(tmp.path() / "none"));
  { REQUIRE(OpenOrFail(tmp / "none", Index::Mode::kWrite)->Commit(kParams).ok()); }
  CHECK(OpenOrFail(tmp / "none", Index::Mode::kRead)->documents() == 0);
}

}  // namespace neardup
