// Repeats inside one document: what a scraper pasted twice, told apart from what an author
// repeated on purpose.
//
// Evidence: runs of words that occur earlier in the document. Word 3-grams seen before seed runs
// along diagonals (a run keeps one distance to its copy); runs on nearly the same diagonal with a
// gap of a few words (an edited word, an inserted one) are chained; a sentence identical to an
// earlier one is a run too, however short. A sentence (unit) is repeated when one chain covers at
// least half of it; its copy is the chain's diagonal projection.
//
// Decision (HACKING.md, "Repeats within a document", gives the evidence): consecutive repeated
// units whose copies are consecutive form a group. A group is a fault, and goes, when
//   - it directly follows its copy with the same bytes (a caption or title printed twice in a
//     row), whatever its length;
//   - or it has two or more units (a body or part of one pasted again) of at least
//     `min_far_words` words;
//   - or it is a whole line or paragraph of at least `min_line_words` words;
// but a single sentence or line away from its copy goes only when identical (an entry of reference
// text reads like the one before it but for the word that matters: "unicast" for "multicast"),
// and a document with `max_restatements` or more separate repeats away from their copies (on
// different diagonals) keeps them all, reported: a scraper pastes once or twice, a manual
// restates its sentences for each entry.
// Units whose text occurs three times or more are formulas and count for nothing away from
// their copies; a sentence wrapped by hand across short lines counts once, however many units
// its lines make. Otherwise a repeat is natural and stays: a single sentence restated inside running
// prose (a quote repeated later), a short line or two recurring in a list, a table or reference
// text ("Winners meet in final match", "Return 0 on success, or a negative error in case of
// failure." after every function of a manual).
// Inside a sentence only a tandem goes: a span of at least `min_tandem_words` words that opens
// its sentence and is directly followed by itself, with the same bytes but for whitespace and
// case, only whitespace, sentence punctuation or a bracket the first copy opened between the
// copies (without whitespace, only at a glue point), and the second copy ending its token.
// Repetition inside a sentence that is not back to back (rhetoric), or that starts mid-sentence
// ("/etc/init, then /bin/init, then"), stays, and so do technical texts' joins of the same words
// ("[Code of Conduct](#code-of-conduct)", "[doc/a.txt]: doc/a.txt", "objs/foo.o objs/foo.o.bu").
//
// Every removal is verified: the removed words are identical after normalization to one
// contiguous earlier span, or (from `near_min_words` words) their word 3-gram Jaccard with it is
// at least `threshold`. A group is split at line (paragraph) ends and each part verified on its
// own; a part that fails stays, and the parts it separates are judged apart. Removals are whole
// units and never part of a sentence wrapped across lines while the rest of it stays; the one
// exception is a word fused at a glue point ("terakhirKorut", a body pasted twice with nothing
// between), which stays whole.
#ifndef NEARDUP_REPEATS_H_
#define NEARDUP_REPEATS_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "neardup/text/normalize.h"
#include "neardup/passages/passages.h"

namespace neardup {

struct RepeatOptions {
  size_t k = 3;                  // word k-grams that seed runs; the passage shingle length
  size_t near_min_words = 8;     // a removal that is not identical needs this many words
  double threshold = 0.8;        // word 3-gram Jaccard of a near removal with its copy
  size_t min_far_words = 15;     // sentences repeated away from their copy: a fault from this length
  size_t min_line_words = 20;    // a single line (paragraph) repeated away from its copy: the same
  size_t min_tandem_words = 3;   // shortest tandem repeat inside a sentence
  size_t max_gap_words = 3;      // edits (words) a chain absorbs between two runs
  size_t max_restatements = 3;   // separate repeats away from their copies that make a document reference text
  uint64_t seed = 1;             // of the word hashes
};

struct CopySpan {
  uint32_t start = 0;
  uint32_t end = 0;
};

// One removal: whole units [first_unit, last_unit] of one line or paragraph (kUnits), or a tandem
// copy inside one unit (kTandem, bytes [start, end)).
struct WithinRepeat {
  enum class Kind : uint8_t { kUnits, kTandem };
  Kind kind = Kind::kUnits;
  // kUnits: the removal begins at `start`, inside first_unit, after a fused word; the rest of
  // first_unit and every later unit go whole.
  bool fused_start = false;
  uint32_t first_unit = 0;
  uint32_t last_unit = 0;
  uint32_t start = 0;  // kTandem, fused_start
  uint32_t end = 0;    // kTandem
  uint32_t words = 0;  // removed
  double similarity = 1.0;  // 1: identical after normalization to its copy
  bool adjacent = false;     // directly after its copy (a caption printed twice), or a tandem
  // False: reported, not removed. A document that restates itself away from the copies in many
  // separate places is reference text written that way, not a scraper's paste.
  bool remove = true;
  uint64_t fingerprint = 0;  // XXH3 of the removed words, normalized: names the finding
  // The copy of each unit, in order (kUnits), or of the tandem (one entry). Together they are
  // one contiguous earlier span of the document: the copy of the whole removal.
  std::vector<CopySpan> copies;
  CopySpan copy() const { return {copies.front().start, copies.back().end}; }
};

// Memory FindWithinRepeats reuses from one document to the next; one per thread.
class RepeatScratch {
 public:
  RepeatScratch();
  ~RepeatScratch();
  RepeatScratch(RepeatScratch&&) noexcept;
  RepeatScratch(const RepeatScratch&) = delete;  // owns buffers

  struct Buffers;

 private:
  friend std::vector<struct WithinRepeat> FindWithinRepeats(std::string_view, const TokenizedText&,
                                                            std::span<const uint64_t>, std::span<const uint32_t>,
                                                            std::span<const struct Unit>, const struct RepeatOptions&,
                                                            RepeatScratch&);
  std::unique_ptr<Buffers> buffers_;
};

// The repeats of a document in text order, non-overlapping. `units` are its units (DocUnits()),
// `tokens` and `word_hashes` its words (Tokenize(), HashTokens() with options.seed), `grams` the
// shingles of its k-grams in text order (AppendWordShingles(), k = options.k) or empty.
// Thread-safe; linear in the words but for the few runs a document repeats.
std::vector<WithinRepeat> FindWithinRepeats(std::string_view text, const TokenizedText& tokens,
                                            std::span<const uint64_t> word_hashes, std::span<const uint32_t> grams,
                                            std::span<const Unit> units, const RepeatOptions& options,
                                            RepeatScratch& scratch);

// The same from the text alone (tests and tools): sketches it with `passages` first.
std::vector<WithinRepeat> FindWithinRepeats(std::string_view text, const PassageOptions& passages,
                                            const RepeatOptions& options);

}  // namespace neardup

#endif  // NEARDUP_REPEATS_H_
