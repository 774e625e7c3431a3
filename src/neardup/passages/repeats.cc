#include "neardup/passages/repeats.h"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <limits>
#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "neardup/base/hash.h"
#include "neardup/text/shingle.h"
#include "neardup/similarity/verify.h"

namespace neardup {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
// Earlier occurrences of a k-gram tried as the start of a run: the nearest few and the first.
// A stock phrase can occur many times; the copy of a pasted passage is almost always among these.
constexpr int kChainTries = 2;
// Diagonals followed at once; beyond this a text is repeating itself in every way (tables of
// numbers, "ha ha ha"), and the extra diagonals would only find more of the same.
constexpr size_t kMaxActive = 16;
// Longest line of text wrapped by hand: such text wraps at 72 to 80 columns, news paragraphs are
// longer.
constexpr size_t kWrapWidth = 100;

// Words [a, b] (inclusive) equal words [a - o, b - o].
struct Run {
  uint32_t a = 0, b = 0;
  int64_t o = 0;
  int64_t copy_a() const { return a - o; }
  int64_t copy_b() const { return b - o; }
  uint32_t length() const { return b - a + 1; }
};

// Runs whose gaps (on both sides) are edits of a few words: one pasted copy.
using Chain = std::vector<Run>;

// A unit's repeat: its copy's words, from the chain that covers it.
struct Projection {
  bool repeated = false;
  int64_t copy_a = 0, copy_b = 0;
  size_t chain = 0;
};

// A diagonal run being extended: distance to its copy, first k-gram.
struct Active {
  int64_t o;
  uint32_t start;
};

}  // namespace

// Everything a Finder allocates, kept across documents so that a thread stops allocating once
// its documents stop growing.
struct RepeatScratch::Buffers {
  std::vector<uint32_t> own_grams;
  std::vector<uint32_t> unit_first, unit_count, unit_of;
  std::vector<uint32_t> prev, earliest;
  std::vector<uint32_t> slot_key, slot_last, slot_stamp;
  uint32_t stamp = 0;  // slots whose stamp differs are empty: the table is never cleared
  std::vector<Active> active, next;
  std::vector<Run> runs, kept_runs;
  std::vector<Chain> chains;
  std::vector<Projection> projections;
  std::vector<bool> formula, removed, owned;
  std::vector<std::pair<uint64_t, uint32_t>> fingerprints;
};

RepeatScratch::RepeatScratch() : buffers_(std::make_unique<Buffers>()) {}
RepeatScratch::~RepeatScratch() = default;
RepeatScratch::RepeatScratch(RepeatScratch&&) noexcept = default;

namespace {

class Finder {
 public:
  Finder(std::string_view text, const TokenizedText& tokens, std::span<const uint64_t> hashes,
         std::span<const uint32_t> grams, std::span<const Unit> units, const RepeatOptions& options,
         RepeatScratch::Buffers& b)
      : text_(text), tokens_(tokens.tokens), norm_(tokens.text), hashes_(hashes), grams_(grams), units_(units),
        o_(options), b_(b), own_grams_(b.own_grams), unit_first_(b.unit_first), unit_count_(b.unit_count),
        unit_of_(b.unit_of), prev_(b.prev), earliest_(b.earliest), runs_(b.runs), chains_(b.chains),
        projections_(b.projections), formula_(b.formula), removed_(b.removed) {
    own_grams_.clear();
    runs_.clear();
    chains_.clear();
  }

  std::vector<WithinRepeat> Find();

 private:
  void UnitTokens();
  bool PreviousOccurrences();
  void DiagonalRuns();
  void UnitRuns();
  void SelectRuns();
  void BuildChains();
  Projection Project(size_t u) const;
  void Groups();
  void Decide(size_t first, size_t last);
  bool Fault(size_t units, uint64_t words, bool whole_block) const;
  bool ContinuesSentence(size_t u) const;
  void DropPartialSentences(size_t mark);
  bool Contiguous(uint32_t last, uint32_t next) const;
  int64_t FirstTokenAt(uint32_t byte) const;
  bool FusedTail(size_t u, const Projection& p, uint32_t& from, int64_t& offset) const;
  bool EmitPart(size_t first, size_t last, uint32_t from, int64_t offset, bool fused);
  void EmitTrimmed(size_t first, size_t last);
  void Tandems();
  void ReportRestatements();
  bool StartsUnit(int64_t w) const { return unit_of_[w] != kNone && unit_first_[unit_of_[w]] == w; }
  bool EndsUnit(int64_t w) const {
    return unit_of_[w] != kNone && unit_first_[unit_of_[w]] + unit_count_[unit_of_[w]] - 1 == w;
  }

