// The answer key of a labelled corpus (DIR/truth.json): per document, whether a perfect tool
// keeps it, and which byte spans of it are duplicate content, of which kind and made how.
//
// `synth` writes it; `eval` reads it back. Offsets are bytes of the document text (the decoded
// "text" field of corpus.jsonl), end exclusive, like the offsets of a neardup report.
#ifndef NEARDUP_SYNTH_TRUTH_H_
#define NEARDUP_SYNTH_TRUTH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace neardup {

inline constexpr int kTruthSchema = 1;

// The span kinds eval scores. A report's rules map onto them: repeat-within -> within,
// repeat-across -> across, boilerplate and boilerplate-pattern -> boilerplate.
enum class SpanKind { kWithin, kAcross, kBoilerplate };
inline constexpr int kNumSpanKinds = 3;
const char* SpanKindName(SpanKind kind);  // "within", "across", "boilerplate"
std::optional<SpanKind> ParseSpanKind(std::string_view name);

// How a span was made; each injection has exactly one kind.
enum class Injection {
  kPastedBody,     // within: body lines pasted a second time, after a templated line
  kGluedBody,      // within: a glued (one-line) body pasted a second time, with or without a space
  kCaption,        // within: a short caption line scraped twice
  kNearParagraph,  // within: a paragraph repeated later with a word or two changed
  kTandemCaption,  // within: a caption sentence printed twice in a row inside a line
  kBoilerplateLine,  // boilerplate: a fixed line of the document's source
  kTemplateLine,     // boilerplate: "<source prefix> <another title>"
  kGluedBoilerplate,  // boilerplate: a source's line inside a glued line, after a sentence end
  kFusedBoilerplate,  // boilerplate: the same, fused to a closing token ("(ren)SHARE")
  kCopiedLine,       // across: a line of a kept document copied from an earlier one
};
inline constexpr int kNumInjections = 10;
const char* InjectionName(Injection injection);  // "pasted-body", "glued-body", ...
std::optional<Injection> ParseInjection(std::string_view name);
SpanKind KindOf(Injection injection);

// Natural repetition that a correct tool keeps: spans that carry no duplicate content, where any
// removal is collateral damage. Built from the document's own (real) words.
enum class Natural {
  kRestatedQuote,  // a sentence of the document repeated once inside a later paragraph
  kRhetoric,       // a phrase of 3-6 words repeated inside one sentence, not back to back
  kLabelList,      // list lines whose labels repeat with different values (and short notes)
  kGluedList,      // the same list glued into one line with ";" between its items
};
inline constexpr int kNumNatural = 4;
const char* NaturalName(Natural natural);  // "restated-quote", "rhetoric", "label-list", "glued-list"
std::optional<Natural> ParseNatural(std::string_view name);

struct NaturalSpan {
  uint64_t start = 0;
  uint64_t end = 0;
  Natural kind = Natural::kRestatedQuote;
};

enum class DocStatus {
  kKept,       // a perfect tool keeps it
  kDuplicate,  // a perfect tool removes it (or the document it copies, keeping this one)
  kAmbiguous,  // true similarity between the ambiguity bounds: not scored
};
const char* DocStatusName(DocStatus status);  // "kept", "duplicate", "ambiguous"

// How a document was made.
enum class Origin { kBase, kExactCopy, kNearCopy, kTruncated };
inline constexpr int kNumOrigins = 4;
const char* OriginName(Origin origin);  // "base", "exact-copy", "near-copy", "truncated"

struct TruthSpan {
  uint64_t start = 0;
  uint64_t end = 0;
  Injection injection = Injection::kPastedBody;
  bool ambiguous = false;   // copied lines too short or too changed to call: not scored
  double similarity = 1.0;  // word 3-gram Jaccard with the text it copies

  SpanKind kind() const { return KindOf(injection); }
};

struct TruthDocument {
  std::string id;
  std::string source;
  uint64_t bytes = 0;
  DocStatus status = DocStatus::kKept;
  Origin origin = Origin::kBase;
  std::string of;        // copies: id of the document copied (always earlier in the corpus)
  double jaccard = 0.0;  // copies: Jaccard of word 5-gram sets with `of`
  bool glued = false;    // its body is one line (paragraphs glued), not one paragraph per line
  std::vector<TruthSpan> spans;  // ascending, disjoint
  std::vector<NaturalSpan> natural;  // ascending, disjoint, outside every span
};

struct Truth {
  uint64_t seed = 0;
  double ambiguous_low = 0.75;   // copies with jaccard in [low, high) are ambiguous
  double ambiguous_high = 0.85;
  std::vector<TruthDocument> documents;  // corpus order
};

// The truth as JSON, with the generator's `params` and `stats` (name/number pairs, written in
// order) recorded beside it. Deterministic.
using NumberFields = std::vector<std::pair<std::string, double>>;
std::string TruthToJson(const Truth& truth, const NumberFields& params, const NumberFields& stats);

// Errors name `name` (the file) and say what is missing or malformed.
absl::StatusOr<Truth> ParseTruth(std::string_view json, std::string_view name);

}  // namespace neardup

#endif  // NEARDUP_SYNTH_TRUTH_H_
