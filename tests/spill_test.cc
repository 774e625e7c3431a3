#include "neardup/store/spill.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace neardup {
namespace {

// `n` bytes that differ from one offset to the next, so a misplaced read shows.
std::string Pattern(size_t n, uint32_t salt) {
  std::string out(n, '\0');
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<char>((i * 131 + salt) % 251);
  return out;
}

SpillOptions Tiny(size_t memory_bytes) {
  SpillOptions options;
  options.memory_bytes = memory_bytes;
  options.chunk_bytes = 4096;
  return options;
}

}  // namespace

TEST_CASE("a spill file reads back what was appended, in memory and on disk") {
  for (const size_t memory : {size_t{1} << 20, size_t{8192}, size_t{0}}) {
    CAPTURE(memory);
    SpillFile file(Tiny(memory));
    std::string all;
    for (uint32_t piece = 0; piece < 40; ++piece) {
      const std::string bytes = Pattern(100 + piece * 97, piece);  // pieces straddle chunks
      REQUIRE(file.Append(bytes.data(), bytes.size()).ok());
      all += bytes;
    }
    REQUIRE(file.Seal().ok());
    CHECK(file.size() == all.size());
    for (const auto& [offset, length] : std::vector<std::pair<size_t, size_t>>{
             {0, all.size()}, {1, 10}, {4095, 2}, {4096, 4096}, {12345, 6789}, {all.size() - 1, 1}}) {
      CAPTURE(offset);
      std::string got(length, '\0');
      REQUIRE(file.Read(offset, got.data(), length).ok());
      CHECK(got == all.substr(offset, length));
    }
  }
}

TEST_CASE("a cursor reads a spill file front to back, and seeks forward and back") {
  SpillFile file(Tiny(0));
  const std::string all = Pattern(50000, 7);
  REQUIRE(file.Append(all.data(), all.size()).ok());
  REQUIRE(file.Seal().ok());
  SpillFile::Cursor cursor(file);
  std::string got(1000, '\0');
  REQUIRE(cursor.Read(got.data(), got.size()).ok());
  CHECK(got == all.substr(0, 1000));
  cursor.Seek(30000);
  REQUIRE(cursor.Read(got.data(), got.size()).ok());
  CHECK(got == all.substr(30000, 1000));
  cursor.Seek(10);  // backwards, out of the buffer
  REQUIRE(cursor.Read(got.data(), got.size()).ok());
  CHECK(got == all.substr(10, 1000));
  cursor.Seek(all.size() - 5);
  CHECK_FALSE(cursor.Read(got.data(), 10).ok());  // past the end is an error, not garbage
}

TEST_CASE("partitioned records keep their order within each partition, spilled or not") {
  struct Record {
    uint64_t key;
    uint32_t seq;
    uint32_t unused;
  };
  for (const size_t memory : {size_t{1} << 20, size_t{64}}) {
    CAPTURE(memory);
    Partitioned<Record> records(8, Tiny(memory));
    uint64_t state = 1;
    std::vector<std::vector<uint32_t>> expected(8);
    for (uint32_t seq = 0; seq < 5000; ++seq) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      REQUIRE(records.Add({state, seq, 0}, state).ok());
      expected[state >> 61].push_back(seq);
    }
    REQUIRE(records.Seal().ok());
    CHECK(records.records() == 5000);
    std::vector<Record> loaded;
    for (size_t p = 0; p < 8; ++p) {
      REQUIRE(records.Load(p, loaded).ok());
      std::vector<uint32_t> seqs;
      for (const Record& r : loaded) seqs.push_back(r.seq);
      CHECK(seqs == expected[p]);
    }
  }
}

TEST_CASE("a temporary directory that cannot be written is an error naming it") {
  SpillOptions options = Tiny(0);
  options.temp_dir = "/nonexistent/neardup";
  SpillFile file(options);
  const std::string bytes = Pattern(10000, 1);
  const absl::Status status = file.Append(bytes.data(), bytes.size());
  REQUIRE_FALSE(status.ok());
  CHECK(std::string(status.message()).find("/nonexistent/neardup") != std::string::npos);
}

}  // namespace neardup
