#include "neardup/glued.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "neardup/hash.h"
#include "neardup/shingle.h"

namespace neardup {
namespace {

bool IsAsciiSeparator(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && !((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'));
}

struct Kept {
  uint32_t token;  // index into TokenizedText::tokens
  uint32_t line;   // index of the long line it lies in, or UINT32_MAX
};

// [start, end) of every line longer than the limit.
std::vector<std::pair<size_t, size_t>> LongLines(std::string_view text, size_t limit) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    if (nl - pos > limit) out.emplace_back(pos, nl);
    pos = nl + 1;
  }
  return out;
}

// The words not inside a removed passage, with the long line each lies in.
std::vector<Kept> KeptTokens(const TokenizedText& tokens, std::span<const PassageSketch> passages,
                             const std::vector<bool>& removed,
                             const std::vector<std::pair<size_t, size_t>>& long_lines) {
  std::vector<std::pair<size_t, size_t>> gone;
  for (size_t i = 0; i < passages.size(); ++i) {
    if (removed[i]) gone.emplace_back(passages[i].span.start, passages[i].span.removal_end);
  }
  std::vector<Kept> kept;
  size_t g = 0, l = 0;
  for (uint32_t t = 0; t < tokens.tokens.size(); ++t) {
    const size_t start = tokens.tokens[t].begin;
    while (g < gone.size() && gone[g].second <= start) ++g;
    while (l < long_lines.size() && long_lines[l].second <= start) ++l;
    if (g < gone.size() && gone[g].first <= start) continue;
    const bool in_long = l < long_lines.size() && long_lines[l].first <= start;
    kept.push_back({t, in_long ? static_cast<uint32_t>(l) : UINT32_MAX});
  }
  return kept;
}

}  // namespace

std::vector<RepeatedRun> FindRepeatedRuns(std::string_view text, const TokenizedText& tokens,
                                          std::span<const uint64_t> word_hashes,
                                          std::span<const PassageSketch> passages,
                                          const std::vector<bool>& removed, const RunOptions& options) {
  const auto long_lines = LongLines(text, options.long_line_bytes);
  if (long_lines.empty()) return {};
  const std::vector<Kept> kept = KeptTokens(tokens, passages, removed, long_lines);
  const size_t k = std::min<size_t>(static_cast<size_t>(options.k), options.min_span_words);
  if (kept.size() < k) return {};
  // first[i]: earlier position of the same k-gram of kept words, or -1.
  std::vector<int64_t> first(kept.size() - k + 1, -1);
  absl::flat_hash_map<uint64_t, size_t> seen;
  std::vector<uint64_t> gram(k);
  for (size_t i = 0; i + k <= kept.size(); ++i) {
    for (size_t j = 0; j < k; ++j) gram[j] = word_hashes[kept[i + j].token];
    const auto [it, inserted] = seen.try_emplace(KGramHash64(gram), i);
    const bool same_line = kept[i].line == kept[i + k - 1].line;
    if (!inserted && kept[i].line != UINT32_MAX && same_line) first[i] = static_cast<int64_t>(it->second);
  }
  // Runs as ranges [a, b] of kept words, merged across short gaps on the same line.
  struct Range { size_t a, b; int64_t copy; };
  std::vector<Range> runs;
  for (size_t i = 0; i < first.size();) {
    if (first[i] < 0) { ++i; continue; }
    size_t j = i;
    while (j + 1 < first.size() && first[j + 1] >= 0) ++j;
    const Range r{i, j + k - 1, first[i]};
    if (!runs.empty() && kept[runs.back().b].line == kept[r.a].line &&
        r.a <= runs.back().b + options.max_gap_tokens + 1) {
      runs.back().b = std::max(runs.back().b, r.b);
    } else {
      runs.push_back(r);
    }
    i = j + 1;
  }
  std::vector<RepeatedRun> out;
  for (const Range& r : runs) {
    const size_t words = r.b - r.a + 1;
    if (words < options.min_span_words) continue;
    const Token& head = tokens.tokens[kept[r.a].token];
    const Token& last = tokens.tokens[kept[r.b].token];
    const auto& line = long_lines[kept[r.b].line];
    RepeatedRun run;
    run.start = head.begin;
    // Punctuation and spaces after the last word go with it, up to the next word (which may
    // belong to a passage removed by another rule) or the end of the line.
    run.end = last.end;
    while (run.end < line.second && IsAsciiSeparator(text[run.end])) ++run.end;
    const size_t copy_first = static_cast<size_t>(r.copy);
    const size_t copy_last = std::min(kept.size() - 1, copy_first + words - 1);
    run.copy_start = tokens.tokens[kept[copy_first].token].begin;
    run.copy_end = tokens.tokens[kept[copy_last].token].end;
    run.words = static_cast<uint32_t>(words);
    run.line = 1 + static_cast<uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(run.start), '\n'));
    run.fingerprint = Hash64(std::string_view(tokens.text).substr(head.norm_begin, last.norm_end - head.norm_begin),
                             options.seed);
    out.push_back(run);
  }
  return out;
}

std::vector<RepeatedRun> FindRepeatedRuns(std::string_view text, std::span<const PassageSketch> passages,
                                          const std::vector<bool>& removed, const RunOptions& options) {
  TokenizedText tokens;
  Tokenize(text, tokens);
  std::vector<uint64_t> words;
  HashTokens(tokens, options.seed, words);
  return FindRepeatedRuns(text, tokens, words, passages, removed, options);
}

}  // namespace neardup
