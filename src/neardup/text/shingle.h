// Shingling: the set of overlapping k-grams that stands for a text in similarity estimates.
//
// Input is text already passed through Normalize(): words separated by single spaces. Each word is
// hashed once (XXH3-64, seeded); a word k-gram's shingle is ShingleHash() of its k word hashes, so
// one pass over the words serves every k (documents use 5-grams, passages 3-grams). Character
// shingles hash runs of k characters (spaces included) directly. Shingles are 32 bits: a 3 KB
// document has about 500, so two documents share a shingle by accident with probability about
// 500 * 500 / 2^32, far below anything a Jaccard of 0.8 notices, and sets take half the room.
// A text with fewer than k units gets one shingle of the whole text, so no text (not even an
// empty one) has an empty set and identical short texts still match.
#ifndef NEARDUP_SHINGLE_H_
#define NEARDUP_SHINGLE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/config.h"
#include "neardup/text/normalize.h"

namespace neardup {

// The shingle of a run of words given their hashes (a k-gram, or a whole short text): an
// order-sensitive fold of the 64-bit word hashes, finished to 32 bits. Pure.
uint32_t ShingleHash(std::span<const uint64_t> word_hashes);
// The same fold at full width (ShingleHash() is its high half), for keys that must not collide
// among millions of k-grams of one text.
uint64_t KGramHash64(std::span<const uint64_t> word_hashes);

// XXH3-64 (with `seed`) of each token's normalized bytes, into `out` (replaced).
void HashTokens(const TokenizedText& text, uint64_t seed, std::vector<uint64_t>& out);

// Appends the shingles of the k-grams of `word_hashes` to `out`, in text order, repeats kept;
// fewer than k words give one whole-run shingle. No allocation beyond `out`.
void AppendWordShingles(std::span<const uint64_t> word_hashes, size_t k, std::vector<uint32_t>& out);

// Sorts and removes repeats: a shingle list becomes a set.
void MakeSet(std::vector<uint32_t>& shingles);

// Sorted, duplicate-free shingles of `normalized`. Thread-safe.
std::vector<uint32_t> Shingles(std::string_view normalized, const ShingleSpec& spec, uint64_t seed);

// Number of words in normalized text.
size_t CountWords(std::string_view normalized);

}  // namespace neardup

#endif  // NEARDUP_SHINGLE_H_
