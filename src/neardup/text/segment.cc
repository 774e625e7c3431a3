#include "neardup/text/segment.h"

namespace neardup {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool IsLower(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsTerminator(char c) { return c == '.' || c == '!' || c == '?'; }

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
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  // U+201D and U+2019, the typographic closing quotes common in news text.
  if (text.substr(i, 3) == "\xE2\x80\x9D" || text.substr(i, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

// Splits the line [start, end) (no terminator inside) into sentences. A sentence ends after
// terminators and closing quotes followed by whitespace, or glued to a capital ("hp.Sebuah"), and
// only once it holds three words, so abbreviations such as "Mr." do not become passages.
void SplitSentences(std::string_view text, size_t start, size_t end, size_t block_end,
                    std::vector<Passage>& out) {
  size_t piece = start;
  size_t words = 0;
  bool in_word = false;
  size_t i = start;
  const size_t first_index = out.size();
  while (i < end) {
    const char c = text[i];
    if (IsSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
    if (!IsTerminator(c)) {
      ++i;
      continue;
    }
    const bool after_lower = i > start && IsLower(text[i - 1]);
    // A lone letter before the dot is an initial ("U.S.", "Benjamin A. Engel"), not a sentence end.
    const bool initial = i > start && (IsLower(text[i - 1]) || IsUpper(text[i - 1])) &&
                         (i - 1 == start || IsSpace(text[i - 2]) || text[i - 2] == '.');
    size_t j = i;
    while (j < end && IsTerminator(text[j])) ++j;
    for (size_t n; j < end && (n = CloserLength(text, j)) > 0;) j += n;
    const bool spaced = j < end && IsSpace(text[j]);
    const bool glued = j < end && after_lower && IsUpper(text[j]);
    if (words >= 3 && !initial && (spaced || glued)) {
      size_t next = j;
      while (next < end && IsSpace(text[next])) ++next;
      if (next < end) {
        out.push_back(Piece(piece, j, next, block_end, out.size() == first_index, false));
        piece = next;
        words = 0;
        in_word = false;
      }
    }
    i = j;
  }
  out.push_back(Piece(piece, end, end, block_end, out.size() == first_index, true));
  if (out.size() == first_index + 1) out.back().removal_end = static_cast<uint32_t>(block_end);
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
    SplitSentences(text, start, end, block_end, out);
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
