// The validated settings of one run. The CLI turns flags into a Config; the library reads nothing
// else, so the same Config always gives the same result.
#ifndef NEARDUP_CONFIG_H_
#define NEARDUP_CONFIG_H_

#include <cstdint>

#include "absl/status/status.h"
#include "neardup/passages.h"
#include "neardup/shingle.h"

namespace neardup {

struct Config {
  double threshold = 0.8;        // document Jaccard at or above which a document is a duplicate
  int num_perm = 128;
  ShingleSpec shingle;           // document shingles
  uint64_t seed = 1;
  int threads = 0;               // 0: all cores; never changes the result
  PassageOptions passages;       // within-document repeats; its seed is overwritten by `seed`
};

// InvalidArgument naming the offending option, or OK.
absl::Status Validate(const Config& config);

// Worker threads to use: `threads`, or the number of cores when it is 0.
int ResolveThreads(int threads);

}  // namespace neardup

#endif  // NEARDUP_CONFIG_H_
