// Repeats inside glued text: lines a scraper joined into one very long line, where a body pasted
// twice need not start at a sentence boundary and so escapes the passage rules.
//
// Within lines longer than the long-line limit, and shorter lines that repeat a third of their
// own k-grams (a short body pasted twice), a word k-gram that already occurred earlier in
// the document is "repeated"; consecutive repeated k-grams form a run. Runs separated by a short
// unique gap are merged (a changed word inside a pasted copy does not break it), and a merged run
// covering at least `min_span_words` words is a repeated span. Spans start and end on word
// boundaries and take the punctuation and spaces up to the next word with them.
#ifndef NEARDUP_GLUED_H_
#define NEARDUP_GLUED_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "neardup/text/normalize.h"
#include "neardup/passages/passages.h"

namespace neardup {

struct RunOptions {
  size_t long_line_bytes = 1000;
  size_t min_span_words = 8;
  size_t max_gap_tokens = 20;
  int k = 5;  // capped at min_span_words
  uint64_t seed = 1;
};

struct RepeatedRun {
  size_t start = 0;  // removed bytes [start, end)
  size_t end = 0;
  size_t copy_start = 0;  // the earlier text it repeats
  size_t copy_end = 0;
  uint32_t words = 0;
  uint32_t line = 0;  // 1-based line of start
  uint64_t fingerprint = 0;  // XXH3 of the normalized span
};

// Repeated runs of `text`, in text order, ignoring words inside passages marked in `removed`
// (already gone by the passage rules). `tokens` and `word_hashes` are the text's (Tokenize(),
// HashTokens()); `grams` may hold its word k-gram shingles in text order (AppendWordShingles()
// with the runs' k), which saves computing them again, or be empty. Thread-safe.
std::vector<RepeatedRun> FindRepeatedRuns(std::string_view text, const TokenizedText& tokens,
                                          std::span<const uint64_t> word_hashes, std::span<const uint32_t> grams,
                                          std::span<const PassageSketch> passages,
                                          const std::vector<bool>& removed, const RunOptions& options);

// The same, tokenizing `text` itself.
std::vector<RepeatedRun> FindRepeatedRuns(std::string_view text, std::span<const PassageSketch> passages,
                                          const std::vector<bool>& removed, const RunOptions& options);

}  // namespace neardup

#endif  // NEARDUP_GLUED_H_
