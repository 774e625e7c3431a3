// The validated settings of one run. The CLI turns flags into a Config; the library reads nothing
// else, so the same Config always gives the same result.
//
// Public: depends on the standard library and absl::Status only.
#ifndef NEARDUP_CONFIG_H_
#define NEARDUP_CONFIG_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace neardup {

enum class ShingleKind { kWord, kChar };

// Document shingles: word k-grams or character k-grams of the normalized text.
struct ShingleSpec {
  ShingleKind kind = ShingleKind::kWord;
  int k = 5;

  std::string ToString() const;  // "word:5", the same form ParseShingleSpec() accepts
  friend bool operator==(const ShingleSpec&, const ShingleSpec&) = default;
};

// Parses "word:K" or "char:K" with 1 <= K <= 64.
absl::StatusOr<ShingleSpec> ParseShingleSpec(std::string_view text);

enum class PassageMode { kLine, kParagraph };

struct SegmentOptions {
  PassageMode mode = PassageMode::kLine;
  size_t long_line_bytes = 1000;  // lines longer than this are split at sentence ends
};

struct PassageOptions {
  SegmentOptions segment;
  int shingle_words = 3;         // word k-grams for passage similarity
  size_t near_min_words = 8;     // shorter passages only count when identical
  double near_threshold = 0.8;
  uint64_t seed = 1;
  size_t opening_words = 2;      // templated lines: how many opening words name the template
  size_t opening_max_words = 20; // ... and the longest line that can be one
};

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
  size_t min_tandem_words = 3;   // inside a sentence: shortest span removed when directly repeated
  std::string temp_dir;          // spill files; empty: the system's (TMPDIR, else /tmp)
  size_t spill_memory_bytes = size_t{32} << 20;  // held in memory per spill before it goes to disk
};

// InvalidArgument naming the offending option, or OK.
absl::Status Validate(const Config& config);

// Worker threads to use: `threads`, or the number of cores when it is 0.
int ResolveThreads(int threads);

// The LSH banding of a run's document signatures: `bands` bands of `rows` values each, chosen
// from the threshold and num_perm (a report names it; ChooseBands in the engine picks it).
struct LshParams {
  int bands = 0;
  int rows = 0;
};

}  // namespace neardup

#endif  // NEARDUP_CONFIG_H_
