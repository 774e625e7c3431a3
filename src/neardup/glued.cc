#include "neardup/glued.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "neardup/hash.h"
#include "neardup/normalize.h"

namespace neardup {
namespace {

bool IsAsciiSeparator(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && !((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'));
}

struct Token {
  size_t norm_start, norm_end;  // in the normalized text
  size_t start, end;            // original bytes of the word
  uint32_t line;                // index of the long line it lies in, or UINT32_MAX
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

// Original end of a word whose normalized form ends at `end`. Inside the text that is where the
// following separator starts; for the last word it is the end of its last character, not the end
// of the text (which would take a trailing newline along).
size_t WordEnd(std::string_view text, const NormalizedText& n, size_t end) {
  if (end < n.text.size()) return n.source[end];
  size_t at = n.source[end - 1];
  const auto lead = static_cast<unsigned char>(text[at]);
  const size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  at += length;
  // Combining marks folded into the character belong to it too.
  while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  return std::min(at, text.size());
}

std::vector<Token> KeptTokens(std::string_view text, const NormalizedText& n,
                              std::span<const PassageSketch> passages, const std::vector<bool>& removed,
                              const std::vector<std::pair<size_t, size_t>>& long_lines) {
  std::vector<std::pair<size_t, size_t>> gone;
  for (size_t i = 0; i < passages.size(); ++i) {
    if (removed[i]) gone.emplace_back(passages[i].span.start, passages[i].span.removal_end);
  }
  std::vector<Token> tokens;
  size_t g = 0, l = 0;
  for (size_t pos = 0; pos < n.text.size();) {
    size_t end = n.text.find(' ', pos);
    if (end == std::string::npos) end = n.text.size();
    const size_t start = n.source[pos];
    while (g < gone.size() && gone[g].second <= start) ++g;
    while (l < long_lines.size() && long_lines[l].second <= start) ++l;
    const bool is_gone = g < gone.size() && gone[g].first <= start;
    const bool in_long = l < long_lines.size() && long_lines[l].first <= start;
    if (!is_gone) {
      tokens.push_back({pos, end, start, WordEnd(text, n, end), in_long ? static_cast<uint32_t>(l) : UINT32_MAX});
    }
    pos = end + 1;
  }
  return tokens;
}

}  // namespace

std::vector<RepeatedRun> FindRepeatedRuns(std::string_view text,
                                          std::span<const PassageSketch> passages,
                                          const std::vector<bool>& removed, const RunOptions& options) {
  const auto long_lines = LongLines(text, options.long_line_bytes);
  if (long_lines.empty()) return {};
  const NormalizedText n = NormalizeWithMap(text);
  const std::vector<Token> tokens = KeptTokens(text, n, passages, removed, long_lines);
  const size_t k = std::min<size_t>(static_cast<size_t>(options.k), options.min_span_words);
  if (tokens.size() < k) return {};
  // first[i]: earlier position of the same k-gram, or -1.
  std::vector<int64_t> first(tokens.size() - k + 1, -1);
  absl::flat_hash_map<uint64_t, size_t> seen;
  for (size_t i = 0; i + k <= tokens.size(); ++i) {
    const std::string_view gram(n.text.data() + tokens[i].norm_start,
                                tokens[i + k - 1].norm_end - tokens[i].norm_start);
    const auto [it, inserted] = seen.try_emplace(Hash64(gram, options.seed), i);
    const bool same_line = tokens[i].line == tokens[i + k - 1].line;
    if (!inserted && tokens[i].line != UINT32_MAX && same_line) first[i] = static_cast<int64_t>(it->second);
  }
  // Runs as token ranges [a, b], merged across short gaps on the same line.
  struct Range { size_t a, b; int64_t copy; };
  std::vector<Range> runs;
  for (size_t i = 0; i < first.size();) {
    if (first[i] < 0) { ++i; continue; }
    size_t j = i;
    while (j + 1 < first.size() && first[j + 1] >= 0) ++j;
    const Range r{i, j + k - 1, first[i]};
    if (!runs.empty() && tokens[runs.back().b].line == tokens[r.a].line &&
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
    const Token& last = tokens[r.b];
    const auto& line = long_lines[last.line];
    RepeatedRun run;
    run.start = tokens[r.a].start;
    // Punctuation and spaces after the last word go with it, up to the next word (which may
    // belong to a passage removed by another rule) or the end of the line.
    run.end = last.end;
    while (run.end < line.second && IsAsciiSeparator(text[run.end])) ++run.end;
    const size_t copy_last = std::min(tokens.size() - 1, static_cast<size_t>(r.copy) + words - 1);
    run.copy_start = tokens[static_cast<size_t>(r.copy)].start;
    run.copy_end = tokens[copy_last].end;
    run.words = static_cast<uint32_t>(words);
    run.line = 1 + static_cast<uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(run.start), '\n'));
    run.fingerprint = Hash64(std::string_view(n.text.data() + tokens[r.a].norm_start,
                                              last.norm_end - tokens[r.a].norm_start), options.seed);
    out.push_back(run);
  }
  return out;
}

}  // namespace neardup
