#include "neardup/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace neardup {

void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn) {
  const size_t workers = std::min(n, static_cast<size_t>(std::max(threads, 1)));
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  // Chunks small enough to balance uneven documents, large enough to keep the counter cold.
  const size_t chunk = std::max<size_t>(1, n / (workers * 16));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t begin; (begin = next.fetch_add(chunk, std::memory_order_relaxed)) < n;) {
      const size_t end = std::min(n, begin + chunk);
      for (size_t i = begin; i < end; ++i) fn(i);
    }
  };
  std::vector<std::jthread> pool;
  pool.reserve(workers - 1);
  for (size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
}

}  // namespace neardup
