// `neardup synth`: a labelled near-duplicate corpus built from any real base corpus.
//
// The base is cleaned first (BaseFilter: no two base documents share anything a tool could find),
// then duplicates are injected at configurable rates: exact re-scrapes, near copies (headline
// edited, words substituted/deleted/inserted, a paragraph dropped or added), truncated reprints,
// bodies pasted twice (line text: a templated line between the copies; glued text: a space or
// nothing between), captions scraped twice (as lines, and printed twice in a row inside a line),
// paragraphs repeated later with small edits, per-source boilerplate lines, the same boilerplate
// inside glued lines (after a sentence end, or fused to a closing token such as "(ren)"), and
// templated lines. Glued documents (the body's paragraphs joined into one line) come in every
// length. Natural negatives (restated quotes, rhetoric, lists with repeated labels) put back the
// repetition of real prose that a tool must keep. The truth says, per document, whether a
// perfect tool keeps it, which byte spans are duplicate content, and which are natural
// repetition.
//
// All choices come from SynthRandom streams derived from the seed, one per document and purpose,
// so the same base and options give the same bytes, and changing one rate leaves the choices of
// unrelated documents alone.
#ifndef NEARDUP_SYNTH_H_
#define NEARDUP_SYNTH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/document.h"
#include "neardup/quality/synth_options.h"
#include "neardup/quality/synth_truth.h"

namespace neardup {

// InvalidArgument naming the option, or OK.
absl::Status ValidateSynthOptions(const SynthOptions& options);

struct SynthDocument {
  std::string id;  // 16 hex digits drawn from the seed: says nothing about the document
  std::string source;
  std::string text;
};

struct SynthStats {
  uint64_t base_documents = 0;  // read
  uint64_t usable = 0;          // with a headline, two body lines and min_base_bytes
  uint64_t overlapping = 0;     // dropped because they overlap an admitted one
  uint64_t originals = 0;
  uint64_t reserve = 0;
  uint64_t copies[kNumOrigins] = {};        // documents by origin (base = originals)
  uint64_t spans[kNumInjections] = {};      // labelled spans by injection, every document
  uint64_t natural[kNumNatural] = {};       // natural-negative spans by kind, every document
  uint64_t glued = 0;                       // glued documents...
  uint64_t glued_short = 0;                 // ...of under 1,000 bytes
  uint64_t status[3] = {};                  // documents by DocStatus
};

struct SynthCorpus {
  std::vector<SynthDocument> documents;  // corpus order; truth.documents is parallel to it
  Truth truth;
  SynthStats stats;
};

// Errors: invalid options; fewer than 10 base documents left after the overlap filter.
absl::StatusOr<SynthCorpus> Synthesize(const std::vector<std::string>& base_texts,
                                       const SynthOptions& options);

// Texts of every document of `source`, in order.
absl::StatusOr<std::vector<std::string>> ReadBaseTexts(const DocumentSource& source);

// DIR/corpus.jsonl ({"id", "source", "text"} per line) and DIR/truth.json, each atomically.
absl::Status WriteSynthCorpus(const SynthCorpus& corpus, const SynthOptions& options,
                              const std::string& dir);

// The corpus as JSONL and the truth as JSON: what WriteSynthCorpus writes.
std::string CorpusJsonl(const SynthCorpus& corpus);
std::string CorpusTruthJson(const SynthCorpus& corpus, const SynthOptions& options);

}  // namespace neardup

#endif  // NEARDUP_SYNTH_H_
