#include "neardup/render/render_common.h"

#include "absl/strings/str_format.h"
#include "neardup/base/utf8.h"

namespace neardup {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Calls `emit(piece)` for each valid character of `bytes` (as a view into it) and for U+FFFD in
// place of each invalid byte.
template <typename Emit>
void ForEachCharacter(std::string_view bytes, Emit emit) {
  size_t i = 0;
  while (i < bytes.size()) {
    const size_t length = ValidUtf8Length(bytes, i);
    if (length == 0) {
      emit(kReplacement);
      ++i;
    } else {
      emit(bytes.substr(i, length));
      i += length;
    }
  }
}

std::string Escape(std::string_view text, bool xml) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  ForEachCharacter(text, [&](std::string_view c) {
    switch (c[0]) {
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '"': out += "&quot;"; return;
      case '\'': out += "&#39;"; return;
      default: break;
    }
    const auto ch = static_cast<unsigned char>(c[0]);
    if (xml && ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
      out += kReplacement;
    } else {
      out += c;
    }
  });
  return out;
}

}  // namespace

std::string ValidUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  ForEachCharacter(bytes, [&](std::string_view c) { out += c; });
  return out;
}

std::string EscapeControl(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t length = ValidUtf8Length(text, i);
    if (length == 0) {
      absl::StrAppendFormat(&out, "\\x%02X", c);
      ++i;
      continue;
    }
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      absl::StrAppendFormat(&out, "\\x%02X", c);
    } else if (length == 1) {
      out += static_cast<char>(c);
    } else {
      // Decode just enough to recognize C1 controls (U+0080-U+009F) and the bidi controls
      // (U+202A-U+202E, U+2066-U+2069).
      uint32_t cp = c & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
      for (size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      const bool control = cp <= 0x9F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
      if (control) {
        absl::StrAppendFormat(&out, "\\u%04X", cp);
      } else {
        out.append(text.substr(i, length));
      }
    }
    i += length;
  }
  return out;
}

std::string EscapeHtml(std::string_view text) { return Escape(text, false); }

std::string EscapeXml(std::string_view text) { return Escape(text, true); }

std::string EscapeMarkdownCell(std::string_view text) {
  std::string out;
  ForEachCharacter(text, [&](std::string_view c) {
    switch (c[0]) {
      case '|': out += "\\|"; return;
      case '\\': out += "\\\\"; return;
      case '`': out += "\\`"; return;
      case '[': out += "\\["; return;
      case ']': out += "\\]"; return;
      case '*': out += "\\*"; return;
      case '_': out += "\\_"; return;
      case '~': out += "\\~"; return;
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '\r': return;
      case '\n': out += ' '; return;
      case '\t': out += ' '; return;
      default: break;
    }
    // Other control characters shown as escapes (the backslash itself escaped for Markdown), so
    // that a file viewed in a terminal is not recoloured by an id.
    if (static_cast<unsigned char>(c[0]) < 0x20 || c[0] == 0x7F) {
      absl::StrAppendFormat(&out, "\\\\x%02X", static_cast<unsigned char>(c[0]));
    } else {
      out += c;
    }
  });
  return out;
}

FileLine SplitLocation(std::string_view location) {
  const size_t colon = location.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == location.size() ||
      location.size() - colon > 10) {
    return {std::string(location), 0};
  }
  uint32_t line = 0;
  for (const char c : location.substr(colon + 1)) {
    if (c < '0' || c > '9') return {std::string(location), 0};
    line = line * 10 + static_cast<uint32_t>(c - '0');
  }
  return {std::string(location.substr(0, colon)), line};
}

std::string FormatBytes(uint64_t bytes) {
  if (bytes < 1000) return absl::StrFormat("%d B", bytes);
  const char* const units[] = {"KB", "MB", "GB", "TB"};
  double value = static_cast<double>(bytes) / 1000.0;
  int unit = 0;
  while (value >= 999.95 && unit < 3) {
    value /= 1000.0;
    ++unit;
  }
  return absl::StrFormat("%.1f %s", value, units[unit]);
}

std::string FormatPercent(double ratio, int decimals) {
  return absl::StrFormat("%.*f%%", decimals, 100.0 * ratio);
}

std::string FormatShare(uint64_t part, uint64_t whole, int decimals) {
  return FormatPercent(whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole), decimals);
}

}  // namespace neardup
