#include "neardup/text/segment.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace neardup {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n'; }
bool IsLower(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsTerminator(char c) { return c == '.' || c == '!' || c == '?'; }
bool IsBracket(char c) { return c == ')' || c == ']'; }

Passage Piece(size_t start, size_t end, size_t removal_end, size_t block_end, bool first, bool last) {
  return {static_cast<uint32_t>(start), static_cast<uint32_t>(end), static_cast<uint32_t>(removal_end),
          static_cast<uint32_t>(block_end), first, last};
}

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (!IsSpace(c)) return false;
  }
  return true;
}

// Length of a closing quote or bracket at text[i] that may follow a sentence terminator.
size_t CloserLength(std::string_view text, size_t i) {
  const char c = text[i];
  if (c == '"' || c == '\'' || IsBracket(c)) return 1;
  // U+201D and U+2019, the typographic closing quotes common in news text.
  if (text.substr(i, 3) == "\xE2\x80\x9D" || text.substr(i, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

// Whether text[i] ends a word that a glued capital may follow as a new sentence: a lowercase
// letter or digit ("kerja.Kirim"), or a closing quote or bracket ("(Ilustrasi).Tahan").
bool EndsGluedSentence(std::string_view text, size_t start, size_t i) {
  if (i <= start) return false;
  const char c = text[i - 1];
  return IsLower(c) || IsBracket(c) || c == '"' || c == '\'' ||
         (i >= start + 3 && CloserLength(text, i - 3) == 3);
}

// The first of . ! ? ) ] in text[i, end), or end: the only bytes that can end a sentence. Every
// line of every document is scanned, so the scan goes 16 bytes at a time where it can.
size_t NextMark(std::string_view text, size_t i, size_t end) {
#if defined(__SSE2__)
  const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?');
  const __m128i paren = _mm_set1_epi8(')'), bracket = _mm_set1_epi8(']');
  for (; i + 16 <= end; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, ask), _mm_cmpeq_epi8(v, paren)),
                                                  _mm_cmpeq_epi8(v, bracket)));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < end && !IsTerminator(text[i]) && !IsBracket(text[i])) ++i;
  return i;
}

// A lone letter before the dot at text[i] is an initial ("U.S.", "Benjamin A. Engel"), not a
// sentence end.
bool Initial(std::string_view text, size_t start, size_t i) {
  return i > start && (IsLower(text[i - 1]) || IsUpper(text[i - 1])) &&
         (i - 1 == start || IsSpace(text[i - 2]) || text[i - 2] == '.');
}

// Nor is a short capitalized word before a dot and a space ("Dr. Smith", "Foto: Dok. Humas",
// "Jl. Sudirman"): a sentence that really ends so stays joined to the next, which costs nothing
// but a larger unit.
bool Abbreviation(std::string_view text, size_t start, size_t i) {
  if (text[i] != '.') return false;
  size_t word = i;
  while (word > start && i - word <= 3 && !IsSpace(text[word - 1])) --word;
  return i - word >= 2 && i - word <= 3 && (word == start || IsSpace(text[word - 1])) && IsUpper(text[word]);
}

// Whether text[from, to) holds at least `n` whitespace-separated words; stops once it does.
bool HasWords(std::string_view text, size_t from, size_t to, size_t n) {
  size_t words = 0;
  bool in_word = false;
  for (size_t i = from; i < to && words < n; ++i) {
    const bool space = IsSpace(text[i]);
    words += !space && !in_word;
    in_word = !space;
  }
  return words >= n;
}

}  // namespace

