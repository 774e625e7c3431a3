// Passages of one document, sketched for every passage rule, and the repeats inside it.
//
// A PassageSketcher segments a document and, per passage, keeps what later stages decide on
// without the text: its normalized fingerprint (exact repeats, boilerplate), its opening words
// (templated boilerplate), its word-shingle set when long enough for near matching (repeats within
// and across documents), and whether it repeats an earlier kept passage of the same document.
// It works from the document's tokens, so a document is normalized and its words hashed once for
// the document rule and every passage rule together.
//
// A repeat is identical after normalization, or (for passages of at least `near_min_words` words)
// of word-shingle Jaccard >= `near_threshold`. The first copy stays. Near candidates come from a
// prefix-filter index, which finds every pair above the threshold without comparing all pairs.
#ifndef NEARDUP_PASSAGES_H_
#define NEARDUP_PASSAGES_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "neardup/config.h"
#include "neardup/text/normalize.h"
#include "neardup/text/segment.h"

namespace neardup {

// Trivially copyable, so the first pass can spill it to disk as it is.
struct PassageSketch {
  Passage span;
  uint32_t line = 0;             // 1-based line of span.start
  uint32_t words = 0;            // 0: no content (punctuation only); never matched
  uint64_t fingerprint = 0;      // XXH3 of the normalized passage
  uint64_t opening = 0;          // XXH3 of its opening words; 0 when not a template candidate
  uint32_t prefix = 0;           // how many of its shingles, sorted and distinct, open its range
  int32_t within_copy = -1;      // index of the kept passage of this document it repeats
  uint32_t shingle_begin = 0;    // its word shingles: DocPassages::shingles[begin, end),
  uint32_t shingle_end = 0;      // empty unless words >= near_min_words
  double within_similarity = 1.0;

  bool has_shingles() const { return shingle_end > shingle_begin; }
};

// The passages of one document and, concatenated, the word shingles of its long passages. A
// passage's range opens with its `prefix` smallest shingles, sorted and distinct (what the prefix
// filter indexes); the rest follow in no order, possibly repeated: sorting every passage's set
// would cost more than everything else a passage needs, and only candidates need it.
struct DocPassages {
  std::vector<PassageSketch> passages;
  std::vector<uint32_t> shingles;
  // LSH band keys and signature sketches of the long passages (those with shingles), the same
  // number each, in order; filled by the Analyzer (crossdoc.h, PassageKeys), not by
  // PassageSketcher.
  std::vector<uint64_t> band_keys;
  std::vector<uint8_t> sketches;

  std::span<const uint32_t> ShinglesOf(const PassageSketch& p) const {
    return std::span<const uint32_t>(shingles).subspan(p.shingle_begin, p.shingle_end - p.shingle_begin);
  }
  // The sorted, duplicate-free shingle set of a passage.
  std::vector<uint32_t> SetOf(const PassageSketch& p) const;
  size_t size() const { return passages.size(); }
  const PassageSketch& operator[](size_t i) const { return passages[i]; }
};

// Holds the scratch memory of sketching, so one per thread sketches any number of documents
// without allocating once they stop growing. Not thread-safe; cheap to construct.
class PassageSketcher {
 public:
  explicit PassageSketcher(const PassageOptions& options) : options_(options) {}

  // Sketches `text`, given its tokens and their word hashes (HashTokens() with options.seed),
  // into `out` (replaced).
  void Sketch(std::string_view text, const TokenizedText& tokens, std::span<const uint64_t> word_hashes,
              DocPassages& out);

  // Only the sorted, duplicate-free shingle sets of passages `wanted` (ascending indices; those
  // without shingles get an empty set), for verification: no fingerprints, no repeats.
  void Sets(std::string_view text, const TokenizedText& tokens, std::span<const uint64_t> word_hashes,
            std::span<const uint32_t> wanted, std::vector<std::vector<uint32_t>>& out);

 private:
  // Calls visit(i, span, first token, token count) for every passage in spans_, in order.
  template <typename Visit>
  void ForEachPassage(const TokenizedText& tokens, Visit visit);
  void MarkRepeats(const TokenizedText& tokens, DocPassages& out);
  int32_t FindKept(uint32_t i, const TokenizedText& tokens, const DocPassages& doc, double& similarity);
  void AddKept(uint32_t i, const DocPassages& doc);

  PassageOptions options_;
  std::vector<Passage> spans_;
  std::vector<std::pair<uint32_t, uint32_t>> norm_;  // normalized range of each passage
  // The kept passages so far, indexed for exact and near lookups. A document has a few dozen
  // passages, most of which repeat nothing: keys go to plain lists behind a bit filter, and only
  // a key that passes the filter is looked up in the list, so filling costs a push and a bit.
  // Past kListLimit keys (a document of thousands of lines), hash maps take over.
  template <typename Key>
  class KeyIndex {
   public:
    void Clear();
    void Add(Key key, uint32_t passage);
    // Appends the passages added under `key` (in the order added) to `out`.
    void Find(Key key, std::vector<uint32_t>& out) const;

   private:
    static constexpr size_t kListLimit = 256;
    static size_t Bit(Key key) { return static_cast<size_t>(key ^ (key >> 23)) & 4095; }
    uint64_t filter_[64] = {};
    std::vector<std::pair<Key, uint32_t>> list_;
    absl::flat_hash_map<Key, std::vector<uint32_t>> map_;  // once the list is too long
  };
  KeyIndex<uint64_t> exact_;  // fingerprint -> kept passages
  KeyIndex<uint32_t> prefix_;  // prefix shingle -> kept passages
  std::vector<uint32_t> candidates_;
  std::vector<uint32_t> set_, other_;
};

// Tokenizes `text` and sketches it: the convenience form of PassageSketcher, for tests and tools.
DocPassages SketchPassages(std::string_view text, const PassageOptions& options);

// Bytes removed with passage i when `removed` passages go: [start, removal_end), extended over
// the line terminator when every piece of its line goes too.
std::pair<size_t, size_t> RemovalSpan(std::span<const PassageSketch> passages,
                                      const std::vector<bool>& removed, size_t i);

// The same Jaccard threshold test the passage rules use, with a size filter first.
double PassageSimilarity(std::span<const uint32_t> a, std::span<const uint32_t> b, double threshold);

// Elements of a sorted set of size n that any set of Jaccard >= t with it must share one of.
size_t PrefixLength(size_t n, double t);

struct RepeatedPassage {
  size_t start = 0;        // removed bytes [start, end), terminator included
  size_t end = 0;
  size_t copy_start = 0;   // the kept copy it repeats, terminator excluded
  size_t copy_end = 0;
  double similarity = 1.0;
};

// Later copies of repeated passages within `text`, in text order. Thread-safe.
std::vector<RepeatedPassage> FindRepeatsWithin(std::string_view text, const PassageOptions& options);

}  // namespace neardup

#endif  // NEARDUP_PASSAGES_H_
