#include "neardup/quality/synth_natural.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "neardup/quality/synth_doc.h"

namespace neardup {
namespace {

constexpr size_t kQuoteMinWords = 6;
constexpr size_t kQuoteMaxWords = 40;
constexpr size_t kRhetoricMinWords = 8;
constexpr double kMaxItemSimilarity = 0.5;  // list items must stay clearly distinct

std::string Lowered(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Join(const std::vector<std::string_view>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (i > from) out += ' ';
    out += words[i];
  }
  return out;
}

// Runs of `length` consecutive plain words (letters only, `min_letters` each) of `lines`.
std::vector<std::string> PlainRuns(const std::vector<std::string>& lines, size_t length, size_t min_letters) {
  std::vector<std::string> runs;
  for (const std::string& line : lines) {
    const std::vector<std::string_view> words = SpaceWords(line);
    for (size_t i = 0; i + length <= words.size(); ++i) {
      bool plain = true;
      for (size_t k = i; k < i + length && plain; ++k) plain = IsPlainWord(words[k], min_letters);
      if (plain) runs.push_back(Join(words, i, i + length));
    }
  }
  return runs;
}

std::vector<std::string> Texts(const std::vector<NaturalLine>& lines) {
  std::vector<std::string> out;
  for (const NaturalLine& l : lines) out.push_back(l.text.text);
  return out;
}

// Rewrites a sentence "... P R." of a line as "... P R, p C." with C from a foreign line.
void AddRhetoric(std::vector<NaturalLine>& lines, const std::vector<std::string>& foreign, SynthRandom& random) {
  struct Candidate {
    size_t line, start, end;
  };
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].list) continue;
    for (const auto& [a, b] : StrictSentences(lines[i].text.text)) {
      if (SpaceWords(std::string_view(lines[i].text.text).substr(a, b - a)).size() >= kRhetoricMinWords &&
          !lines[i].text.Splits(a) && !lines[i].text.Splits(b)) {
        candidates.push_back({i, a, b});
      }
    }
  }
  if (candidates.empty() || foreign.empty()) return;
  const Candidate c = candidates[random.Below(candidates.size())];
  MarkedText& line = lines[c.line].text;
  const std::string sentence = line.text.substr(c.start, c.end - c.start);
  const char terminator = sentence.back();
  const std::vector<std::string_view> words = SpaceWords(std::string_view(sentence).substr(0, sentence.size() - 1));
  // P = words[p, p + k): plain words, followed by at least two words of its own continuation.
  std::vector<std::pair<size_t, size_t>> phrases;
  for (size_t k = 3; k <= 6; ++k) {
    for (size_t p = 0; p + k + 2 <= words.size(); ++p) {
      bool plain = true;
      for (size_t w = p; w < p + k && plain; ++w) plain = IsPlainWord(words[w], 1);
      if (plain) phrases.emplace_back(p, k);
    }
  }
  if (phrases.empty()) return;
  const auto [p, k] = phrases[random.Below(phrases.size())];
  std::string head = Join(words, 0, words.size());
  while (!head.empty() && (head.back() == ',' || head.back() == ';' || head.back() == ':')) head.pop_back();
  std::string phrase = Join(words, p, p + k);
  // The phrase opening a sentence is capitalized; repeated mid-sentence it is not (unless it is
  // an acronym or a name, whose second letter is a capital too).
  if (p == 0 && phrase.size() > 1 && std::islower(static_cast<unsigned char>(phrase[1]))) {
    phrase[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(phrase[0])));
  }
  // Once or twice more ("who is going to build X, who is going to lead Y, who is going to ..."),
  // each time with a continuation of its own, which no other continuation starts like.
  std::set<std::string> firsts = {Lowered(words[p + k])};
  const size_t repeats = 1 + random.Below(2);
  std::string rewritten = head;
  for (int attempt = 0; attempt < 16 && firsts.size() <= repeats; ++attempt) {
    const std::vector<std::string> runs = PlainRuns({foreign[random.Below(foreign.size())]}, 2 + random.Below(5), 2);
    if (runs.empty()) continue;
    const std::string run = Lowered(runs[random.Below(runs.size())]);
    if (!firsts.insert(run.substr(0, run.find(' '))).second) continue;
    absl::StrAppend(&rewritten, ", ", phrase, " ", run);
  }
  if (firsts.size() == 1) return;
  rewritten += terminator;
  line.text.replace(c.start, c.end - c.start, rewritten);
  line.AddNatural(c.start, c.start + rewritten.size(), Natural::kRhetoric);
}

