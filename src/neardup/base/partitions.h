// Work split into independent partitions, run in parallel, with errors as values.
//
// The stages after the first pass load partitioned records (store/spill.h) and process each
// partition on its own: cross-document matching, boilerplate counting, document verification.
// ForEachPartition is the one place that runs them, so it is also the seam where a run across
// machines will exchange records by partition owner instead.
#ifndef NEARDUP_BASE_PARTITIONS_H_
#define NEARDUP_BASE_PARTITIONS_H_

#include <tbb/parallel_for.h>

#include <cstddef>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace neardup {

// Runs f(p) -> absl::Status for every p in [0, partitions) as tasks of the current TBB arena
// and returns the first error in partition order (not in the order they happened), or OK. Every
// partition runs even when another fails. Calls run concurrently: f writes only to what belongs
// to its partition, or synchronizes.
template <typename F>
absl::Status ForEachPartition(size_t partitions, F&& f) {
  std::vector<absl::Status> errors(partitions);
  tbb::parallel_for(size_t{0}, partitions, [&](size_t p) { errors[p] = f(p); });
  for (absl::Status& error : errors) {
    if (!error.ok()) return std::move(error);
  }
  return absl::OkStatus();
}

}  // namespace neardup

#endif  // NEARDUP_BASE_PARTITIONS_H_
