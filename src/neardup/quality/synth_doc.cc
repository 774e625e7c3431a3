#include "neardup/quality/synth_doc.h"

#include "neardup/text/normalize.h"
#include "neardup/text/shingle.h"
#include "neardup/similarity/verify.h"

namespace neardup {
namespace {

constexpr uint64_t kSeed = 1;  // similarities do not depend on it beyond hash collisions

std::vector<std::string_view> SplitWords(std::string_view line) {
  std::vector<std::string_view> words;
  for (size_t pos = 0; pos < line.size();) {
    size_t space = line.find(' ', pos);
    if (space == std::string_view::npos) space = line.size();
    if (space > pos) words.push_back(line.substr(pos, space - pos));
    pos = space + 1;
  }
  return words;
}

template <typename Words>
std::string JoinWords(const Words& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

const std::string& Pick(const std::vector<std::string>& vocabulary, SynthRandom& random) {
  return vocabulary[random.Below(vocabulary.size())];
}

}  // namespace

RenderedDocument Render(const std::vector<PlannedLine>& lines) {
  RenderedDocument out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const PlannedLine& line = lines[i];
    if (line.same_line && !out.text.empty() && out.text.back() == '\n') out.text.pop_back();
    const uint64_t start = out.text.size();
    out.text += line.text;
    const uint64_t end = line.same_line ? out.text.size() : out.text.size() + 1;
    out.text += '\n';
    if (line.label) {
      out.spans.push_back({start, end, *line.label, line.ambiguous, line.similarity});
      continue;
    }
    for (TruthSpan s : line.inner) {
      s.start += start;
      s.end += start;
      out.spans.push_back(s);
    }
    for (NaturalSpan n : line.natural) {
      n.start += start;
      n.end += start;
      // A natural span that runs to its line's end takes the terminator, so list lines merge.
      if (n.end == start + line.text.size()) n.end = end;
      if (!out.natural.empty() && out.natural.back().kind == n.kind && out.natural.back().end == n.start) {
        out.natural.back().end = n.end;
      } else {
        out.natural.push_back(n);
      }
    }
  }
  return out;
}

bool InsertableAt(const std::vector<PlannedLine>& lines, size_t at) {
  return at == 0 || at >= lines.size() || !(lines[at - 1].in_list && lines[at].in_list);
}

double LineSimilarity(std::string_view a, std::string_view b) {
  const std::string na = Normalize(a);
  const std::string nb = Normalize(b);
  if (na == nb) return 1.0;
  const ShingleSpec spec{ShingleKind::kWord, 3};
  return Jaccard(Shingles(na, spec, kSeed), Shingles(nb, spec, kSeed));
}

double DocumentSimilarity(std::string_view a, std::string_view b) {
  const ShingleSpec spec{ShingleKind::kWord, 5};
  return Jaccard(Shingles(Normalize(a), spec, kSeed), Shingles(Normalize(b), spec, kSeed));
}

size_t WordCount(std::string_view text) { return CountWords(Normalize(text)); }

std::string EditWords(std::string_view line, double rate, const std::vector<std::string>& vocabulary,
                      SynthRandom& random) {
  std::vector<std::string> out;
  for (const std::string_view word : SplitWords(line)) {
    const double r = random.Unit();
    if (r < rate / 3) {
      out.push_back(Pick(vocabulary, random));
    } else if (r < 2 * rate / 3) {
      continue;  // deleted
    } else {
      out.emplace_back(word);
      if (r < rate) out.push_back(Pick(vocabulary, random));
    }
  }
  return JoinWords(out);
}

std::string SubstituteWords(std::string_view line, int count, const std::vector<std::string>& vocabulary,
                            SynthRandom& random) {
  std::vector<std::string> words;
  for (const std::string_view w : SplitWords(line)) words.emplace_back(w);
  if (words.size() <= 4) return std::string(line);
  for (int i = 0; i < count; ++i) words[2 + random.Below(words.size() - 4)] = Pick(vocabulary, random);
  return JoinWords(words);
}

std::string InsertWord(std::string_view line, const std::vector<std::string>& vocabulary,
                       SynthRandom& random) {
  std::vector<std::string> words;
  for (const std::string_view w : SplitWords(line)) words.emplace_back(w);
  const size_t at = random.Below(words.size() + 1);
  words.insert(words.begin() + static_cast<std::ptrdiff_t>(at), Pick(vocabulary, random));
  return JoinWords(words);
}

std::string FirstWords(std::string_view line, size_t words) {
  std::vector<std::string_view> all = SplitWords(line);
  if (all.size() > words) all.resize(words);
  return JoinWords(all);
}

}  // namespace neardup
