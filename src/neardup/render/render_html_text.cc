#include "neardup/render/render_html_text.h"

#include <algorithm>

#include "absl/strings/str_format.h"
#include "neardup/render/render_common.h"

namespace neardup {
namespace {

// The largest position <= pos that does not split a UTF-8 sequence.
size_t CharBoundary(std::string_view text, size_t pos) {
  while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

void AppendPiece(std::string_view piece, size_t max_piece, std::string& out) {
  if (piece.size() <= max_piece || max_piece < 16) {
    out += EscapeHtml(piece);
    return;
  }
  const size_t head = CharBoundary(piece, max_piece / 2);
  const size_t tail = CharBoundary(piece, piece.size() - max_piece / 4);
  out += EscapeHtml(piece.substr(0, head));
  out += absl::StrFormat("<span class=\"gap\">[\xE2\x80\xA6 %d bytes not shown \xE2\x80\xA6]</span>",
                         tail - head);
  out += EscapeHtml(piece.substr(tail));
}

void OpenTag(const MarkedSpan& s, std::string& out) {
  out += '<';
  out += s.tag;
  if (!s.id.empty()) out += absl::StrFormat(" id=\"%s\"", EscapeHtml(s.id));
  if (!s.cls.empty()) out += absl::StrFormat(" class=\"%s\"", EscapeHtml(s.cls));
  if (!s.title.empty()) out += absl::StrFormat(" title=\"%s\"", EscapeHtml(s.title));
  out += '>';
  if (!s.href.empty()) out += absl::StrFormat("<a href=\"%s\">", EscapeHtml(s.href));
}

void CloseTag(const MarkedSpan& s, std::string& out) {
  if (!s.href.empty()) out += "</a>";
  out += "</";
  out += s.tag;
  out += '>';
}

}  // namespace

std::string RenderMarkedText(std::string_view text, std::vector<MarkedSpan> spans, size_t max_piece) {
  std::stable_sort(spans.begin(), spans.end(), [](const MarkedSpan& a, const MarkedSpan& b) {
    return std::pair(a.start, a.end) < std::pair(b.start, b.end);
  });
  std::string out;
  size_t cursor = 0;
  for (const MarkedSpan& s : spans) {
    const size_t start = std::max(cursor, static_cast<size_t>(std::min<uint64_t>(s.start, text.size())));
    const size_t end = std::max(start, static_cast<size_t>(std::min<uint64_t>(s.end, text.size())));
    AppendPiece(text.substr(cursor, start - cursor), max_piece, out);
    OpenTag(s, out);
    AppendPiece(text.substr(start, end - start), max_piece, out);
    CloseTag(s, out);
    cursor = end;
  }
  AppendPiece(text.substr(cursor), max_piece, out);
  return out;
}

std::string RenderDiffHtml(const std::vector<DiffPiece>& pieces) {
  std::string out;
  for (const DiffPiece& p : pieces) {
    switch (p.kind) {
      case DiffPiece::kSame: out += EscapeHtml(p.text); break;
      case DiffPiece::kOnlyKept: out += "<del>" + EscapeHtml(p.text) + "</del>"; break;
      case DiffPiece::kOnlyRemoved: out += "<ins>" + EscapeHtml(p.text) + "</ins>"; break;
      case DiffPiece::kGap:
        out += absl::StrFormat("<span class=\"gap\">[\xE2\x80\xA6 %d words in both \xE2\x80\xA6]</span> ", p.words);
        break;
    }
  }
  return out;
}

}  // namespace neardup
