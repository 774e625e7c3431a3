#include "neardup/quality/synth_text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace neardup {
namespace {

bool IsTerminator(char c) { return c == '.' || c == '!' || c == '?'; }
bool IsLowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsWordByte(char c) {
  return IsLowerOrDigit(c) || IsUpper(c) || c == '-' || c == '\'';
}

// Words that end with a full stop without ending a sentence, lower-cased.
constexpr std::array<std::string_view, 18> kAbbreviations = {
    "etc", "vs", "approx", "inc", "ltd", "co", "mr", "mrs", "dr", "st", "no", "cf", "al", "fig",
    "eq", "ca", "resp", "jr"};

bool IsAbbreviation(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) != kAbbreviations.end();
}

constexpr size_t kMinSentenceWords = 4;

}  // namespace

std::vector<size_t> CleanEnds(std::string_view line) {
  std::vector<size_t> ends;
  size_t words = 0;
  bool in_word = false;
  size_t last_end = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ') {
      in_word = false;
      continue;
    }
    if (!in_word) ++words;
    in_word = true;
    if (!IsTerminator(c) || words < kMinSentenceWords) continue;
    size_t word_start = i;
    while (word_start > last_end && line[word_start - 1] != ' ') --word_start;
    const std::string_view word = line.substr(word_start, i - word_start);
    if (word.size() < 2 || !IsLowerOrDigit(word.back()) || !IsLowerOrDigit(word[word.size() - 2])) continue;
    if (!std::all_of(word.begin(), word.end(), IsWordByte) || IsAbbreviation(word)) continue;
    const size_t e = i + 1;
    const bool at_end = e == line.size();
    const bool spaced = e + 1 < line.size() && line[e] == ' ' && IsUpper(line[e + 1]);
    const bool glued = e < line.size() && IsUpper(line[e]);
    if (!at_end && !spaced && !glued) continue;
    ends.push_back(e);
    words = 0;
    in_word = false;  // a sentence glued to this one starts a word of its own
    last_end = e;
  }
  return ends;
}

std::vector<std::pair<size_t, size_t>> StrictSentences(std::string_view line) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  for (const size_t e : CleanEnds(line)) {
    const std::string_view body = line.substr(start, e - 1 - start);
    const bool strict = std::none_of(body.begin(), body.end(), IsTerminator);
    if (strict) out.emplace_back(start, e);
    start = e;
    while (start < line.size() && line[start] == ' ') ++start;
  }
  return out;
}

bool EndsCleanly(std::string_view line) {
  const std::vector<size_t> ends = CleanEnds(line);
  return !ends.empty() && ends.back() == line.size();
}

bool StartsWithCapital(std::string_view text) { return !text.empty() && IsUpper(text[0]); }

std::string Capitalized(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::vector<std::string_view> SpaceWords(std::string_view text) {
  std::vector<std::string_view> words;
  for (size_t pos = 0; pos < text.size();) {
    size_t space = text.find(' ', pos);
    if (space == std::string_view::npos) space = text.size();
    if (space > pos) words.push_back(text.substr(pos, space - pos));
    pos = space + 1;
  }
  return words;
}

bool IsPlainWord(std::string_view word, size_t min_letters) {
  return word.size() >= min_letters && std::all_of(word.begin(), word.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
         });
}

void MarkedText::Append(std::string_view plain) { text += plain; }

void MarkedText::Append(const MarkedText& other) {
  const size_t base = text.size();
  text += other.text;
  for (TruthSpan s : other.spans) {
    s.start += base;
    s.end += base;
    spans.push_back(s);
  }
  for (NaturalSpan n : other.natural) {
    n.start += base;
    n.end += base;
    natural.push_back(n);
  }
  for (const auto& [a, b] : other.protect) protect.emplace_back(a + base, b + base);
}

void MarkedText::Insert(size_t at, std::string_view plain) {
  text.insert(at, plain);
  const size_t n = plain.size();
  const auto shift = [&](auto& start, auto& end) {
    const bool after = start >= at;
    if (after) start += n;
    if (after || end > at) end += n;
  };
  for (TruthSpan& s : spans) shift(s.start, s.end);
  for (NaturalSpan& s : natural) shift(s.start, s.end);
  for (auto& [a, b] : protect) shift(a, b);
}

void MarkedText::AddSpan(size_t start, size_t end, Injection injection, bool ambiguous) {
  TruthSpan s;
  s.start = start;
  s.end = end;
  s.injection = injection;
  s.ambiguous = ambiguous;
  spans.push_back(s);
  std::sort(spans.begin(), spans.end(), [](const TruthSpan& a, const TruthSpan& b) { return a.start < b.start; });
}

void MarkedText::AddNatural(size_t start, size_t end, Natural kind) {
  natural.push_back({start, end, kind});
  std::sort(natural.begin(), natural.end(),
            [](const NaturalSpan& a, const NaturalSpan& b) { return a.start < b.start; });
}

bool MarkedText::Splits(size_t at) const {
  const auto inside = [at](uint64_t a, uint64_t b) { return a < at && at < b; };
  for (const TruthSpan& s : spans) {
    if (inside(s.start, s.end)) return true;
  }
  for (const NaturalSpan& n : natural) {
    if (inside(n.start, n.end)) return true;
  }
  for (const auto& [a, b] : protect) {
    if (inside(a, b)) return true;
  }
  return false;
}

}  // namespace neardup