  bool Fused(uint32_t token, int64_t o) const;
  std::string_view Norm(size_t token) const {
    return norm_.substr(tokens_[token].norm_begin, tokens_[token].norm_end - tokens_[token].norm_begin);
  }
  std::string_view NormRange(int64_t a, int64_t b) const {
    return norm_.substr(tokens_[a].norm_begin, tokens_[b].norm_end - tokens_[a].norm_begin);
  }
  double Similarity(int64_t a, int64_t b, int64_t ca, int64_t cb) const;
  CopySpan CopyBytes(int64_t a, int64_t b) const;
  uint32_t FusedCopyEnd(int64_t a, int64_t b, int64_t ca, int64_t cb) const;
  bool AllRemoved(int64_t from, int64_t to) const;
  bool SameBytes(size_t first, size_t last, uint32_t from) const;
  std::string Squeezed(uint32_t begin, uint32_t end) const;
  bool TandemJoin(const Run& r) const;
  bool AnyRemoved(int64_t from, int64_t to) const;
  bool WholeBlock(size_t u) const {
    return (u == 0 || units_[u - 1].block_end != units_[u].block_end) &&
           (u + 1 == units_.size() || units_[u + 1].block_end != units_[u].block_end);
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::string_view norm_;
  std::span<const uint64_t> hashes_;
  std::span<const uint32_t> grams_;
  std::span<const Unit> units_;
  const RepeatOptions& o_;
  RepeatScratch::Buffers& b_;

  std::vector<uint32_t>& own_grams_;
  std::vector<uint32_t>& unit_first_;  // per unit
  std::vector<uint32_t>& unit_count_;
  std::vector<uint32_t>& unit_of_;  // per token
  std::vector<uint32_t>& prev_;     // per k-gram
  std::vector<uint32_t>& earliest_;
  std::vector<Run>& runs_;
  std::vector<Chain>& chains_;
  std::vector<Projection>& projections_;
  std::vector<bool>& formula_;  // per unit: its text occurs three times or more
  std::vector<bool>& removed_;  // per token
  std::vector<WithinRepeat> out_;
  bool trimmed_ = false;   // the part Decide emits lost a unit at an end to verify
  bool adjacent_ = false;  // the group Decide emits directly follows its copy
};

void Finder::UnitTokens() {
  unit_first_.assign(units_.size(), 0);
  unit_count_.assign(units_.size(), 0);
  unit_of_.assign(tokens_.size(), kNone);
  size_t t = 0;
  for (size_t u = 0; u < units_.size(); ++u) {
    while (t < tokens_.size() && tokens_[t].begin < units_[u].start) ++t;
    unit_first_[u] = static_cast<uint32_t>(t);
    while (t < tokens_.size() && tokens_[t].begin < units_[u].end) unit_of_[t++] = static_cast<uint32_t>(u);
    unit_count_[u] = static_cast<uint32_t>(t - unit_first_[u]);
  }
}

// prev_[i]: the nearest earlier k-gram equal to k-gram i, earliest_[i]: the first; kNone when
// there is none. Returns whether any k-gram repeats.
bool Finder::PreviousOccurrences() {
  const size_t m = grams_.size();
  prev_.resize(m);
  earliest_.resize(m);
  size_t capacity = 16;
  while (capacity < 2 * m) capacity *= 2;
  std::vector<uint32_t>& slot_key = b_.slot_key;
  std::vector<uint32_t>& slot_last = b_.slot_last;
  std::vector<uint32_t>& slot_stamp = b_.slot_stamp;
  if (slot_stamp.size() < capacity) {
    slot_key.resize(capacity);
    slot_last.resize(capacity);
    slot_stamp.resize(capacity);
  }
  if (++b_.stamp == 0) {  // wrapped: stamps of 2^32 documents ago would look current
    std::fill(slot_stamp.begin(), slot_stamp.end(), 0);
    b_.stamp = 1;
  }
  const uint32_t stamp = b_.stamp;
  bool any = false;
  for (uint32_t i = 0; i < m; ++i) {
    // Shingles end with a mixer, so their low bits index the table well.
    size_t s = grams_[i] & (capacity - 1);
    while (slot_stamp[s] == stamp && slot_key[s] != grams_[i]) s = (s + 1) & (capacity - 1);
    if (slot_stamp[s] != stamp) {
      slot_stamp[s] = stamp;
      slot_key[s] = grams_[i];
      prev_[i] = kNone;
      earliest_[i] = i;
    } else {
      prev_[i] = slot_last[s];
      earliest_[i] = earliest_[slot_last[s]];
      any = true;
    }
    slot_last[s] = i;
  }
  return any;
}

// Maximal runs of k-grams equal at a constant distance, each copy ending before its repeat.
void Finder::DiagonalRuns() {
  const auto k = static_cast<int64_t>(o_.k);
  std::vector<Active>& active = b_.active;
  std::vector<Active>& next = b_.next;
  active.clear();
  // A lone k-gram seen before is a stock phrase unless it is the second half of a tandem; only
  // runs of two k-grams or more can cover a unit, or be cut by an edit into pieces worth chaining.
  const auto emit = [&](const Active& r, uint32_t last) {
    if (last > r.start || r.o == k) runs_.push_back({r.start, static_cast<uint32_t>(last + k - 1), r.o});
  };
  const auto tracked = [&](int64_t o) {
    return std::any_of(next.begin(), next.end(), [o](const Active& r) { return r.o == o; });
  };
  for (uint32_t i = 0; i < grams_.size(); ++i) {
    if (active.empty() && prev_[i] == kNone) continue;  // most k-grams: new, nothing to extend
    next.clear();
    for (const Active& r : active) {
      const int64_t j = i - r.o;
      if (grams_[j] == grams_[i] && i + k - 1 - r.o < r.start) {
        next.push_back(r);
      } else {
        emit(r, i - 1);
      }
    }
    const auto start = [&](uint32_t j) {
      const int64_t o = static_cast<int64_t>(i) - j;
      if (o >= k && next.size() < kMaxActive && !tracked(o)) next.push_back({o, i});
    };
    uint32_t j = prev_[i];
    for (int t = 0; t < kChainTries && j != kNone; ++t, j = prev_[j]) start(j);
    if (earliest_[i] != i && earliest_[i] != kNone) start(earliest_[i]);
    std::swap(active, next);
  }
  for (const Active& r : active) emit(r, static_cast<uint32_t>(grams_.size() - 1));
}

// A unit identical to an earlier one is a run however short (k-grams miss "Antony Blinken").
void Finder::UnitRuns() {
  std::vector<std::pair<uint64_t, uint32_t>>& by_fingerprint = b_.fingerprints;
  by_fingerprint.clear();
  for (uint32_t u = 0; u < units_.size(); ++u) {
    if (unit_count_[u] > 0) by_fingerprint.emplace_back(units_[u].fingerprint, u);
  }
  std::sort(by_fingerprint.begin(), by_fingerprint.end());
  for (size_t lo = 0, hi; lo < by_fingerprint.size(); lo = hi) {
    for (hi = lo + 1; hi < by_fingerprint.size() && by_fingerprint[hi].first == by_fingerprint[lo].first;) ++hi;
    // Each later unit of the group repeats the earliest one whose words it has.
    for (size_t i = lo + 1; i < hi; ++i) {
      const uint32_t u = by_fingerprint[i].second;
      const int64_t last = unit_first_[u] + unit_count_[u] - 1;
      for (size_t j = lo; j < i; ++j) {
        const uint32_t c = by_fingerprint[j].second;
        if (unit_count_[c] != unit_count_[u] ||
            NormRange(unit_first_[c], unit_first_[c] + unit_count_[c] - 1) != NormRange(unit_first_[u], last)) {
          continue;
        }
        runs_.push_back({unit_first_[u], static_cast<uint32_t>(last), static_cast<int64_t>(unit_first_[u]) - unit_first_[c]});
        break;
      }
    }
  }
}

// Keeps, for every word, one run: longest first, then the earliest copy.
void Finder::SelectRuns() {
  std::sort(runs_.begin(), runs_.end(), [](const Run& x, const Run& y) {
    if (x.length() != y.length()) return x.length() > y.length();
    if (x.a != y.a) return x.a < y.a;
    return x.o > y.o;
  });
  std::vector<bool>& owned = b_.owned;
  owned.assign(tokens_.size(), false);
  std::vector<Run>& kept = b_.kept_runs;
  kept.clear();
  for (const Run& r : runs_) {
    // The longest stretch of the run that no longer run owns.
    uint32_t best_a = 0, best_len = 0;
    for (uint32_t w = r.a; w <= r.b;) {
      if (owned[w]) {
        ++w;
        continue;
      }
      const uint32_t from = w;
      while (w <= r.b && !owned[w]) ++w;
      if (w - from > best_len) best_a = from, best_len = w - from;
    }
    if (best_len == 0) continue;
    for (uint32_t w = best_a; w < best_a + best_len; ++w) owned[w] = true;
    kept.push_back({best_a, best_a + best_len - 1, r.o});
  }
  std::sort(kept.begin(), kept.end(), [](const Run& x, const Run& y) { return x.a < y.a; });
  runs_.swap(kept);
}

void Finder::BuildChains() {
  const auto gap = static_cast<int64_t>(o_.max_gap_words);
  for (const Run& r : runs_) {
    if (!chains_.empty()) {
      const Run& l = chains_.back().back();
      const int64_t later_gap = static_cast<int64_t>(r.a) - l.b - 1;
      const int64_t copy_gap = r.copy_a() - l.copy_b() - 1;
      if (later_gap >= 0 && later_gap <= gap && copy_gap >= 0 && copy_gap <= gap && std::abs(r.o - l.o) <= gap) {
        chains_.back().push_back(r);
        continue;
      }
    }
    chains_.push_back({r});
  }
}

// The repeat of unit u, if one chain covers at least half of it (all of it when it is shorter
// than a k-gram), projected along the chain's diagonals to the unit's ends.
Projection Finder::Project(size_t u) const {
  Projection best;
  const int64_t ua = unit_first_[u], ub = ua + unit_count_[u] - 1;
  int64_t best_extent = 0;
  for (size_t c = 0; c < chains_.size(); ++c) {
    const Chain& chain = chains_[c];
    if (chain.back().b < ua || chain.front().a > ub) continue;
    const Run* first = nullptr;
    const Run* last = nullptr;
    for (const Run& r : chain) {
      if (r.b < ua || r.a > ub) continue;
      if (first == nullptr) first = &r;
      last = &r;
    }
    if (first == nullptr) continue;
    const int64_t extent = std::min<int64_t>(ub, last->b) - std::max<int64_t>(ua, first->a) + 1;
    if (extent <= best_extent) continue;
    best_extent = extent;
    best = {true, ua - first->o, ub - last->o, c};
    // Where the chain leaves an end of the unit uncovered, the projection lands on whatever
    // surrounds the copy: "do. If you work ..." for "<p>If you work ...". When the chain itself
    // starts (ends) a unit of the copy and the projection does not, the unit's extra words are
    // an insertion, and the copy is the chain's.
    const int64_t chain_a = std::max<int64_t>(ua, first->a) - first->o;
    const int64_t chain_b = std::min<int64_t>(ub, last->b) - last->o;
    if (best.copy_a >= 0 && best.copy_a != chain_a && !StartsUnit(best.copy_a) && StartsUnit(chain_a)) {
      best.copy_a = chain_a;
    }
    if (best.copy_b < ua && best.copy_b != chain_b && !EndsUnit(best.copy_b) && EndsUnit(chain_b)) {
      best.copy_b = chain_b;
    }
  }
  const int64_t len = ub - ua + 1;
  const bool enough = 2 * best_extent >= len && (best_extent >= static_cast<int64_t>(o_.k) || best_extent == len);
  if (!enough || best.copy_a < 0 || best.copy_b >= ua || best.copy_a > best.copy_b) return {};
  // A unit shorter than a k-gram repeats only a whole unit it equals: ".symtab" is not a copy of
  // the end of "SHT_SYMTAB" because a 3-gram ran across the line break after both.
  if (len < static_cast<int64_t>(o_.k)) {
    const uint32_t c = unit_of_[best.copy_a];
    if (c == kNone || unit_first_[c] != best.copy_a || unit_count_[c] != len ||
        NormRange(ua, ub) != NormRange(best.copy_a, best.copy_b)) {
      return {};
    }
  }
  return best;
}

void Finder::Groups() {
  projections_.assign(units_.size(), Projection{});
  absl::flat_hash_map<int64_t, uint32_t> repeats_of;  // copy's first word -> units repeating it
  for (size_t u = 0; u < units_.size(); ++u) {
    if (unit_count_[u] == 0) continue;
    projections_[u] = Project(u);
    if (projections_[u].repeated) ++repeats_of[projections_[u].copy_a];
  }
  // Text an author writes three times or more is a formula ("Return 0 on success, ..." after
  // every function of a manual, a requirement restated for each section); a scraper pastes a
  // passage once more. Formula units are no evidence of a fault away from their copies.
  formula_.assign(units_.size(), false);
  for (size_t u = 0; u < units_.size(); ++u) {
    if (projections_[u].repeated) formula_[u] = repeats_of[projections_[u].copy_a] >= 2;
  }
  const auto gap = static_cast<int64_t>(o_.max_gap_words);
  for (size_t u = 0; u < units_.size();) {
    if (!projections_[u].repeated) {
      ++u;
      continue;
    }
    // Units without words (a "***" line) neither join nor break a group.
    size_t last = u;
    for (size_t next = u + 1;; ++next) {
      while (next < units_.size() && unit_count_[next] == 0) ++next;
      if (next == units_.size() || !projections_[next].repeated) break;
      const int64_t copy_gap = projections_[next].copy_a - projections_[last].copy_b - 1;
      if (copy_gap < 0 || copy_gap > gap) break;
      last = next;
    }
    Decide(u, last);
    u = last + 1;
  }
}

// Whether token `t` is a word fused at a glue point: the end of one copy glued to the first word
// of the next, whose copy is token t - o ("terakhirKorut" where the copy reads "Korut"); with
// o == 0, only whether its bytes show a glue point.
bool Finder::Fused(uint32_t t, int64_t o) const {
  if (t < o || t >= tokens_.size()) return false;
  if (o > 0) {
    const std::string_view whole = Norm(t), tail = Norm(static_cast<size_t>(t - o));
    if (whole.size() <= tail.size() || whole.substr(whole.size() - tail.size()) != tail) return false;
  }
  // The bytes show the glue: a lowercase letter or digit directly followed by a capital
  // ("terakhirKorut"), which "football" after "ball" does not.
  for (uint32_t i = tokens_[t].begin + 1; i < tokens_[t].end; ++i) {
    const char x = text_[i - 1], y = text_[i];
    if (((x >= 'a' && x <= 'z') || (x >= '0' && x <= '9')) && y >= 'A' && y <= 'Z') return true;
  }
  return false;
}

// Whether the words of unit u - 1 from some word on continue the chain of unit u's repeat, right
// after a fused word: then they are the start of the pasted copy, and go with it.
bool Finder::FusedTail(size_t u, const Projection& p, uint32_t& from, int64_t& offset) const {
  if (u == 0 || units_[u - 1].block_end != units_[u].block_end || unit_count_[u - 1] == 0) return false;
  const int64_t prev_a = unit_first_[u - 1], prev_b = prev_a + unit_count_[u - 1] - 1;
  for (const Run& r : chains_[p.chain]) {
    if (r.a <= prev_a || r.a > prev_b || r.b < prev_b) continue;
    if (!Fused(r.a - 1, r.o)) return false;
    from = r.a;
    offset = r.o;
    return true;
  }
  return false;
}

void Finder::Decide(size_t first, size_t last) {
  const Projection& head = projections_[first];
  uint32_t from = unit_first_[first];
  int64_t offset = static_cast<int64_t>(from) - head.copy_a;
  const bool fused = FusedTail(first, head, from, offset);
  const int64_t copy_end = projections_[last].copy_b;
  // Directly after its copy: nothing between them but removed words (or the fused word). A group
  // whose copy runs into the group itself ("See pipe(7). /proc/sys/fs/... See pipe(7)." in a list
  // whose entries share words) is text with a period, not a copy printed twice.
  const int64_t between_to = static_cast<int64_t>(from) - 1 - (fused ? 1 : 0);
  const bool adjacent = copy_end < static_cast<int64_t>(from) && AllRemoved(copy_end + 1, between_to);
  adjacent_ = adjacent;
  if (!adjacent) {
    // Away from its copy, a repeat is a fault only when it is a passage of some length: two
    // sentences or more of at least min_far_words words, or a whole line of min_line_words.
    // Short lines and sentences recur in lists, tables and reference text on purpose, and so do
    // formulas.
    uint64_t words = 0;
    size_t units = fused ? 1 : 0;
    for (size_t u = first; u <= last; ++u) {
      if (formula_[u] || unit_count_[u] == 0) continue;
      words += unit_count_[u];
      if (u == first || !ContinuesSentence(u)) ++units;
    }
    if (!Fault(units, words, first == last && WholeBlock(first))) return;
  } else if (!SameBytes(first, last, from)) {
    return;
  }
  const size_t mark = out_.size();
  trimmed_ = false;
  // One part per line or paragraph, each verified on its own.
  for (size_t f = first; f <= last;) {
    if (unit_count_[f] == 0) {
      ++f;
      continue;
    }
    size_t l = f;
    for (size_t n = f + 1; n <= last && units_[n].block_end == units_[f].block_end; ++n) {
      if (unit_count_[n] > 0) l = n;
    }
    if (f == first && fused) {
      EmitPart(f - 1, l, from, offset, true);
    } else {
      EmitTrimmed(f, l);
    }
    f = l + 1;
  }
  if (!adjacent) DropPartialSentences(mark);
  // A trimmed part, or one after a part that failed, no longer follows its copy directly: it must
  // be a fault on its own, too.
  // Directly after its copy, one sentence that only nearly repeats it is the next entry of a list
  // ("Set the nice value ..." after "Return the nice value ..."): a caption printed twice has its
  // copy's words.
  const int64_t group_end = static_cast<int64_t>(unit_first_[last]) + unit_count_[last] - 1;
  const bool one_near = out_.size() == mark + 1 && out_[mark].first_unit == out_[mark].last_unit &&
                        out_[mark].similarity < 1.0;
  if ((adjacent && !trimmed_ && !one_near && AllRemoved(from, group_end)) || out_.size() == mark) return;
  for (size_t i = mark; i < out_.size(); ++i) out_[i].adjacent = false;
  // Away from its copy, what verified must still be a fault on its own: a group of a short line
  // and a long one that only nearly repeats is a list entry, not a pasted passage. Where a part in
  // the middle failed, the parts before and after it are two repeats, each a fault or not alone.
  for (size_t run = mark; run < out_.size();) {
    size_t end = run + 1;
    while (end < out_.size() && Contiguous(out_[end - 1].last_unit, out_[end].first_unit)) ++end;
    uint64_t words = 0;
    size_t units = 0;
    bool identical = true;
    for (size_t i = run; i < end; ++i) {
      const WithinRepeat& r = out_[i];
      identical = identical && r.similarity == 1.0;
      if (r.fused_start) ++units;
      for (uint32_t u = r.first_unit + (r.fused_start ? 1 : 0); u <= r.last_unit; ++u) {
        if (formula_[u] || unit_count_[u] == 0) continue;
        words += unit_count_[u];
        if (u == out_[run].first_unit || !ContinuesSentence(u)) ++units;
      }
    }
    const WithinRepeat& only = out_[run];
    if ((units >= 2 || identical) &&
        Fault(units, words, end == run + 1 && only.first_unit == only.last_unit && WholeBlock(only.first_unit))) {
      run = end;
      continue;
    }
    for (size_t i = run; i < end; ++i) {
      const WithinRepeat& r = out_[i];
      const int64_t a = r.fused_start ? FirstTokenAt(r.start) : unit_first_[r.first_unit];
      const int64_t b = static_cast<int64_t>(unit_first_[r.last_unit]) + unit_count_[r.last_unit] - 1;
      for (int64_t w = a; w <= b; ++w) removed_[w] = false;
    }
    out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(run), out_.begin() + static_cast<std::ptrdiff_t>(end));
  }
}

// Whether nothing but units without words stands between units `last` and `next`.
bool Finder::Contiguous(uint32_t last, uint32_t next) const {
  for (uint32_t u = last + 1; u < next; ++u) {
    if (unit_count_[u] > 0) return false;
  }
  return true;
}

// Whether unit u goes on with the sentence of unit u - 1 on the next line: text wrapped by hand
// ("If any of\nthe values ... is invalid, a \"Value\" error results.") cuts one sentence into two
// units, and one sentence restated away from its copy is writing however it was wrapped.
bool Finder::ContinuesSentence(size_t u) const {
  if (u == 0 || units_[u].line == units_[u - 1].line) return false;
  // Wrapped by hand, both lines are short. A long line is a paragraph of its own, however its
  // first word is spelt ("go-update provides ..." after a "See also: ..." line).
  const auto line_bytes = [this](uint32_t at) {
    const size_t before = at == 0 ? std::string_view::npos : text_.rfind('\n', at - 1);
    const size_t from = before == std::string_view::npos ? 0 : before + 1;
    const size_t after = text_.find('\n', at);
    return (after == std::string_view::npos ? text_.size() : after) - from;
  };
  if (line_bytes(units_[u - 1].start) > kWrapWidth || line_bytes(units_[u].start) > kWrapWidth) return false;
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  uint32_t end = units_[u - 1].end, start = units_[u].start;
  while (end > units_[u - 1].start && space(text_[end - 1])) --end;
  while (start < units_[u].end && space(text_[start])) ++start;
  if (end == units_[u - 1].start || start == units_[u].end) return false;
  const char last = text_[end - 1], next = text_[start];
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';') return false;
  if (next < 'a' || next > 'z') return false;
  // A unit that ends this sentence and starts another ("record. Nobody checks ...") holds a
  // sentence of its own.
  for (uint32_t i = start; i + 1 < units_[u].end; ++i) {
    if ((text_[i] == '.' || text_[i] == '!' || text_[i] == '?') && space(text_[i + 1])) {
      uint32_t j = i + 1;
      while (j < units_[u].end && space(text_[j])) ++j;
      if (j < units_[u].end) return false;
    }
  }
  return true;
}

