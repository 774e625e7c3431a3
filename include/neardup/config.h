// The validated settings of one run. The CLI turns flags into a Config; the library reads nothing
// else, so the same Config always gives the same result.
#ifndef NEARDUP_CONFIG_H_
#define NEARDUP_CONFIG_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "neardup/passages/passages.h"
#include "neardup/text/shingle.h"

namespace neardup {

enum class CrossDocMode { kReport, kRemove };

// Which document of a duplicate cluster stays.
enum class KeepPolicy {
  kFirst,    // earliest in input order
  kLongest,  // most bytes; ties by input order
  kField,    // smallest value of a JSONL field (e.g. an ISO date: earliest first); missing last
};

struct BoilerplateOptions {
  size_t min_docs = 3;           // a passage recurring in at least this many documents of a source
  double min_share = 0.05;       // ... and in at least this share of them
  // Templated lines ("Baca Juga: <title>"): lines of at most `pattern_max_words` words whose first
  // `pattern_words` words open a line in at least `pattern_min_share` of a source's documents
  // (and `min_docs` of them), with at least two different tails.
  size_t pattern_words = 2;
  size_t pattern_max_words = 20;
  double pattern_min_share = 0.2;
  bool remove_patterns = false;  // reported always; removed only when asked
};

struct Config {
  double threshold = 0.8;        // document Jaccard at or above which a document is a duplicate
  int num_perm = 128;
  ShingleSpec shingle;           // document shingles
  uint64_t seed = 1;
  int threads = 0;               // 0: all cores; never changes the result
  PassageOptions passages;       // within-document repeats; its seed is overwritten by `seed`
  CrossDocMode cross_doc = CrossDocMode::kReport;  // passages repeated from earlier kept documents
  BoilerplateOptions boilerplate;
  double containment = 0.0;      // > 0: also remove documents this much contained in a kept one
  KeepPolicy keep = KeepPolicy::kFirst;
  std::string keep_field;        // for KeepPolicy::kField
  size_t min_span_words = 8;     // glued text: repeated runs shorter than this are ignored
  size_t max_gap_tokens = 20;    // glued text: unique gaps this short between runs are absorbed
  std::string temp_dir;          // spill files; empty: the system's (TMPDIR, else /tmp)
  size_t spill_memory_bytes = size_t{32} << 20;  // held in memory per spill before it goes to disk
};

// InvalidArgument naming the offending option, or OK.
absl::Status Validate(const Config& config);

// Worker threads to use: `threads`, or the number of cores when it is 0.
int ResolveThreads(int threads);

}  // namespace neardup

#endif  // NEARDUP_CONFIG_H_
