// Everything the engine needs to know about one document, computed in a single pass over its
// text: the fingerprint for exact duplicates, the LSH band keys, and its passages with the repeats
// inside it and their own band keys. The text is normalized and its words hashed once;
// the document's k-grams, the passages' fingerprints and the passages' k-grams all come from
// that one pass. Documents are analyzed independently, which is what lets the first pass run on
// any number of threads (or machines) with the same result.
#ifndef NEARDUP_ANALYZE_H_
#define NEARDUP_ANALYZE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "neardup/config.h"
#include "neardup/passages/crossdoc.h"
#include "neardup/similarity/lsh.h"
#include "neardup/similarity/minhash.h"
#include "neardup/text/normalize.h"
#include "neardup/passages/passages.h"
#include "neardup/passages/repeats.h"

namespace neardup {

struct DocAnalysis {
  uint64_t exact_hash = 0;           // of the normalized text
  std::vector<uint64_t> band_keys;   // lsh().bands keys, then containment_lsh().bands if enabled
  std::vector<uint32_t> shingles;    // in text order, repeats kept: what the signature is of
  DocPassages passages;
  std::vector<WithinRepeat> repeats;  // repeats inside the document (units of passages)
};

class Analyzer {
 public:
  explicit Analyzer(const Config& config);

  // Per-thread buffers, so that analysis allocates only while documents grow.
  class Scratch {
   public:
    explicit Scratch(const Analyzer& analyzer) : sketcher_(analyzer.config_.passages) {}

   private:
    friend class Analyzer;
    void Tokenize(std::string_view text, uint64_t seed);
    TokenizedText tokens_;
    std::vector<uint64_t> words_;
    std::vector<uint32_t> signature_;
    std::vector<uint32_t> passage_signature_;
    std::vector<uint32_t> grams_;  // word k-grams of the passage rules, text order
    std::vector<Unit> units_;
    RepeatScratch repeats_;
    PassageSketcher sketcher_;
  };

  // Pure function of the text and the config into `out` (replaced). Thread-safe: one Analyzer
  // serves all threads, each with its own Scratch.
  void Analyze(std::string_view text, Scratch& scratch, DocAnalysis& out) const;
  DocAnalysis Analyze(std::string_view text) const;

  // Parts of Analyze(), for verification, which reads a few documents again: the sorted,
  // duplicate-free shingle set of the document, or of some of its passages (by index).
  void ShingleSet(std::string_view text, Scratch& scratch, std::vector<uint32_t>& out) const;
  void PassageSets(std::string_view text, Scratch& scratch, std::span<const uint32_t> passages,
                   std::vector<std::vector<uint32_t>>& out) const;
  // What a persistent index stores and looks up of a document: its exact fingerprint, its
  // document band keys (lsh() only, never the containment ones) and its shingle set (sorted,
  // duplicate-free), all replaced. The same values Analyze() computes.
  void IndexKeys(std::string_view text, Scratch& scratch, uint64_t& exact, std::vector<uint64_t>& band_keys,
                 std::vector<uint32_t>& set) const;

  const LshParams& lsh() const { return lsh_; }
  // Band keys per long passage (PassageKeys).
  int passage_bands() const { return passage_keys_.bands(); }
  // Banding for containment candidates; bands == 0 when --containment is off.
  const LshParams& containment_lsh() const { return containment_lsh_; }

 private:
  Config config_;
  MinHasher hasher_;
  PassageKeys passage_keys_;
  RepeatOptions repeats_;
  LshParams lsh_;
  LshParams containment_lsh_;
};

// Containment candidates: LSH tuned for this share of the containment threshold, so that a reprint
// at least half as long as the original becomes a candidate with >= 95% probability.
inline constexpr double kContainmentSizeRatio = 0.5;

}  // namespace neardup

#endif  // NEARDUP_ANALYZE_H_