// Drops the parts from out_[mark] on that would remove part of a sentence wrapped across lines
// while the rest of it stays: a part in the middle of a group failed verification, or the copy
// covers only the end of a sentence that began on an earlier line. (Directly after its copy, a
// repeat is whole by its own rule: the same bytes as what it follows.)
void Finder::DropPartialSentences(size_t mark) {
  const auto removed_unit = [this, mark](size_t u) {
    for (size_t i = mark; i < out_.size(); ++i) {
      if (out_[i].first_unit <= u && u <= out_[i].last_unit) return true;
    }
    return false;
  };
  for (size_t i = mark; i < out_.size();) {
    const WithinRepeat& r = out_[i];
    const bool cut_start = !r.fused_start && ContinuesSentence(r.first_unit) && !removed_unit(r.first_unit - 1);
    const bool cut_end = r.last_unit + 1 < units_.size() && ContinuesSentence(r.last_unit + 1) &&
                         !removed_unit(r.last_unit + 1);
    if (!cut_start && !cut_end) {
      ++i;
      continue;
    }
    const int64_t a = r.fused_start ? FirstTokenAt(r.start) : unit_first_[r.first_unit];
    const int64_t b = static_cast<int64_t>(unit_first_[r.last_unit]) + unit_count_[r.last_unit] - 1;
    for (int64_t w = a; w <= b; ++w) removed_[w] = false;
    out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(i));
    i = mark;  // a neighbour of the dropped part may now cut its sentence
  }
}

