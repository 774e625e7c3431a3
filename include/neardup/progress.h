// Progress of a run, reported through a callback: the library never prints.
//
// Public: depends on the standard library only.
#ifndef NEARDUP_PROGRESS_H_
#define NEARDUP_PROGRESS_H_

#include <cstdint>
#include <functional>
#include <string_view>

namespace neardup {

struct Progress {
  std::string_view stage;  // "sign", "verify"
  uint64_t documents = 0;  // done so far
  uint64_t bytes = 0;      // read so far
};

// Called from the thread that called Deduplicate(), never concurrently. May be empty.
using ProgressFn = std::function<void(const Progress&)>;

}  // namespace neardup

#endif  // NEARDUP_PROGRESS_H_
