#include "gen_corpus_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>

#include <simdjson.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "neardup/base/hash.h"

namespace neardup::bench {
namespace {

constexpr size_t kMinSentenceWords = 4;   // shorter pieces ("See also:") read as fragments
constexpr size_t kMaxSentenceBytes = 600;  // longer ones are tables or code, and would dominate
constexpr size_t kMaxHeadlineBytes = 200;
// Swapping "the" or "and" garbles a sentence more than swapping a content word does.
constexpr size_t kMinSlotLetters = 4;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : s) {
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

// True when `piece` (the text before a ". ") ends in an initial or a common abbreviation, where
// a period does not end the sentence ("A. Engel", "e.g. Foo", "Dr. Who").
bool EndsInAbbreviation(std::string_view piece) {
  const size_t space = piece.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? piece : piece.substr(space + 1);
  if (last.size() == 1 && IsUpper(last[0])) return true;
  static constexpr std::array<std::string_view, 14> kAbbreviations = {
      "e.g", "i.e", "vs", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Prof", "cf", "al", "approx", "No"};
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), last) != kAbbreviations.end();
}

// Calls emit(sentence) for each sentence of `line`: cuts after ".", "!" or "?" followed by
// spaces and a capital letter, unless the period closes an abbreviation.
template <typename Emit>
void SplitSentences(std::string_view line, Emit emit) {
  size_t start = 0;
  for (size_t k = 0; k + 2 < line.size(); ++k) {
    const char c = line[k];
    if ((c != '.' && c != '!' && c != '?') || line[k + 1] != ' ') continue;
    size_t next = k + 1;
    while (next < line.size() && line[next] == ' ') ++next;
    if (next == line.size() || !IsUpper(line[next])) continue;
    if (c == '.' && EndsInAbbreviation(line.substr(start, k - start))) continue;
    emit(line.substr(start, k + 1 - start));
    start = next;
  }
  emit(line.substr(start));
}

// The list markers that fetch_base_text.sh keeps at the start of list items.
std::string_view StripBullet(std::string_view s) {
  if (s.size() > 2 && s[1] == ' ' && (s[0] == '*' || s[0] == '-' || s[0] == '+' || s[0] == 'o')) {
    return Trim(s.substr(2));
  }
  return s;
}

}  // namespace

// Collects distinct headlines and sentences into one byte buffer.
class TextBank::Builder {
 public:
  void AddDocument(std::string_view text) {
    bank_.document_starts_.push_back(static_cast<uint32_t>(bank_.document_sentences_.size()));
    bool headline = true;
    while (!text.empty()) {
      const size_t end = text.find('\n');
      const std::string_view line = Trim(text.substr(0, end));
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      if (line.empty()) continue;
      if (headline) {
        if (line.size() <= kMaxHeadlineBytes) Add(line, "", /*headline=*/true, bank_.headlines_);
        headline = false;
        continue;
      }
      SplitSentences(StripBullet(line), [this](std::string_view s) { AddSentence(Trim(s)); });
    }
  }

  absl::StatusOr<TextBank> Build(std::string_view origin) && {
    if (bank_.headlines_.empty() || bank_.sentences_.size() < 10 || bank_.words_.empty()) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s: too little text (%d headlines, %d sentences)", origin,
                          bank_.headlines_.size(), bank_.sentences_.size()));
    }
    return std::move(bank_);
  }

 private:
  void AddSentence(std::string_view s) {
    if (CountWords(s) < kMinSentenceWords || s.size() > kMaxSentenceBytes) return;
    // List items have no final period; one makes a paragraph of them read as sentences.
    const char last = s.back();
    const bool ends = last == '.' || last == '!' || last == '?' || last == ':' || last == ';';
    const uint32_t index = Add(s, ends ? "" : ".", /*headline=*/false, bank_.sentences_);
    if (index != kNotSentence) bank_.document_sentences_.push_back(index);
  }

  // Appends `s` + `suffix` to `pieces` unless the same text was seen before (as a headline or a
  // sentence). Returns its index in `pieces`, or in sentences_ when seen before as a sentence;
  // kNotSentence when it was seen as a headline or does not fit.
  uint32_t Add(std::string_view s, std::string_view suffix, bool headline,
               std::vector<Span>& pieces) {
    const size_t offset = bank_.text_.size();
    if (offset + s.size() + suffix.size() > UINT32_MAX) return kNotSentence;  // 32-bit offsets
    bank_.text_.append(s);
    bank_.text_.append(suffix);
    const std::string_view added(bank_.text_.data() + offset, s.size() + suffix.size());
    const auto [seen, fresh] = seen_.try_emplace(
        Hash64(added, 0), headline ? kNotSentence : static_cast<uint32_t>(pieces.size()));
    if (!fresh) {
      bank_.text_.resize(offset);
      return seen->second;
    }
    Span span{static_cast<uint32_t>(offset), static_cast<uint32_t>(added.size()),
              static_cast<uint32_t>(bank_.slots_.size()), 0};
    AddSlots(span, headline);
    pieces.push_back(span);
    return seen->second;
  }

  // Slots are lowercase words; in headlines, whose words are often all capitalized ("Tool for
  // Operations on Catalogues And Tables"), capitalized words too, or many would have none.
  void AddSlots(Span& span, bool headline) {
    const std::string_view piece(bank_.text_.data() + span.offset, span.size);
    size_t start = piece.find(' ');  // the first word is never a slot (capitalized, or a name)
    while (start != std::string_view::npos) {
      ++start;
      size_t end = piece.find(' ', start);
      if (end == std::string_view::npos) end = piece.size();
      const std::string_view word = piece.substr(start, end - start);
      if (word.size() >= kMinSlotLetters) {
        const bool lower =
            std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        const bool letters = std::all_of(word.begin(), word.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        });
        const Slot slot{static_cast<uint32_t>(span.offset + start),
                        static_cast<uint32_t>(word.size())};
        if (lower) bank_.words_.push_back(slot);
        if (lower || (headline && letters)) {
          bank_.slots_.push_back(slot);
          ++span.slots_count;
        }
      }
      start = end == piece.size() ? std::string_view::npos : end;
    }
  }

  static constexpr uint32_t kNotSentence = UINT32_MAX;

  TextBank bank_;
  // Hash of each piece kept -> its sentence index (kNotSentence for headlines). Only looked up,
  // never iterated.
  absl::flat_hash_map<uint64_t, uint32_t> seen_;
};

