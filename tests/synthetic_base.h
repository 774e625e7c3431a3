// A seeded base corpus for the synth/eval tests: documents of made-up words (a headline and a few
// body lines) that share no line and almost no word 5-gram, so every one passes the base filter.
#ifndef NEARDUP_TESTS_SYNTHETIC_BASE_H_
#define NEARDUP_TESTS_SYNTHETIC_BASE_H_

#include <string>
#include <vector>

#include "neardup/quality/synth_random.h"

namespace neardup::testing {

inline std::string MadeUpWord(SynthRandom& random) {
  static const char* const kSyllables[] = {"ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "pe", "du",
                                           "gra", "ben", "tor", "mul", "fes", "qui", "zan", "hop"};
  std::string word;
  const size_t syllables = 2 + random.Below(3);
  for (size_t i = 0; i < syllables; ++i) word += kSyllables[random.Below(std::size(kSyllables))];
  return word;
}

inline std::string MadeUpLine(SynthRandom& random, size_t min_words, size_t max_words) {
  std::string line;
  const size_t words = min_words + random.Below(max_words - min_words + 1);
  for (size_t i = 0; i < words; ++i) {
    if (i > 0) line += ' ';
    line += MadeUpWord(random);
  }
  line[0] = static_cast<char>(line[0] - 'a' + 'A');
  line += '.';
  return line;
}

// `count` documents: a 5-9 word headline and 3-6 body lines of 12-45 words.
inline std::vector<std::string> SyntheticBase(size_t count, uint64_t seed) {
  SynthRandom random(seed);
  std::vector<std::string> texts;
  for (size_t d = 0; d < count; ++d) {
    std::string text = MadeUpLine(random, 5, 9) + "\n";
    const size_t lines = 3 + random.Below(4);
    for (size_t i = 0; i < lines; ++i) text += MadeUpLine(random, 12, 45) + "\n";
    texts.push_back(text);
  }
  return texts;
}

}  // namespace neardup::testing

#endif  // NEARDUP_TESTS_SYNTHETIC_BASE_H_
