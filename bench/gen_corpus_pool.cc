#include "gen_corpus_pool.h"

#include <algorithm>
#include <array>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "gen_corpus_edit.h"
#include "gen_corpus_rng.h"
#include "neardup/base/hash.h"

namespace neardup::bench {
namespace {

constexpr size_t kBands = 16;
constexpr size_t kRows = 3;
constexpr size_t kPermutations = kBands * kRows;
// Windows taken per starting sentence: the shortest long enough, and one sentence more.
constexpr size_t kWindowsPerStart = 2;
// Pass 0 takes windows verbatim; later passes take them again with words swapped.
constexpr int kPasses = 4;

struct Window {
  uint32_t document;
  uint32_t first;  // index into the document's sentences
  uint32_t count;
};

// SplitMix64's finalizer: these hashes only choose candidates and never leave the generator.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    const bool word = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                      u >= 0x80;
    if (word && !in_word) ++words;
    in_word = word;
  }
  return words;
}

// Every window of consecutive sentences of one base document with enough words and few enough
// bytes, kWindowsPerStart per starting sentence.
std::vector<Window> Windows(const TextBank& bank) {
  std::vector<Window> windows;
  for (size_t d = 0; d < bank.num_documents(); ++d) {
    const std::span<const uint32_t> sentences = bank.DocumentSentences(d);
    for (size_t i = 0; i < sentences.size(); ++i) {
      size_t bytes = 0, words = 0, taken = 0;
      for (size_t j = i; j < sentences.size() && taken < kWindowsPerStart; ++j) {
        const std::string_view s = bank.Sentence(sentences[j]);
        bytes += s.size() + (j > i ? 1 : 0);
        words += CountWords(s);
        if (bytes > ParagraphPool::kMaxBytes) break;
        if (words < ParagraphPool::kMinWords) continue;
        windows.push_back({static_cast<uint32_t>(d), static_cast<uint32_t>(i),
                           static_cast<uint32_t>(j - i + 1)});
        ++taken;
      }
    }
  }
  return windows;
}

}  // namespace

// Takes windows in order while they stay apart from the paragraphs taken before.
class ParagraphPool::Builder {
 public:
  explicit Builder(uint64_t seed) {
    uint64_t state = seed;
    for (uint64_t& salt : salts_) salt = SplitMix64(state);
  }

  // Appends `text` to the pool unless it is near a paragraph already there.
  void Offer(std::string_view text) {
    WordShingles(text, words_, set_, /*k=*/3);
    std::array<uint64_t, kBands> keys;
    Keys(keys);
    ++round_;
    for (const uint64_t key : keys) {
      const auto head = heads_.find(key);
      const uint32_t first = head == heads_.end() ? kEnd : head->second;
      for (uint32_t e = first; e != kEnd; e = entries_[e].next) {
        const uint32_t other = entries_[e].paragraph;
        if (seen_[other] == round_) continue;
        seen_[other] = round_;
        if (Jaccard(set_, sets_[other]) >= kMaxJaccard) return;
      }
    }
    const auto id = static_cast<uint32_t>(pool_.spans_.size());
    pool_.spans_.push_back({pool_.text_.size(), static_cast<uint32_t>(text.size())});
    pool_.text_.append(text);
    sets_.push_back(set_);
    seen_.push_back(0);
    for (const uint64_t key : keys) {
      const auto [head, fresh] = heads_.try_emplace(key, kEnd);
      entries_.push_back({id, head->second});
      head->second = static_cast<uint32_t>(entries_.size() - 1);
    }
  }

  size_t size() const { return pool_.spans_.size(); }
  void MarkVerbatim() { pool_.verbatim_ = pool_.spans_.size(); }
  ParagraphPool Take() && { return std::move(pool_); }

 private:
  static constexpr uint32_t kEnd = UINT32_MAX;
  struct Entry {
    uint32_t paragraph;
    uint32_t next;  // the entry added before it under the same key, or kEnd
  };

  // The band keys of set_'s MinHash signature.
  void Keys(std::array<uint64_t, kBands>& keys) const {
    std::array<uint64_t, kPermutations> minima;
    minima.fill(UINT64_MAX);
    for (const uint64_t shingle : set_) {
      for (size_t p = 0; p < kPermutations; ++p) {
        minima[p] = std::min(minima[p], Mix(shingle ^ salts_[p]));
      }
    }
    for (size_t b = 0; b < kBands; ++b) {
      uint64_t key = Mix(b + 1);
      for (size_t r = 0; r < kRows; ++r) key = Mix(key ^ minima[b * kRows + r]);
      keys[b] = key;
    }
  }

  ParagraphPool pool_;
  std::array<uint64_t, kPermutations> salts_;
  std::vector<std::vector<uint64_t>> sets_;  // per paragraph, its word 3-grams
  absl::flat_hash_map<uint64_t, uint32_t> heads_;  // band key -> last entry; only looked up
  std::vector<Entry> entries_;
  std::vector<uint32_t> seen_;  // per paragraph, the last round that compared it
  uint32_t round_ = 0;
  std::vector<uint64_t> words_, set_;
};

absl::StatusOr<ParagraphPool> ParagraphPool::Build(const TextBank& bank, size_t size,
                                                   uint64_t seed) {
  std::vector<Window> windows = Windows(bank);
  Rng order(DeriveSeed(seed, Stream::kPool, 0));
  for (size_t i = windows.size(); i > 1; --i) std::swap(windows[i - 1], windows[order.Below(i)]);
  Builder builder(DeriveSeed(seed, Stream::kPool, 1));
  std::string text;
  for (int pass = 0; pass < kPasses && builder.size() < size; ++pass) {
    Rng vary(DeriveSeed(seed, Stream::kPool, 2 + pass));
    for (const Window& w : windows) {
      if (builder.size() == size) break;
      const std::span<const uint32_t> sentences = bank.DocumentSentences(w.document);
      text.clear();
      for (uint32_t s = w.first; s < w.first + w.count; ++s) {
        if (s > w.first) text.push_back(' ');
        if (pass == 0) {
          text.append(bank.Sentence(sentences[s]));
        } else {
          bank.WriteSentence(sentences[s], vary, text);
        }
      }
      if (text.size() <= kMaxBytes) builder.Offer(text);
    }
    if (pass == 0) builder.MarkVerbatim();
  }
  if (builder.size() < size) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "the base text gives only %d paragraphs that are not near one another (%d windows, %d "
        "passes); ask for at most that many with --pool-paragraphs",
        builder.size(), windows.size(), kPasses));
  }
  return std::move(builder).Take();
}

}  // namespace neardup::bench