// Repeats a sentence of line i once inside a later line j, after one of j's own sentences.
void AddRestatedQuote(std::vector<NaturalLine>& lines, SynthRandom& random) {
  struct Quote {
    size_t line;
    std::string text;
  };
  std::vector<Quote> quotes;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].list) continue;
    const std::string& text = lines[i].text.text;
    for (const auto& [a, b] : StrictSentences(text)) {
      const size_t words = SpaceWords(std::string_view(text).substr(a, b - a)).size();
      if (words >= kQuoteMinWords && words <= kQuoteMaxWords && StartsWithCapital(text.substr(a))) {
        quotes.push_back({i, text.substr(a, b - a)});
      }
    }
  }
  random.Shuffle(quotes);
  for (const Quote& q : quotes) {
    std::vector<std::pair<size_t, size_t>> places;  // (line, offset after a clean end)
    for (size_t j = q.line + 1; j < lines.size(); ++j) {
      if (lines[j].list) continue;
      for (const size_t e : CleanEnds(lines[j].text.text)) {
        if (!lines[j].text.Splits(e)) places.emplace_back(j, e);
      }
    }
    if (places.empty()) continue;
    const auto [j, e] = places[random.Below(places.size())];
    MarkedText& line = lines[j].text;
    // Spaced or glued like the text around it.
    const bool glued = e < line.text.size() && line.text[e] != ' ';
    const size_t start = glued ? e : e + 1;
    line.Insert(e, glued ? q.text : absl::StrCat(" ", q.text));
    line.AddNatural(start, start + q.text.size(), Natural::kRestatedQuote);
    return;
  }
}

// Inserts a list of 3-5 items after a random line.
void AddLabelList(std::vector<NaturalLine>& lines, SynthRandom& random) {
  const std::vector<std::string> texts = Texts(lines);
  const std::vector<std::string> labels = PlainRuns(texts, 2, 3);
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const std::string& word : PlainRuns(texts, 1, 4)) {
    if (seen.insert(Lowered(word)).second) names.push_back(Capitalized(word));
  }
  const std::vector<std::string> pairs = PlainRuns(texts, 2, 2);
  const std::vector<std::string> triples = PlainRuns(texts, 3, 2);
  const std::vector<std::string> singles = PlainRuns(texts, 1, 3);
  if (labels.empty() || names.size() < 6 || pairs.empty() || triples.empty()) return;
  const size_t count = 3 + random.Below(3);
  const std::string label = labels[random.Below(labels.size())];
  const std::string a = pairs[random.Below(pairs.size())];
  const std::string b = triples[random.Below(triples.size())];
  const std::string c = singles[random.Below(singles.size())];
  random.Shuffle(names);
  std::vector<std::string> items;
  for (size_t i = 0; i < count; ++i) {
    if (Lowered(names[i]) == Lowered(label.substr(0, label.find(' ')))) return;
    items.push_back(absl::StrFormat("- %d %s %s (%d %s, %d %s, %d %s)", 5 + random.Below(36), label,
                                    names[i], random.Below(10), a, random.Below(10), b, random.Below(10), c));
  }
  for (size_t i = 0; i < items.size(); ++i) {
    for (size_t k = 0; k < i; ++k) {
      if (LineSimilarity(items[i], items[k]) >= kMaxItemSimilarity) return;
    }
  }
  // A short note repeated between the items, like "Winners meet in final match".
  std::string note;
  if (random.Chance(0.5)) {
    const std::vector<std::string> runs = PlainRuns(texts, 3 + random.Below(4), 2);
    if (!runs.empty()) note = Capitalized(runs[random.Below(runs.size())]);
  }
  std::vector<NaturalLine> list;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0 && !note.empty()) list.push_back({{note, {}, {}, {}}, true, true});
    list.push_back({{items[i], {}, {}, {}}, true, false});
  }
  for (NaturalLine& l : list) l.text.AddNatural(0, l.text.text.size(), Natural::kLabelList);
  const size_t at = 1 + random.Below(lines.size());
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), list.begin(), list.end());
}

}  // namespace

BaseDocument NaturalDocument::Plain() const {
  BaseDocument doc;
  doc.headline = headline;
  for (const NaturalLine& l : lines) doc.lines.push_back(l.text.text);
  return doc;
}

NaturalDocument AddNaturalNegatives(const BaseDocument& doc, const NaturalOptions& options,
                                    const std::vector<std::string>& foreign, SynthRandom& random) {
  NaturalDocument out;
  out.headline = doc.headline;
  for (const std::string& line : doc.lines) out.lines.push_back({{line, {}, {}, {}}, false, false});
  // Drawn in a fixed order, each independently, so one rate does not move the others' choices.
  const bool list = random.Chance(options.label_list_rate);
  const bool rhetoric = random.Chance(options.rhetoric_rate);
  const bool quote = random.Chance(options.restated_quote_rate);
  if (list) AddLabelList(out.lines, random);
  if (rhetoric) AddRhetoric(out.lines, foreign, random);
  if (quote) AddRestatedQuote(out.lines, random);
  return out;
}

}  // namespace neardup
