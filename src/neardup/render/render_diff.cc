#include "neardup/render/render_diff.h"

#include <algorithm>

namespace neardup {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

struct Token {
  std::string_view word;  // compared
  std::string_view text;  // the word and the whitespace after it, shown
};

// Leading whitespace goes with the first token, so that the pieces cover the whole text.
std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    size_t word = i;
    while (word < text.size() && IsSpace(text[word])) ++word;
    size_t end = word;
    while (end < text.size() && !IsSpace(text[end])) ++end;
    size_t after = end;
    while (after < text.size() && IsSpace(text[after])) ++after;
    tokens.push_back({text.substr(word, end - word), text.substr(start, after - start)});
    i = after;
  }
  return tokens;
}

// Appends `token` to the pieces, extending the last piece when it is of the same kind and the
// token's text follows it directly.
void Append(std::vector<DiffPiece>& pieces, DiffPiece::Kind kind, const Token& token) {
  if (!pieces.empty() && pieces.back().kind == kind &&
      pieces.back().text.data() + pieces.back().text.size() == token.text.data()) {
    DiffPiece& last = pieces.back();
    last.text = std::string_view(last.text.data(), last.text.size() + token.text.size());
    ++last.words;
    return;
  }
  pieces.push_back({kind, token.text, 1});
}

}  // namespace

std::optional<std::vector<DiffPiece>> WordDiff(std::string_view kept, std::string_view removed, size_t max_words,
                                               size_t max_edits) {
  const std::vector<Token> a = Tokens(kept);
  const std::vector<Token> b = Tokens(removed);
  if (a.size() > max_words || b.size() > max_words) return std::nullopt;
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int limit = static_cast<int>(std::min<size_t>(a.size() + b.size(), max_edits));
  const int offset = limit + 1;
  // v[offset + k]: the furthest x reached on diagonal k = x - y; trace[d] is v before round d.
  std::vector<int> v(2 * static_cast<size_t>(limit) + 3, 0);
  std::vector<std::vector<int>> trace;
  int edits = -1;
  for (int d = 0; d <= limit && edits < 0; ++d) {
    trace.push_back(v);
    for (int k = -d; k <= d; k += 2) {
      const bool down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
      int x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x].word == b[y].word) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        edits = d;
        break;
      }
    }
  }
  if (edits < 0) return std::nullopt;
  // Walk back from the end, collecting tokens last to first.
  std::vector<std::pair<DiffPiece::Kind, const Token*>> path;
  int x = n, y = m;
  for (int d = edits; d > 0; --d) {
    const std::vector<int>& before = trace[d];
    const int k = x - y;
    const bool down = k == -d || (k != d && before[offset + k - 1] < before[offset + k + 1]);
    const int previous_x = before[offset + (down ? k + 1 : k - 1)];
    const int previous_y = previous_x - (down ? k + 1 : k - 1);
    while (x > previous_x && y > previous_y) path.emplace_back(DiffPiece::kSame, &b[--y]), --x;
    if (down) {
      path.emplace_back(DiffPiece::kOnlyRemoved, &b[--y]);
    } else {
      path.emplace_back(DiffPiece::kOnlyKept, &a[--x]);
    }
  }
  while (x > 0 && y > 0) path.emplace_back(DiffPiece::kSame, &b[--y]), --x;
  std::vector<DiffPiece> pieces;
  for (auto it = path.rbegin(); it != path.rend(); ++it) Append(pieces, it->first, *it->second);
  return pieces;
}

namespace {

// Where word `n` of `text` starts (words as Tokens makes them); text.size() past the last.
size_t WordStart(std::string_view text, size_t n) {
  const std::vector<Token> tokens = Tokens(text);
  if (n >= tokens.size()) return text.size();
  return static_cast<size_t>(tokens[n].text.data() - text.data());
}

}  // namespace

std::vector<DiffPiece> WithContext(const std::vector<DiffPiece>& pieces, size_t context) {
  const bool changed = std::any_of(pieces.begin(), pieces.end(), [](const DiffPiece& p) { return p.kind != DiffPiece::kSame; });
  if (!changed) return pieces;
  std::vector<DiffPiece> out;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const DiffPiece& p = pieces[i];
    // A stretch at either end needs context on one side only.
    const size_t head = i == 0 ? 0 : context;
    const size_t tail = i + 1 == pieces.size() ? 0 : context;
    if (p.kind != DiffPiece::kSame || p.words <= head + tail + 1) {
      out.push_back(p);
      continue;
    }
    const size_t head_end = WordStart(p.text, head);
    const size_t tail_start = WordStart(p.text, p.words - tail);
    if (head > 0) out.push_back({DiffPiece::kSame, p.text.substr(0, head_end), head});
    out.push_back({DiffPiece::kGap, p.text.substr(head_end, tail_start - head_end), p.words - head - tail});
    if (tail > 0) out.push_back({DiffPiece::kSame, p.text.substr(tail_start), tail});
  }
  return out;
}

}  // namespace neardup
