// Data parallelism over an index range with standard threads.
#ifndef NEARDUP_PARALLEL_H_
#define NEARDUP_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace neardup {

// Calls fn(i) for every i in [0, n) on up to `threads` threads; returns when all are done.
// Work is handed out in small chunks through one atomic counter (no lock). Results must be
// written by index so that they do not depend on scheduling. fn must not throw.
void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn);

}  // namespace neardup

#endif  // NEARDUP_PARALLEL_H_