bool Finder::Fault(size_t units, uint64_t words, bool whole_block) const {
  const bool several = units >= 2 && words >= o_.min_far_words;
  const bool long_line = units == 1 && whole_block && words >= o_.min_line_words;
  return several || long_line;
}

int64_t Finder::FirstTokenAt(uint32_t byte) const {
  const auto it = std::lower_bound(tokens_.begin(), tokens_.end(), byte,
                                   [](const Token& t, uint32_t b) { return t.begin < b; });
  return it - tokens_.begin();
}

// Whether a repeat next to its copy has the copy's very bytes, but for whitespace and case: a
// caption printed twice does, while adjacent lines that only normalize alike ("$( command )"
// and "` command `") are different text.
bool Finder::SameBytes(size_t first, size_t last, uint32_t from) const {
  const int64_t b = static_cast<int64_t>(unit_first_[last]) + unit_count_[last] - 1;
  if (b - from + 1 >= static_cast<int64_t>(o_.min_far_words)) return true;
  const int64_t ca = from - (static_cast<int64_t>(unit_first_[first]) - projections_[first].copy_a);
  const int64_t cb = projections_[last].copy_b;
  if (ca < 0 || cb < ca) return false;
  // Up to the whitespace (or next word) after the last word: '"GET")' and '"GET",' end two
  // different lines of code.
  const auto end_of = [this](int64_t y) {
    const size_t next = static_cast<size_t>(y) + 1 < tokens_.size() ? tokens_[y + 1].begin : text_.size();
    uint32_t end = tokens_[y].end;
    while (end < next && text_[end] != ' ' && text_[end] != '\t' && text_[end] != '\r' && text_[end] != '\n') ++end;
    return end;
  };
  // From the start of the unit, where the removal takes whole units: "[!STATUS=ACTION]" after
  // "[STATUS=ACTION]" is a different line, not a copy.
  const bool whole = from == unit_first_[first];
  const uint32_t begin = whole ? units_[first].start : tokens_[from].begin;
  const uint32_t copy_begin = whole ? CopyBytes(ca, cb).start : tokens_[ca].begin;
  return Squeezed(begin, end_of(b)) == Squeezed(copy_begin, end_of(cb));
}

