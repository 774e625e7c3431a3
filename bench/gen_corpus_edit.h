// Near copies for the benchmark corpus generator: a few words of a text substituted, deleted or
// inserted, with the word 5-gram Jaccard to the original kept at or above a floor.
//
// Why bursts: an isolated edit changes the five 5-grams that cover it, so 3% of words edited one
// by one would leave J near (1 - 0.15) / (1 + 0.15) = 0.74. Editors change phrases, not scattered
// words, and a burst of k adjacent edits changes only k + 4 5-grams. Edits come in bursts of up
// to 3 words; when J falls below the floor, the edits are drawn again with longer bursts (6, 12,
// ...), which always succeeds for documents of a few hundred words.
#ifndef NEARDUP_BENCH_GEN_CORPUS_EDIT_H_
#define NEARDUP_BENCH_GEN_CORPUS_EDIT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gen_corpus_rng.h"
#include "gen_corpus_text.h"

namespace neardup::bench {

// Sorted, unique hashes of the word k-grams of `text` (the engine's documents use 5, its
// passages 3), words as the engine's normalizer sees them in ASCII (lowercased runs of letters
// and digits; other bytes >= 0x80 count as letters). A text of fewer than k words has one
// shingle. Reuses `words` and `out` as scratch.
void WordShingles(std::string_view text, std::vector<uint64_t>& words, std::vector<uint64_t>& out,
                  size_t k = 5);

// |A ∩ B| / |A ∪ B| of two sorted, unique sets; 1 when both are empty.
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// Not thread-safe: holds scratch buffers, so one per thread.
class NearCopier {
 public:
  explicit NearCopier(const TextBank& bank) : bank_(bank) {}

  // Writes into `out` (cleared first) `original` with about `rate` of the words in its bytes
  // [editable_begin, editable_end) edited (at least one), and returns the word 5-gram Jaccard of
  // the result to `original`: at least `min_jaccard` unless even one short burst cannot reach it.
  double Copy(std::string_view original, size_t editable_begin, size_t editable_end, double rate,
              double min_jaccard, Rng& rng, std::string& out);

 private:
  void DrawEdits(size_t edits, size_t max_burst, Rng& rng);
  void Apply(std::string_view original, Rng& rng, std::string& out) const;

  const TextBank& bank_;
  std::vector<std::pair<uint32_t, uint32_t>> tokens_;  // [start, end) of each editable word
  std::vector<uint8_t> ops_;                           // per token: an Op
  std::vector<uint64_t> words_, original_set_, copy_set_;
};

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_GEN_CORPUS_EDIT_H_
