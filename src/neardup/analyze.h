// Everything the engine needs to know about one document, computed in a single pass over its
// text: the fingerprint for exact duplicates, the shingle set for verification, the MinHash
// signature for LSH, and its repeated passages. Documents are analyzed independently, which is
// what lets the first pass run on any number of threads (or machines) with the same result.
#ifndef NEARDUP_ANALYZE_H_
#define NEARDUP_ANALYZE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "neardup/config.h"
#include "neardup/glued.h"
#include "neardup/minhash.h"
#include "neardup/passages.h"

namespace neardup {

struct DocAnalysis {
  uint64_t exact_hash = 0;           // of the normalized text
  std::vector<uint64_t> shingles;    // sorted, duplicate-free
  std::vector<uint32_t> signature;   // num_perm values
  std::vector<PassageSketch> passages;  // with repeats inside the document marked
  std::vector<RepeatedRun> runs;        // repeats inside glued lines
};

class Analyzer {
 public:
  explicit Analyzer(const Config& config);
  // Pure function of the text and the config. Thread-safe: one Analyzer serves all threads.
  DocAnalysis Analyze(std::string_view text) const;

 private:
  Config config_;
  MinHasher hasher_;
};

}  // namespace neardup

#endif  // NEARDUP_ANALYZE_H_
