#include "neardup/passages/passages.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "neardup/base/hash.h"
#include "neardup/text/shingle.h"
#include "neardup/similarity/verify.h"

namespace neardup {
namespace {

constexpr uint64_t kOpeningSeed = 0x6f70656e696e67ULL;  // "opening"

std::string_view NormalizedRange(const TokenizedText& tokens, std::pair<uint32_t, uint32_t> range) {
  return std::string_view(tokens.text).substr(range.first, range.second - range.first);
}

// Moves the `p` smallest values of a[0, n) to the front, sorted; the rest follow in no order.
// A histogram of the top byte finds the values below the p-th without comparing them, so only
// about p values get sorted: cheaper than a selection, whose comparisons branch unpredictably.
void SortSmallest(uint32_t* a, size_t n, size_t p, std::vector<uint32_t>& tmp) {
  if (n <= 12 || p * 3 > n) {
    std::sort(a, a + n);
    return;
  }
  // About four values a bucket: the buckets scanned stay few, the sort after stays short.
  const int shift = n < 256 ? 26 : 24;
  std::array<uint32_t, 256> count{};
  for (size_t i = 0; i < n; ++i) ++count[a[i] >> shift];
  size_t below = 0;
  uint32_t cut = 0;
  while (below + count[cut] < p) below += count[cut++];
  tmp.resize(n + 1);
  size_t low = 0, high = n;
  for (size_t i = 0; i < n; ++i) {
    // Both slots written, one kept: no branch for the compiler to mispredict on random hashes.
    const size_t keep = (a[i] >> shift) <= cut;
    tmp[low] = a[i];
    tmp[high] = a[i];
    low += keep;
    high -= 1 - keep;
  }
  // The values above the cut were written downwards from tmp[n]; they fill tmp[low, n).
  std::copy(tmp.begin() + static_cast<std::ptrdiff_t>(high) + 1, tmp.begin() + static_cast<std::ptrdiff_t>(n) + 1,
            tmp.begin() + static_cast<std::ptrdiff_t>(low));
  const size_t front = low;
  std::copy(tmp.begin(), tmp.begin() + static_cast<std::ptrdiff_t>(n), a);
  std::sort(a, a + front);
}

// Sorts the prefix of shingles[begin, end): at least PrefixLength(end - begin) smallest values,
// distinct, moved to the front (duplicates of them dropped, which leaves the set unchanged);
// returns its length. Bounded by the range length, not its distinct count, so a set with repeats
// gets a longer prefix than it needs, never a shorter one.
uint32_t SortPrefix(std::vector<uint32_t>& shingles, size_t begin, double t, std::vector<uint32_t>& tmp) {
  const size_t needed = std::min(PrefixLength(shingles.size() - begin, t), shingles.size() - begin);
  size_t take = needed;
  while (true) {
    const auto first = shingles.begin() + static_cast<std::ptrdiff_t>(begin);
    const auto mid = first + static_cast<std::ptrdiff_t>(take);
    SortSmallest(shingles.data() + begin, shingles.size() - begin, take, tmp);
    const auto last = std::unique(first, mid);
    const auto distinct = static_cast<size_t>(last - first);
    shingles.erase(last, mid);
    if (distinct >= needed || begin + distinct == shingles.size()) return static_cast<uint32_t>(distinct);
    take = std::min(shingles.size() - begin, distinct + (needed - distinct));
  }
}

// The normalized bytes of tokens [first, first + count).
std::pair<uint32_t, uint32_t> TokenRange(const TokenizedText& tokens, size_t first, size_t count) {
  return {tokens.tokens[first].norm_begin, tokens.tokens[first + count - 1].norm_end};
}

}  // namespace

size_t PrefixLength(size_t n, double t) {
  const auto overlap = static_cast<size_t>(std::ceil(t * static_cast<double>(n) - 1e-9));
  return n - std::min(n, overlap) + 1;
}

double PassageSimilarity(std::span<const uint32_t> a, std::span<const uint32_t> b, double threshold) {
  const double small = static_cast<double>(std::min(a.size(), b.size()));
  const double large = static_cast<double>(std::max(a.size(), b.size()));
  if (small < threshold * large - 1e-9) return 0.0;  // sizes alone rule this pair out
  return JaccardAtLeast(a, b, threshold);
}

template <typename Visit>
void PassageSketcher::ForEachPassage(const TokenizedText& tokens, Visit visit) {
  size_t token = 0;
  for (size_t i = 0; i < spans_.size(); ++i) {
    const Passage& span = spans_[i];
    while (token < tokens.tokens.size() && tokens.tokens[token].begin < span.start) ++token;
    const size_t first = token;
    while (token < tokens.tokens.size() && tokens.tokens[token].begin < span.end) ++token;
    visit(i, span, first, token - first);
  }
}

void PassageSketcher::Sketch(std::string_view text, const TokenizedText& tokens,
                             std::span<const uint64_t> word_hashes, DocPassages& out) {
  SegmentInto(text, options_.segment, spans_);
  out.passages.assign(spans_.size(), PassageSketch{});
  out.shingles.clear();
  out.band_keys.clear();
  out.sketches.clear();
  norm_.assign(spans_.size(), {0, 0});
  const auto k = static_cast<size_t>(options_.shingle_words);
  uint32_t line = 1;
  size_t counted = 0;
  ForEachPassage(tokens, [&](size_t i, const Passage& span, size_t first, size_t words) {
    PassageSketch& p = out.passages[i];
    p.span = span;
    line += static_cast<uint32_t>(std::count(text.data() + counted, text.data() + p.span.start, '\n'));
    counted = p.span.start;
    p.line = line;
    p.words = static_cast<uint32_t>(words);
    if (p.words == 0) return;
    norm_[i] = TokenRange(tokens, first, p.words);
    p.fingerprint = Hash64(NormalizedRange(tokens, norm_[i]), options_.seed);
    if (p.span.block_first && p.span.block_last && p.words >= options_.opening_words &&
        p.words <= options_.opening_max_words && options_.opening_words > 0) {
      const uint64_t h = Hash64(NormalizedRange(tokens, TokenRange(tokens, first, options_.opening_words)),
                                options_.seed ^ kOpeningSeed);
      p.opening = h == 0 ? 1 : h;  // 0 means "no opening"
    }
    if (p.words >= options_.near_min_words) {
      const size_t begin = out.shingles.size();
      AppendWordShingles(word_hashes.subspan(first, p.words), k, out.shingles);
      p.prefix = SortPrefix(out.shingles, begin, options_.near_threshold, candidates_);
      p.shingle_begin = static_cast<uint32_t>(begin);
      p.shingle_end = static_cast<uint32_t>(out.shingles.size());
    }
  });
  MarkRepeats(tokens, out);
}

void PassageSketcher::Sets(std::string_view text, const TokenizedText& tokens, std::span<const uint64_t> word_hashes,
                           std::span<const uint32_t> wanted, std::vector<std::vector<uint32_t>>& out) {
  SegmentInto(text, options_.segment, spans_);
  out.assign(wanted.size(), {});
  size_t next = 0;
  ForEachPassage(tokens, [&](size_t i, const Passage&, size_t first, size_t words) {
    if (next == wanted.size() || wanted[next] != i) return;
    std::vector<uint32_t>& set = out[next++];
    if (words < options_.near_min_words) return;
    AppendWordShingles(word_hashes.subspan(first, words), static_cast<size_t>(options_.shingle_words), set);
    MakeSet(set);
  });
}

template <typename Key>
void PassageSketcher::KeyIndex<Key>::Clear() {
  std::fill(std::begin(filter_), std::end(filter_), 0);
  list_.clear();
  map_.clear();
}

template <typename Key>
void PassageSketcher::KeyIndex<Key>::Add(Key key, uint32_t passage) {
  filter_[Bit(key) / 64] |= uint64_t{1} << (Bit(key) % 64);
  if (!map_.empty()) {
    map_[key].push_back(passage);
    return;
  }
  list_.emplace_back(key, passage);
  if (list_.size() > kListLimit) {
    for (const auto& [k, p] : list_) map_[k].push_back(p);
    list_.clear();
  }
}

template <typename Key>
void PassageSketcher::KeyIndex<Key>::Find(Key key, std::vector<uint32_t>& out) const {
  if ((filter_[Bit(key) / 64] >> (Bit(key) % 64) & 1) == 0) return;
  if (!map_.empty()) {
    if (const auto it = map_.find(key); it != map_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    return;
  }
  for (const auto& [k, p] : list_) {
    if (k == key) out.push_back(p);
  }
}

void PassageSketcher::MarkRepeats(const TokenizedText& tokens, DocPassages& out) {
  exact_.Clear();
  prefix_.Clear();
  for (uint32_t i = 0; i < out.passages.size(); ++i) {
    PassageSketch& p = out.passages[i];
    if (p.words == 0) continue;
    p.within_copy = FindKept(i, tokens, out, p.within_similarity);
    if (p.within_copy < 0) AddKept(i, out);
  }
}

// The earliest kept passage that passage i repeats, or -1.
int32_t PassageSketcher::FindKept(uint32_t i, const TokenizedText& tokens, const DocPassages& doc,
                                  double& similarity) {
  similarity = 1.0;
  const PassageSketch& p = doc.passages[i];
  candidates_.clear();
  exact_.Find(p.fingerprint, candidates_);
  for (const uint32_t c : candidates_) {  // in order added: the first kept copy
    if (NormalizedRange(tokens, norm_[c]) == NormalizedRange(tokens, norm_[i])) return static_cast<int32_t>(c);
  }
  if (!p.has_shingles()) return -1;
  const std::span<const uint32_t> shingles = doc.ShinglesOf(p);
  const double t = options_.near_threshold;
  candidates_.clear();
  for (size_t k = 0; k < p.prefix; ++k) prefix_.Find(shingles[k], candidates_);
  if (candidates_.empty()) return -1;
  std::sort(candidates_.begin(), candidates_.end());
  candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
  set_ = doc.SetOf(p);
  for (const uint32_t c : candidates_) {  // ascending: the earliest copy wins
    other_ = doc.SetOf(doc.passages[c]);
    const double j = PassageSimilarity(set_, other_, t);
    if (j >= t) {
      similarity = j;
      return static_cast<int32_t>(c);
    }
  }
  return -1;
}

void PassageSketcher::AddKept(uint32_t i, const DocPassages& doc) {
  const PassageSketch& p = doc.passages[i];
  exact_.Add(p.fingerprint, i);
  const std::span<const uint32_t> shingles = doc.ShinglesOf(p);
  for (size_t k = 0; k < p.prefix; ++k) prefix_.Add(shingles[k], i);
}

std::vector<uint32_t> DocPassages::SetOf(const PassageSketch& p) const {
  const std::span<const uint32_t> range = ShinglesOf(p);
  std::vector<uint32_t> set(range.begin(), range.end());
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

DocPassages SketchPassages(std::string_view text, const PassageOptions& options) {
  TokenizedText tokens;
  Tokenize(text, tokens);
  std::vector<uint64_t> words;
  HashTokens(tokens, options.seed, words);
  DocPassages out;
  PassageSketcher(options).Sketch(text, tokens, words, out);
  return out;
}

std::pair<size_t, size_t> RemovalSpan(std::span<const PassageSketch> passages,
                                      const std::vector<bool>& removed, size_t i) {
  const Passage& p = passages[i].span;
  if (!p.block_last || p.block_first) return {p.start, p.removal_end};
  size_t first = i;
  while (first > 0 && !passages[first].span.block_first && removed[first - 1]) --first;
  const bool whole_line = passages[first].span.block_first && removed[first];
  return {p.start, whole_line ? p.block_end : p.removal_end};
}

std::vector<RepeatedPassage> FindRepeatsWithin(std::string_view text, const PassageOptions& options) {
  const DocPassages doc = SketchPassages(text, options);
  const std::vector<PassageSketch>& passages = doc.passages;
  std::vector<bool> removed(passages.size());
  for (size_t i = 0; i < passages.size(); ++i) removed[i] = passages[i].within_copy >= 0;
  std::vector<RepeatedPassage> out;
  for (size_t i = 0; i < passages.size(); ++i) {
    if (!removed[i]) continue;
    const auto [start, end] = RemovalSpan(passages, removed, i);
    const Passage& copy = passages[static_cast<size_t>(passages[i].within_copy)].span;
    out.push_back({start, end, copy.start, copy.end, passages[i].within_similarity});
  }
  return out;
}

}  // namespace neardup
