#include "gen_corpus_edit.h"

#include <algorithm>
#include <cmath>

namespace neardup::bench {
namespace {

enum Op : uint8_t { kKeep = 0, kSubstitute, kDelete, kInsert };

constexpr int kAttempts = 6;  // bursts of up to 3, 6, 12, 24, 48, then one burst of every edit

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// FNV-1a of the lowercased word: cheap, and these hashes never leave the generator.
uint64_t HashWord(std::string_view text, size_t begin, size_t end) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = begin; i < end; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    h = (h ^ c) * 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

void WordShingles(std::string_view text, std::vector<uint64_t>& words, std::vector<uint64_t>& out,
                  size_t k) {
  words.clear();
  out.clear();
  for (size_t i = 0; i < text.size();) {
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    words.push_back(HashWord(text, begin, i));
  }
  const size_t grams = words.size() < k ? 1 : words.size() - k + 1;
  for (size_t g = 0; g < grams; ++g) {
    uint64_t h = 0;
    for (size_t w = g; w < std::min(g + k, words.size()); ++w)
      h = h * 0x9e3779b97f4a7c15ULL + words[w];
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  const size_t all = a.size() + b.size() - common;
  return all == 0 ? 1.0 : static_cast<double>(common) / static_cast<double>(all);
}

double NearCopier::Copy(std::string_view original, size_t editable_begin, size_t editable_end,
                        double rate, double min_jaccard, Rng& rng, std::string& out) {
  tokens_.clear();
  for (size_t i = editable_begin; i < editable_end;) {
    if (original[i] == ' ' || original[i] == '\n') {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < editable_end && original[i] != ' ' && original[i] != '\n') ++i;
    tokens_.emplace_back(static_cast<uint32_t>(begin), static_cast<uint32_t>(i));
  }
  out.assign(original);
  if (tokens_.empty()) return 1.0;
  WordShingles(original, words_, original_set_);
  const auto edits = std::max<size_t>(1, std::lround(rate * static_cast<double>(tokens_.size())));
  double jaccard = 0;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    const size_t max_burst = attempt + 1 == kAttempts ? edits : size_t{3} << attempt;
    DrawEdits(edits, max_burst, rng);
    out.clear();
    Apply(original, rng, out);
    WordShingles(out, words_, copy_set_);
    jaccard = Jaccard(original_set_, copy_set_);
    if (jaccard >= min_jaccard) break;
  }
  return jaccard;
}

// Bursts of 1..max_burst adjacent tokens at uniform positions until `edits` tokens are drawn;
// a burst may overlap an earlier one, which only makes the copy closer.
void NearCopier::DrawEdits(size_t edits, size_t max_burst, Rng& rng) {
  ops_.assign(tokens_.size(), kKeep);
  edits = std::min(edits, tokens_.size());
  while (edits > 0) {
    const size_t length = 1 + rng.Below(std::min(max_burst, edits));
    const size_t start = rng.Below(tokens_.size() - length + 1);
    for (size_t t = start; t < start + length; ++t)
      ops_[t] = static_cast<uint8_t>(1 + rng.Below(3));
    edits -= length;
  }
}

// Copies `original`, applying ops_. Invariant: `at` (original bytes already handled) never
// passes the start of the next token, so every range below is well formed.
void NearCopier::Apply(std::string_view original, Rng& rng, std::string& out) const {
  size_t at = 0;
  for (size_t t = 0; t < tokens_.size(); ++t) {
    if (ops_[t] == kKeep) continue;
    const auto [start, end] = tokens_[t];
    if (ops_[t] == kDelete) {
      if (start > at && original[start - 1] == ' ') {  // drop the space before, and the word
        out.append(original.substr(at, start - 1 - at));
        at = end;
        continue;
      }
      if (end < original.size() && original[end] == ' ') {  // first on its line: the space after
        out.append(original.substr(at, start - at));
        at = end + 1;
        continue;
      }
      // Alone on its line: deleting would leave an empty line, so substitute instead.
    }
    out.append(original.substr(at, start - at));
    out.append(bank_.RandomWord(rng));
    if (ops_[t] == kInsert) {
      out.push_back(' ');
      at = start;
    } else {
      at = end;
    }
  }
  out.append(original.substr(at));
}

}  // namespace neardup::bench
