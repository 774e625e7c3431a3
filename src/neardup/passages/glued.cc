#include "neardup/passages/glued.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "neardup/base/hash.h"
#include "neardup/text/shingle.h"

namespace neardup {
namespace {

bool IsAsciiSeparator(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && !((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'));
}

struct Kept {
  uint32_t token;  // index into TokenizedText::tokens
  uint32_t line;   // index of the searched line it lies in, or UINT32_MAX
};

// Whether a line repeats enough of its own word k-grams to hold a pasted copy: a body pasted
// twice with nothing between repeats about half of them, a paragraph that uses a stock phrase
// twice only a few. A 1024-bit map stands in for a set; its collisions (about m²/2048 for m
// k-grams) can only send a line to the exact search, never keep one from it.
bool RepeatsItself(std::span<const uint32_t> grams) {
  uint64_t seen[16] = {};
  size_t again = 0;
  for (const uint32_t g : grams) {
    const uint32_t bit = g & 1023;  // shingles are finished by a mixer: the low bits are uniform
    const uint64_t word = seen[bit >> 6];
    const uint64_t mask = uint64_t{1} << (bit & 63);
    again += (word & mask) != 0;
    seen[bit >> 6] = word | mask;
  }
  return 3 * again >= grams.size();
}

// [start, end) of every line the search covers: lines longer than the limit, and shorter lines
// of at least two spans' worth of words that repeat a third of their own word k-grams (a body of
// a few hundred bytes, or a caption, pasted twice with nothing between the copies). Other short
// lines are left to the passage rules, so that a stock phrase used twice in a paragraph stays.
// `grams[i]` is the k-gram shingle of words i..i+k-1.
std::vector<std::pair<size_t, size_t>> SearchedLines(std::string_view text, const TokenizedText& tokens,
                                                     std::span<const uint32_t> grams, size_t k,
                                                     const RunOptions& options) {
  std::vector<std::pair<size_t, size_t>> out;
  const size_t min_words = 2 * options.min_span_words;  // k <= min_span_words
  size_t t = 0;  // first token at or after the line's start
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const size_t first = t;
    while (t < tokens.tokens.size() && tokens.tokens[t].begin < nl) ++t;
    const size_t words = t - first;
    if (nl - pos > options.long_line_bytes ||
        (words >= min_words && first + words - k < grams.size() &&
         RepeatsItself(grams.subspan(first, words - k + 1)))) {
      out.emplace_back(pos, nl);
    }
    pos = nl + 1;
  }
  return out;
}

// The words not inside a removed passage, with the searched line each lies in.
std::vector<Kept> KeptTokens(const TokenizedText& tokens, std::span<const PassageSketch> passages,
                             const std::vector<bool>& removed,
                             const std::vector<std::pair<size_t, size_t>>& lines) {
  std::vector<std::pair<size_t, size_t>> gone;
  for (size_t i = 0; i < passages.size(); ++i) {
    if (removed[i]) gone.emplace_back(passages[i].span.start, passages[i].span.removal_end);
  }
  std::vector<Kept> kept;
  size_t g = 0, l = 0;
  for (uint32_t t = 0; t < tokens.tokens.size(); ++t) {
    const size_t start = tokens.tokens[t].begin;
    while (g < gone.size() && gone[g].second <= start) ++g;
    while (l < lines.size() && lines[l].second <= start) ++l;
    if (g < gone.size() && gone[g].first <= start) continue;
    const bool searched = l < lines.size() && lines[l].first <= start;
    kept.push_back({t, searched ? static_cast<uint32_t>(l) : UINT32_MAX});
  }
  return kept;
}

}  // namespace

std::vector<RepeatedRun> FindRepeatedRuns(std::string_view text, const TokenizedText& tokens,
                                          std::span<const uint64_t> word_hashes, std::span<const uint32_t> grams,
                                          std::span<const PassageSketch> passages,
                                          const std::vector<bool>& removed, const RunOptions& options) {
  const size_t k = std::min<size_t>(static_cast<size_t>(options.k), options.min_span_words);
  std::vector<uint32_t> own_grams;
  if (word_hashes.size() >= k && grams.size() != word_hashes.size() - k + 1) {
    AppendWordShingles(word_hashes, k, own_grams);
    grams = own_grams;
  }
  const auto lines = SearchedLines(text, tokens, grams, k, options);
  if (lines.empty()) return {};
  const std::vector<Kept> kept = KeptTokens(tokens, passages, removed, lines);
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
  // Runs as ranges [a, b] of kept words, merged across short gaps on the same line; copy and
  // copy_last are the kept words where the copy starts and where the copy of its last word is.
  struct Range { size_t a, b, copy, copy_last; };
  std::vector<Range> runs;
  for (size_t i = 0; i < first.size();) {
    if (first[i] < 0) { ++i; continue; }
    size_t j = i;
    while (j + 1 < first.size() && first[j + 1] >= 0) ++j;
    const Range r{i, j + k - 1, static_cast<size_t>(first[i]), static_cast<size_t>(first[j]) + k - 1};
    if (!runs.empty() && kept[runs.back().b].line == kept[r.a].line &&
        r.a <= runs.back().b + options.max_gap_tokens + 1) {
      if (r.b > runs.back().b) {
        runs.back().b = r.b;
        runs.back().copy_last = r.copy_last;
      }
    } else {
      runs.push_back(r);
    }
    i = j + 1;
  }
  std::vector<RepeatedRun> out;
  for (Range r : runs) {
    const Token& head = tokens.tokens[kept[r.a].token];
    // Where two copies are glued with no space, the first copy's last word fuses with the
    // second's first ("examplesFeature"), so the second copy's last words never make a k-gram
    // seen before. Take the following words of the line while they, and the bytes before them,
    // equal the bytes after the copy's last word, short of the run itself.
    size_t copy_end = tokens.tokens[kept[r.copy_last].token].end;
    size_t end = tokens.tokens[kept[r.b].token].end;
    while (r.b + 1 < kept.size() && kept[r.b + 1].line == kept[r.b].line &&
           kept[r.b + 1].token == kept[r.b].token + 1) {
      const size_t n = tokens.tokens[kept[r.b + 1].token].end - end;
      if (copy_end + n > head.begin || text.substr(end, n) != text.substr(copy_end, n)) break;
      ++r.b;
      end += n;
      copy_end += n;
    }
    const size_t words = r.b - r.a + 1;
    if (words < options.min_span_words) continue;
    const Token& last = tokens.tokens[kept[r.b].token];
    const auto& line = lines[kept[r.b].line];
    RepeatedRun run;
    run.start = head.begin;
    // Opening punctuation the copy also has before its first word (a quotation mark, a
    // parenthesis) goes too; spaces stay, so that the text around the span keeps its spacing.
    size_t copy_start = tokens.tokens[kept[r.copy].token].begin;
    while (run.start > line.first && copy_start > 0 && text[run.start - 1] == text[copy_start - 1] &&
           IsAsciiSeparator(text[run.start - 1]) && static_cast<unsigned char>(text[run.start - 1]) > ' ') {
      --run.start;
      --copy_start;
    }
    // Punctuation and spaces after the last word go with it, up to the next word (which may
    // belong to a passage removed by another rule) or the end of the line.
    run.end = last.end;
    while (run.end < line.second && IsAsciiSeparator(text[run.end])) ++run.end;
    run.copy_start = copy_start;
    run.copy_end = copy_end;
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
  return FindRepeatedRuns(text, tokens, words, {}, passages, removed, options);
}

}  // namespace neardup
