// The base of a labelled corpus: real documents split into a headline and body lines, and the
// filter that keeps only documents sharing nothing a dedup tool could find with each other.
//
// The truth of a synthetic corpus is only as clean as its base: two base documents that already
// share a paragraph would make a correct tool look wrong. BaseFilter therefore admits a document
// only when, against every document admitted before it, it shares no line (after normalization),
// no long line nearly, no templated-line opening beyond a small count, and few word 5-grams, and
// when it repeats nothing inside itself.
#ifndef NEARDUP_SYNTH_BASE_H_
#define NEARDUP_SYNTH_BASE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace neardup {

struct BaseDocument {
  std::string headline;            // first non-blank line
  std::vector<std::string> lines;  // the other non-blank lines, trimmed, without terminators

  size_t body_bytes() const;  // bytes of `lines`, one newline each
};

// Splits `text` into lines, trims spaces and "\r" at both ends, drops lines with no letter or
// digit. Empty when fewer than `min_lines` body lines remain.
std::optional<BaseDocument> ParseBaseDocument(std::string_view text, size_t min_lines);

struct BaseFilterOptions {
  size_t max_line_bytes = 1000;      // longer lines would be split at sentences by the engine
  size_t near_min_words = 8;         // lines this long are also checked for near overlap...
  double line_overlap = 0.5;         // ...refused when this share of their word 3-grams is known
  double document_overlap = 0.2;     // refused when this share of the word 5-grams is known
  size_t max_opening_documents = 2;  // documents that may share a short line's first two words
};

class BaseFilter {
 public:
  explicit BaseFilter(BaseFilterOptions options) : options_(options) {}

  // A line the generator will inject itself (boilerplate): no base line may equal it.
  void ReserveLine(std::string_view line);
  // A templated-line prefix ("Read also:"): no short base line may open with the same two words.
  void ReserveOpening(std::string_view prefix);
  // A sentence the generator glues into lines: no base line may contain it (after
  // normalization, as whole words).
  void ReserveSentence(std::string_view sentence);

  // True when `doc` overlaps nothing admitted so far, in which case it is admitted.
  bool Admit(const BaseDocument& doc);

 private:
  BaseFilterOptions options_;
  absl::flat_hash_set<uint64_t> lines_;         // normalized line fingerprints
  absl::flat_hash_set<uint64_t> line_grams_;    // word 3-grams of long lines
  absl::flat_hash_set<uint64_t> doc_grams_;     // word 5-grams of whole documents
  absl::flat_hash_map<uint64_t, size_t> openings_;  // first two words of short lines -> documents
  std::vector<std::string> sentences_;  // normalized, with a space at each end
};

// XXH3 of the first two words of normalized short-line text (2 to 20 words), as the engine's
// templated-line rule sees them; nullopt for other lines.
std::optional<uint64_t> LineOpening(std::string_view normalized);

}  // namespace neardup

#endif  // NEARDUP_SYNTH_BASE_H_