void SplitSentences(std::string_view text, size_t start, size_t end, std::vector<Sentence>& out) {
  while (start < end && IsSpace(text[start])) ++start;
  while (end > start && IsSpace(text[end - 1])) --end;
  if (start == end) return;
  size_t piece = start;
  bool glued = false;
  const auto cut = [&](size_t piece_end, size_t next, bool next_glued) {
    out.push_back({static_cast<uint32_t>(piece), static_cast<uint32_t>(piece_end), glued});
    piece = next;
    glued = next_glued;
  };
  // Only terminators and brackets can end a sentence: the scan jumps from one to the next.
  for (size_t i = start;; ++i) {
    i = NextMark(text, i, end);
    if (i >= end) break;
    if (IsBracket(text[i])) {
      if (i + 1 < end && IsUpper(text[i + 1])) cut(i + 1, i + 1, true);  // "(ren)SHARE"
      continue;
    }
    size_t j = i;
    while (j < end && IsTerminator(text[j])) ++j;
    for (size_t n; j < end && (n = CloserLength(text, j)) > 0;) j += n;
    const bool spaced = j < end && IsSpace(text[j]);
    const bool glued_next = j < end && IsUpper(text[j]) && EndsGluedSentence(text, start, i);
    if ((spaced || glued_next) && !Initial(text, start, i) &&
        (glued_next || (!Abbreviation(text, start, i) && HasWords(text, piece, i, 3)))) {
      size_t next = j;
      while (next < end && IsSpace(text[next])) ++next;
      cut(j, next, !spaced);
    }
    i = j - 1;
  }
  out.push_back({static_cast<uint32_t>(piece), static_cast<uint32_t>(end), glued});
}

namespace {

// Splits the line [start, end) into sentence passages; removing one takes the whitespace after it.
void SplitLongLine(std::string_view text, size_t start, size_t end, size_t block_end, std::vector<Passage>& out,
                   std::vector<Sentence>& sentences) {
  sentences.clear();
  SplitSentences(text, start, end, sentences);
  for (size_t i = 0; i < sentences.size(); ++i) {
    const bool last = i + 1 == sentences.size();
    const size_t removal_end = last ? (sentences.size() == 1 ? block_end : sentences[i].end) : sentences[i + 1].start;
    out.push_back(Piece(i == 0 ? start : sentences[i].start, sentences[i].end, removal_end, block_end, i == 0, last));
  }
}

struct Line {
  size_t start, end, next;  // content [start, end); next = after the terminator
};

Line LineAt(std::string_view text, size_t start) {
  size_t nl = text.find('\n', start);
  const size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
  size_t end = nl == std::string_view::npos ? text.size() : nl;
  if (end > start && text[end - 1] == '\r') --end;
  return {start, end, next};
}

void AddBlock(std::string_view text, size_t start, size_t end, size_t block_end, bool single_line,
              const SegmentOptions& options, std::vector<Passage>& out) {
  if (single_line && end - start > options.long_line_bytes) {
    std::vector<Sentence> sentences;
    SplitLongLine(text, start, end, block_end, out, sentences);
  } else {
    out.push_back(Piece(start, end, block_end, block_end, true, true));
  }
}

}  // namespace

std::vector<Passage> Segment(std::string_view text, const SegmentOptions& options) {
  std::vector<Passage> out;
  SegmentInto(text, options, out);
  return out;
}

void SegmentInto(std::string_view text, const SegmentOptions& options, std::vector<Passage>& out) {
  out.clear();
  size_t pos = 0;
  while (pos < text.size()) {
    Line line = LineAt(text, pos);
    if (IsBlank(text.substr(line.start, line.end - line.start))) {
      pos = line.next;
      continue;
    }
    if (options.mode == PassageMode::kLine) {
      AddBlock(text, line.start, line.end, line.next, true, options, out);
      pos = line.next;
      continue;
    }
    // A paragraph runs to the next blank line; removing it takes the blank lines after it too,
    // so no double gap is left behind.
    const size_t start = line.start;
    size_t end = line.end;
    size_t lines = 1;
    pos = line.next;
    while (pos < text.size()) {
      line = LineAt(text, pos);
      if (IsBlank(text.substr(line.start, line.end - line.start))) break;
      end = line.end;
      ++lines;
      pos = line.next;
    }
    while (pos < text.size()) {
      line = LineAt(text, pos);
      if (!IsBlank(text.substr(line.start, line.end - line.start))) break;
      pos = line.next;
    }
    AddBlock(text, start, end, pos, lines == 1, options, out);
  }
}

}  // namespace neardup
