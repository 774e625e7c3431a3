#include "neardup/base/partitions.h"

#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <vector>

namespace neardup {
namespace {

TEST_CASE("every partition runs once, and its results stay with it") {
  std::vector<int> ran(100, 0);
  const absl::Status status = ForEachPartition(ran.size(), [&](size_t p) {
    ran[p] += static_cast<int>(p) + 1;
    return absl::OkStatus();
  });
  CHECK(status.ok());
  for (size_t p = 0; p < ran.size(); ++p) CHECK(ran[p] == static_cast<int>(p) + 1);
}

TEST_CASE("the error returned is the first by partition order, and the others still run") {
  std::atomic<int> calls = 0;
  const absl::Status status = ForEachPartition(64, [&](size_t p) {
    ++calls;
    if (p == 40) return absl::DataLossError("partition 40");
    if (p == 7) return absl::NotFoundError("partition 7");
    return absl::OkStatus();
  });
  CHECK(calls == 64);
  CHECK(status.code() == absl::StatusCode::kNotFound);
  CHECK(std::string(status.message()) == "partition 7");
}

TEST_CASE("no partitions: nothing runs, nothing fails") {
  CHECK(ForEachPartition(0, [](size_t) { return absl::InternalError("ran"); }).ok());
}

}  // namespace
}  // namespace neardup
