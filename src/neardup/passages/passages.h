// Passages of one document and their sentences, sketched for every passage rule.
//
// A PassageSketcher segments a document into passages (lines or paragraphs; sentences of very long
// lines) and splits each into its sentences. It keeps, per passage, what later stages decide on
// without the text: its normalized fingerprint (exact repeats across documents, boilerplate), its
// opening words (templated boilerplate) and its word 3-grams when it is long enough for near
// matching across documents; and the same fingerprints and openings per sentence of a passage
// that has several, so that boilerplate glued into a paragraph is counted wherever the lines
// break. It works from the document's tokens, so a document is normalized and its words hashed
// once for the document rule and every passage rule together.
//
// Units: the smallest pieces any rule removes are the document's sentences, in order: the
// sentences of each passage that has several, else the passage itself (DocUnits()).
#ifndef NEARDUP_PASSAGES_H_
#define NEARDUP_PASSAGES_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

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
  uint32_t first_piece = 0;      // its sentences: DocPassages::pieces[first_piece, + pieces),
  uint32_t pieces = 0;           // when it has more than one; 0 otherwise
  uint32_t shingle_begin = 0;    // its word shingles in text order: DocPassages::shingles[begin, end),
  uint32_t shingle_end = 0;      // empty unless words >= near_min_words

  bool has_shingles() const { return shingle_end > shingle_begin; }
};

// A sentence of a passage that has several. Trivially copyable.
struct PieceSketch {
  uint32_t start = 0;        // content bytes [start, end)
  uint32_t end = 0;
  uint32_t words = 0;
  uint32_t line = 0;
  uint64_t fingerprint = 0;  // as a passage's
  uint64_t opening = 0;      // as a passage's: sentences of at most opening_max_words words
};

// The passages of one document, their sentences and, concatenated, the word 3-grams of its long
// passages.
struct DocPassages {
  std::vector<PassageSketch> passages;
  std::vector<PieceSketch> pieces;
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

// A sentence of the document as the rules see it: content bytes, the block (line or paragraph)
// it belongs to, its passage, and its fingerprint.
struct Unit {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t words = 0;
  uint32_t line = 0;
  uint32_t passage = 0;
  uint32_t block_end = 0;  // end of its line or paragraph, terminator included: names the block
  uint64_t fingerprint = 0;
  uint64_t opening = 0;
};

// The units of a document in text order: each passage's pieces, or the passage itself.
void DocUnits(std::span<const PassageSketch> passages, std::span<const PieceSketch> pieces, std::vector<Unit>& out);

// Holds the scratch memory of sketching, so one per thread sketches any number of documents
// without allocating once they stop growing. Not thread-safe; cheap to construct.
class PassageSketcher {
 public:
  explicit PassageSketcher(const PassageOptions& options) : options_(options) {}

  // Sketches `text`, given its tokens, their word hashes (HashTokens() with options.seed) and the
  // shingles of every run of shingle_words words in text order (AppendWordShingles()), into `out`
  // (replaced).
  void Sketch(std::string_view text, const TokenizedText& tokens, std::span<const uint64_t> word_hashes,
              std::span<const uint32_t> grams, DocPassages& out);

  // Only the sorted, duplicate-free shingle sets of passages `wanted` (ascending indices; those
  // without shingles get an empty set), for verification: no fingerprints, no sentences.
  void Sets(std::string_view text, const TokenizedText& tokens, std::span<const uint64_t> word_hashes,
            std::span<const uint32_t> wanted, std::vector<std::vector<uint32_t>>& out);

 private:
  // Calls visit(i, span, first token, token count) for every passage in spans_, in order.
  template <typename Visit>
  void ForEachPassage(const TokenizedText& tokens, Visit visit);
  void AddPieces(std::string_view text, const TokenizedText& tokens, size_t first_token, PassageSketch& p,
                 DocPassages& out);
  uint64_t Opening(const TokenizedText& tokens, size_t first, size_t words) const;

  PassageOptions options_;
  std::vector<Passage> spans_;
  std::vector<Sentence> sentences_;
};

// Tokenizes `text` and sketches it: the convenience form of PassageSketcher, for tests and tools.
DocPassages SketchPassages(std::string_view text, const PassageOptions& options);

// The same Jaccard threshold test the passage rules use, with a size filter first.
double PassageSimilarity(std::span<const uint32_t> a, std::span<const uint32_t> b, double threshold);

}  // namespace neardup

#endif  // NEARDUP_PASSAGES_H_