// Bytes [begin, end) without whitespace, ASCII letters in lower case.
std::string Finder::Squeezed(uint32_t begin, uint32_t end) const {
  std::string out;
  for (uint32_t i = begin; i < end; ++i) {
    const char c = text_[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool Finder::AllRemoved(int64_t from, int64_t to) const {
  for (int64_t w = from; w <= to; ++w) {
    if (!removed_[w]) return false;
  }
  return true;
}

bool Finder::AnyRemoved(int64_t from, int64_t to) const {
  for (int64_t w = from; w <= to; ++w) {
    if (removed_[w]) return true;
  }
  return false;
}

double Finder::Similarity(int64_t a, int64_t b, int64_t ca, int64_t cb) const {
  if (NormRange(a, b) == NormRange(ca, cb)) return 1.0;
  if (static_cast<size_t>(b - a + 1) < o_.near_min_words) return 0.0;
  std::vector<uint32_t> x, y;
  AppendWordShingles(hashes_.subspan(a, b - a + 1), o_.k, x);
  AppendWordShingles(hashes_.subspan(ca, cb - ca + 1), o_.k, y);
  MakeSet(x);
  MakeSet(y);
  return Jaccard(x, y);
}

// Where two copies were glued with nothing between, the first copy's last word is fused to the
// second copy's first ("kemarinKorut"), so the removal [a, b] ends with a word ("kemarin") that
// the copy [ca, cb] only has as the start of its last token. Then the copy ends inside that
// token, where its bytes equal the removal's last word; returns that byte, or 0.
uint32_t Finder::FusedCopyEnd(int64_t a, int64_t b, int64_t ca, int64_t cb) const {
  if (b - a != cb - ca || !Fused(static_cast<uint32_t>(cb), 0)) return 0;
  const std::string_view last = text_.substr(tokens_[b].begin, tokens_[b].end - tokens_[b].begin);
  const std::string_view fused = text_.substr(tokens_[cb].begin, tokens_[cb].end - tokens_[cb].begin);
  if (fused.substr(0, last.size()) != last) return 0;
  if (b > a && NormRange(a, b - 1) != NormRange(ca, cb - 1)) return 0;
  return static_cast<uint32_t>(tokens_[cb].begin + last.size());
}

// The bytes of copy words [a, b]: whole units where they begin or end one.
CopySpan Finder::CopyBytes(int64_t a, int64_t b) const {
  const uint32_t ua = unit_of_[a], ub = unit_of_[b];
  const bool starts_unit = ua != kNone && unit_first_[ua] == a;
  const bool ends_unit = ub != kNone && unit_first_[ub] + unit_count_[ub] - 1 == b;
  // Inside a unit, the copy takes the punctuation its first and last words carry ("<code>",
  // "support."), as the whole units it repeats do, but not the end of the sentence before it.
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  uint32_t start = starts_unit ? units_[ua].start : tokens_[a].begin;
  if (!starts_unit) {
    const uint32_t floor = a > 0 ? tokens_[a - 1].end : 0;
    while (start > floor && !space(text_[start - 1]) && text_[start - 1] != '.' && text_[start - 1] != '!' &&
           text_[start - 1] != '?') {
      --start;
    }
  }
  uint32_t end = ends_unit ? units_[ub].end : tokens_[b].end;
  if (!ends_unit) {
    const uint32_t ceiling = static_cast<size_t>(b) + 1 < tokens_.size() ? tokens_[b + 1].begin : text_.size();
    while (end < ceiling && !space(text_[end])) ++end;
  }
  return {start, end};
}

// Units [first, last] of one block, the removal starting at word `from` (inside `first` when
// `fused`), the copy at distance `offset` at the start.
// A part that fails verification may owe it to a unit at either end that a scraper's glue made
// only partly a repeat ("... or compression: A lightweight wrapper ...", where the second copy
// begins inside a sentence of the first): without that unit the rest may verify.
void Finder::EmitTrimmed(size_t first, size_t last) {
  const auto emit = [this](size_t f, size_t l) {
    return EmitPart(f, l, unit_first_[f], static_cast<int64_t>(unit_first_[f]) - projections_[f].copy_a, false);
  };
  if (emit(first, last)) return;
  constexpr int kTrims = 2;
  const auto next_word_unit = [this](size_t u, size_t l) {
    while (++u <= l && unit_count_[u] == 0) {}
    return u;
  };
  for (int t = 0, f = static_cast<int>(first); t < kTrims; ++t) {
    f = static_cast<int>(next_word_unit(static_cast<size_t>(f), last));
    if (f > static_cast<int>(last)) break;
    if (emit(static_cast<size_t>(f), last)) {
      trimmed_ = true;
      return;
    }
  }
  for (int t = 0, l = static_cast<int>(last); t < kTrims; ++t) {
    do --l; while (l > static_cast<int>(first) && unit_count_[l] == 0);
    if (l <= static_cast<int>(first)) break;
    if (emit(first, static_cast<size_t>(l))) {
      trimmed_ = true;
      return;
    }
  }
}

bool Finder::EmitPart(size_t first, size_t last, uint32_t from, int64_t offset, bool fused) {
  const int64_t a = from, b = static_cast<int64_t>(unit_first_[last]) + unit_count_[last] - 1;
  const int64_t ca = a - offset, cb = projections_[last].copy_b;
  if (ca < 0 || cb >= a || ca > cb || AnyRemoved(ca, cb)) return false;
  const uint32_t fused_end = FusedCopyEnd(a, b, ca, cb);
  const double similarity = fused_end != 0 ? 1.0 : Similarity(a, b, ca, cb);
  if (similarity < o_.threshold) return false;
  WithinRepeat r;
  r.kind = WithinRepeat::Kind::kUnits;
  r.fused_start = fused;
  r.first_unit = static_cast<uint32_t>(first);
  r.last_unit = static_cast<uint32_t>(last);
  r.start = fused ? tokens_[from - 1].end : units_[first].start;
  r.words = static_cast<uint32_t>(b - a + 1);
  r.similarity = similarity;
  r.adjacent = adjacent_;
  r.fingerprint = Hash64(NormRange(a, b), o_.seed);
  // Per unit, so that a rule of higher precedence can take a unit out of the middle and leave
  // two removals, each with its own copy.
  // A unit without words gets an empty copy where the copy of the unit before it ends.
  for (size_t u = first; u <= last; ++u) {
    if (unit_count_[u] == 0) {
      r.copies.push_back({r.copies.back().end, r.copies.back().end});
      continue;
    }
    const int64_t u_last = static_cast<int64_t>(unit_first_[u]) + unit_count_[u] - 1;
    const int64_t uca = u == first ? ca : projections_[u].copy_a;
    const int64_t ucb = u == first && fused ? u_last - offset : projections_[u].copy_b;
    r.copies.push_back(CopyBytes(std::max(uca, ca), std::min(ucb, cb)));
  }
  if (fused_end != 0) r.copies.back().end = fused_end;
  for (int64_t w = a; w <= b; ++w) removed_[w] = true;
  out_.push_back(std::move(r));
  return true;
}

// Inside a sentence, only a span directly followed by itself goes: its second copy, with the
// separator before it ("Foto: Dok. Humas Polri Foto: Dok. Humas Polri").
void Finder::Tandems() {
  for (const Run& r : runs_) {
    const bool next_to = r.copy_b() + 1 == r.a;
    const bool fused = r.copy_b() + 2 == r.a && Fused(r.a - 1, r.o);
    if (!(next_to || fused) || r.length() < o_.min_tandem_words) continue;
    // Both copies in one unit, the first opening it: a caption or title printed twice. A phrase
    // repeated in the middle of a sentence ("/etc/init, then /bin/init, then /bin/sh") or across
    // a line break (a heading whose last words open the next line) is text, not a fault.
    const uint32_t unit = unit_of_[r.copy_a()];
    if (unit == kNone || unit_first_[unit] != r.copy_a() || unit_of_[r.b] != unit || AnyRemoved(r.a, r.b) ||
        AnyRemoved(r.copy_a(), r.copy_b())) {
      continue;
    }
    if (NormRange(r.a, r.b) != NormRange(r.copy_a(), r.copy_b())) continue;  // a hash collision
    if (next_to && !TandemJoin(r)) continue;
    WithinRepeat t;
    t.kind = WithinRepeat::Kind::kTandem;
    t.first_unit = t.last_unit = unit_of_[r.a];
    t.start = tokens_[r.a - 1].end;
    t.end = tokens_[r.b].end;
    t.words = r.length();
    t.adjacent = true;
    t.fingerprint = Hash64(NormRange(r.a, r.b), o_.seed);
    t.copies.push_back({tokens_[r.copy_a()].begin, tokens_[r.copy_b()].end});
    for (uint32_t w = r.a; w <= r.b; ++w) removed_[w] = true;
    out_.push_back(std::move(t));
  }
}

// Counts the separate repeats away from their copies: removals that continue one pasted copy keep
// (within edits and an inserted line) one distance to it, and their copies go forward. From
// max_restatements on, the document is reference text repeating itself on purpose, and none goes.
void Finder::ReportRestatements() {
  constexpr int64_t kDiagonalSlack = 200;  // bytes: a few edited words and an inserted line
  size_t separate = 0;
  const WithinRepeat* prev = nullptr;
  int64_t prev_end = 0;
  for (const WithinRepeat& r : out_) {
    if (r.adjacent) continue;
    const int64_t start = r.fused_start ? r.start : units_[r.first_unit].start;
    const CopySpan copy = r.copy();
    const bool continues = prev != nullptr && copy.start >= prev->copy().start &&
                           std::abs((static_cast<int64_t>(copy.start) - prev->copy().end) - (start - prev_end)) <=
                               kDiagonalSlack;
    if (!continues) ++separate;
    prev = &r;
    prev_end = units_[r.last_unit].end;
  }
  if (separate < o_.max_restatements) return;
  for (WithinRepeat& r : out_) {
    if (!r.adjacent) r.remove = false;
  }
}

// Whether the copies of a tandem whose second copy directly follows the first are two copies of
// one whole thing printed twice, rather than words of technical text that happen to repeat: a
// link label and its anchor ("[Code of Conduct](#code-of-conduct)"), a reference and its target
// ("[doc/a.txt]: doc/a.txt"), a name and its address, a file name and a longer one
// ("objs/foo.o objs/foo.o.bu"), a name made of words ("feature_test_macros - feature test
// macros"). They are when
//   - the copies have the same bytes but for whitespace and case (joined words are not words
//     apart);
//   - only whitespace, sentence punctuation and brackets that close one the first copy opened
//     ("(Ilustrasi).") stand between them, and without whitespace the second copy starts a new
//     sentence (a glue point), so that no token is split;
//   - the second copy ends its token: at most closing punctuation follows it before whitespace,
//     the end of the text or a glue point.
bool Finder::TandemJoin(const Run& r) const {
  const uint32_t first_begin = tokens_[r.copy_a()].begin, first_end = tokens_[r.copy_b()].end;
  const uint32_t second_begin = tokens_[r.a].begin, second_end = tokens_[r.b].end;
  if (Squeezed(first_begin, first_end) != Squeezed(second_begin, second_end)) return false;
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto sentence_end = [](char c) { return c == '.' || c == '!' || c == '?'; };
  int open[3] = {0, 0, 0};  // ( [ {
  for (uint32_t i = first_begin; i < first_end; ++i) {
    const char c = text_[i];
    if (c == '(') ++open[0];
    if (c == '[') ++open[1];
    if (c == '{') ++open[2];
    if (c == ')' && open[0] > 0) --open[0];
    if (c == ']' && open[1] > 0) --open[1];
    if (c == '}' && open[2] > 0) --open[2];
  }
  bool spaced = false, ended = false;
  for (uint32_t i = first_end; i < second_begin; ++i) {
    const char c = text_[i];
    if (space(c)) {
      spaced = true;
    } else if (sentence_end(c)) {
      ended = true;
    } else if (c == ',' || c == ';') {
    } else if (c == ')' && open[0] > 0) {
      --open[0];
    } else if (c == ']' && open[1] > 0) {
      --open[1];
    } else if (c == '}' && open[2] > 0) {
      --open[2];
    } else {
      return false;
    }
  }
  if (!spaced && !(ended && upper(text_[second_begin]))) return false;
  // After the second copy: closing punctuation, then whitespace, the end, or a new sentence.
  uint32_t i = second_end;
  while (i < text_.size() && !space(text_[i]) &&
         std::string_view(".,;:!?)]}\"'").find(text_[i]) != std::string_view::npos) {
    ++i;
  }
  return i == text_.size() || space(text_[i]) || (i > second_end && upper(text_[i]));
}

std::vector<WithinRepeat> Finder::Find() {
  if (tokens_.empty()) return {};
  if (grams_.size() + o_.k - 1 != hashes_.size()) {
    AppendWordShingles(hashes_, o_.k, own_grams_);
    grams_ = own_grams_;
  }
  if (hashes_.size() < o_.k) grams_ = {};
  UnitTokens();
  if (PreviousOccurrences()) DiagonalRuns();
  UnitRuns();
  if (runs_.empty()) return {};
  SelectRuns();
  BuildChains();
  removed_.assign(tokens_.size(), false);
  Groups();
  Tandems();
  std::sort(out_.begin(), out_.end(), [this](const WithinRepeat& x, const WithinRepeat& y) {
    const uint32_t a = x.kind == WithinRepeat::Kind::kTandem || x.fused_start ? x.start : units_[x.first_unit].start;
    const uint32_t b = y.kind == WithinRepeat::Kind::kTandem || y.fused_start ? y.start : units_[y.first_unit].start;
    return a < b;
  });
  ReportRestatements();
  return std::move(out_);
}

}  // namespace

std::vector<WithinRepeat> FindWithinRepeats(std::string_view text, const TokenizedText& tokens,
                                            std::span<const uint64_t> word_hashes, std::span<const uint32_t> grams,
                                            std::span<const Unit> units, const RepeatOptions& options,
                                            RepeatScratch& scratch) {
  return Finder(text, tokens, word_hashes, grams, units, options, *scratch.buffers_).Find();
}

std::vector<WithinRepeat> FindWithinRepeats(std::string_view text, const PassageOptions& passages,
                                            const RepeatOptions& options) {
  TokenizedText tokens;
  Tokenize(text, tokens);
  std::vector<uint64_t> words;
  HashTokens(tokens, options.seed, words);
  DocPassages sketch;
  PassageSketcher(passages).Sketch(text, tokens, words, {}, sketch);
  std::vector<Unit> units;
  DocUnits(sketch.passages, sketch.pieces, units);
  RepeatScratch scratch;
  return FindWithinRepeats(text, tokens, words, {}, units, options, scratch);
}

}  // namespace neardup