absl::StatusOr<TextBank> TextBank::FromDescriptions(const std::string& jsonl_path) {
  simdjson::padded_string file;
  if (const auto error = simdjson::padded_string::load(jsonl_path).get(file); error) {
    return absl::NotFoundError(
        absl::StrFormat("%s: cannot read (%s)", jsonl_path, simdjson::error_message(error)));
  }
  simdjson::ondemand::parser parser;
  Builder builder;
  const std::string_view all(file);
  size_t line_number = 0;
  for (size_t begin = 0; begin < all.size();) {
    size_t end = all.find('\n', begin);
    if (end == std::string_view::npos) end = all.size();
    ++line_number;
    const size_t length = end - begin;
    const size_t capacity = file.size() + simdjson::SIMDJSON_PADDING - begin;
    std::string_view text;
    if (length > 0) {
      // The rest of the file plus its padding follows the line, which is the padding simdjson
      // needs, so lines are parsed in place.
      simdjson::ondemand::document doc;
      auto error = parser.iterate(file.data() + begin, length, capacity).get(doc);
      if (!error) error = doc["text"].get_string().get(text);
      if (error) {
        return absl::InvalidArgumentError(absl::StrFormat("%s:%d: no \"text\" string (%s)",
                                                          jsonl_path, line_number,
                                                          simdjson::error_message(error)));
      }
      builder.AddDocument(text);
    }
    begin = end + 1;
  }
  return std::move(builder).Build(jsonl_path);
}

absl::StatusOr<TextBank> TextBank::FromArticles(const std::string& dir) {
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    if (it->path().extension() == ".txt") files.push_back(it->path());
  }
  if (error) return absl::NotFoundError(absl::StrFormat("%s: %s", dir, error.message()));
  std::sort(files.begin(), files.end());  // directory order differs between file systems
  Builder builder;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return absl::NotFoundError(absl::StrFormat("%s: cannot read", path.string()));
    builder.AddDocument(text);
  }
  return std::move(builder).Build(dir);
}

void TextBank::WriteSentence(size_t i, Rng& rng, std::string& out) const {
  WriteVaried(sentences_[i], /*max_swaps=*/2, /*may_drop=*/true, rng, out);
}

void TextBank::WriteHeadline(size_t i, Rng& rng, std::string& out) const {
  WriteVaried(headlines_[i], /*max_swaps=*/1, /*may_drop=*/false, rng, out);
}

std::string_view TextBank::RandomWord(Rng& rng) const {
  const Slot& slot = words_[rng.Below(words_.size())];
  return std::string_view(text_.data() + slot.offset, slot.size);
}

// Six draws in ten swap one word, three swap two, one swaps one and drops another (when allowed):
// a drop alone would give the same variant every time it is drawn for a one-slot sentence.
void TextBank::WriteVaried(const Span& span, int max_swaps, bool may_drop, Rng& rng,
                           std::string& out) const {
  const char* piece = text_.data() + span.offset;
  if (span.slots_count == 0) {
    out.append(piece, span.size);
    return;
  }
  const uint64_t op = rng.Below(10);
  const Slot* slots = slots_.data() + span.slots_begin;
  const size_t first = rng.Below(span.slots_count);
  size_t chosen[2] = {first, first};
  bool drop[2] = {false, false};
  size_t count = 1;
  const bool two = op == 9 ? may_drop : (op >= 6 && max_swaps >= 2);
  if (two && span.slots_count >= 2) {
    size_t second = rng.Below(span.slots_count - 1);
    if (second >= first) ++second;
    chosen[0] = std::min(first, second);
    chosen[1] = std::max(first, second);
    drop[second > first ? 1 : 0] = op == 9;
    count = 2;
  }
  size_t at = 0;  // bytes of the piece written so far
  for (size_t c = 0; c < count; ++c) {
    const Slot& slot = slots[chosen[c]];
    const size_t start = slot.offset - span.offset;
    if (drop[c]) {
      // A slot is never the first word, so the space before it goes with it.
      out.append(piece + at, start - 1 - at);
    } else {
      out.append(piece + at, start - at);
      out.append(RandomWord(rng));
    }
    at = start + slot.size;
  }
  out.append(piece + at, span.size - at);
}

}  // namespace neardup::bench
