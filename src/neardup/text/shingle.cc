#include "neardup/text/shingle.h"

#include <algorithm>
#include <cstddef>

#include "absl/strings/str_format.h"
#include "neardup/base/hash.h"

namespace neardup {
namespace {

// One step of the fold: a bijection of the running hash for any fixed word and of the word for
// any fixed running hash, so runs that differ in one word never collide, and word order matters.
// (A plain xor of the two would cancel on a repeated word: "x x" would hash like "y y".)
inline uint64_t Fold(uint64_t h, uint64_t word) {
  return ((h << 23) | (h >> 41)) * 0x9E3779B97F4A7C15ULL + word;
}

// MurmurHash3's 64-bit finalizer: every input bit reaches every output bit.
inline uint64_t Finish64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

inline uint32_t Finish(uint64_t h) { return static_cast<uint32_t>(Finish64(h) >> 32); }

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

uint32_t Hash32(std::string_view bytes, uint64_t seed) { return Finish(Hash64(bytes, seed)); }

void CharShingles(std::string_view text, size_t k, uint64_t seed, std::vector<uint32_t>& out) {
  std::vector<size_t> ring(k + 1);
  size_t count = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && IsContinuationByte(text[i])) continue;
    ring[count % (k + 1)] = i;  // start of character `count`, or the end sentinel
    ++count;
    if (count > k) {
      const size_t first = ring[(count - 1 - k) % (k + 1)];
      out.push_back(Hash32(text.substr(first, i - first), seed));
    }
  }
  if (out.empty()) out.push_back(Hash32(text, seed));
}

}  // namespace

uint64_t KGramHash64(std::span<const uint64_t> word_hashes) {
  if (word_hashes.empty()) return Finish64(0x656d707479ULL);  // "empty": the empty text's shingle
  uint64_t h = word_hashes[0];
  for (size_t i = 1; i < word_hashes.size(); ++i) h = Fold(h, word_hashes[i]);
  return Finish64(h);
}

uint32_t ShingleHash(std::span<const uint64_t> word_hashes) {
  return static_cast<uint32_t>(KGramHash64(word_hashes) >> 32);
}

void HashTokens(const TokenizedText& text, uint64_t seed, std::vector<uint64_t>& out) {
  static_assert(sizeof(Token) == 4 * sizeof(uint32_t) && offsetof(Token, norm_begin) == 0 &&
                offsetof(Token, norm_end) == sizeof(uint32_t));
  out.resize(text.tokens.size());
  if (text.tokens.empty()) return;
  Hash64Pieces(text.text, &text.tokens[0].norm_begin, 4, text.tokens.size(), seed, out.data());
}

namespace {

// The k-grams of w[0, count + K - 1), K fixed so that the fold unrolls. Each is folded from
// scratch: K multiplies, independent across positions, so they pipeline.
template <size_t K>
void FoldAll(const uint64_t* w, size_t count, uint32_t* dst) {
  for (size_t i = 0; i < count; ++i) {
    uint64_t h = w[i];
    for (size_t j = 1; j < K; ++j) h = Fold(h, w[i + j]);
    dst[i] = Finish(h);
  }
}

}  // namespace

void AppendWordShingles(std::span<const uint64_t> words, size_t k, std::vector<uint32_t>& out) {
  if (words.size() < k) {
    out.push_back(ShingleHash(words));
    return;
  }
  const size_t count = words.size() - k + 1;
  const size_t first = out.size();
  out.resize(first + count);
  uint32_t* dst = out.data() + first;
  const uint64_t* w = words.data();
  switch (k) {
    case 3: return FoldAll<3>(w, count, dst);
    case 5: return FoldAll<5>(w, count, dst);
    default:
      for (size_t i = 0; i < count; ++i) dst[i] = ShingleHash(words.subspan(i, k));
  }
}

void MakeSet(std::vector<uint32_t>& shingles) {
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
}

std::vector<uint32_t> Shingles(std::string_view normalized, const ShingleSpec& spec, uint64_t seed) {
  std::vector<uint32_t> out;
  const auto k = static_cast<size_t>(spec.k);
  if (spec.kind == ShingleKind::kWord) {
    std::vector<uint64_t> words;
    for (size_t pos = 0; pos < normalized.size();) {
      size_t end = normalized.find(' ', pos);
      if (end == std::string_view::npos) end = normalized.size();
      words.push_back(Hash64(normalized.substr(pos, end - pos), seed));
      pos = end + 1;
    }
    AppendWordShingles(words, k, out);
  } else {
    CharShingles(normalized, k, seed, out);
  }
  MakeSet(out);
  return out;
}

size_t CountWords(std::string_view normalized) {
  if (normalized.empty()) return 0;
  return static_cast<size_t>(std::count(normalized.begin(), normalized.end(), ' ')) + 1;
}

}  // namespace neardup
