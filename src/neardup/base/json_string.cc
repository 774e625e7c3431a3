#include "neardup/base/json_string.h"

#include <algorithm>
#include <limits>

#include "absl/strings/str_format.h"
#include "neardup/base/utf8.h"

namespace neardup {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The four hex digits after "\u" at literal[at]; -1 when they are not all there.
int32_t ReadHex4(std::string_view literal, size_t at) {
  if (at + 4 > literal.size()) return -1;
  int32_t value = 0;
  for (size_t i = at; i < at + 4; ++i) {
    const int digit = HexValue(literal[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the "\uXXXX" escape (or surrogate pair) at literal[at]. Returns the code point and sets
// `length` to the escape's length in the literal, or returns an error.
absl::StatusOr<uint32_t> DecodeUnicodeEscape(std::string_view literal, size_t at, size_t& length, bool lenient) {
  const int32_t high = ReadHex4(literal, at + 2);
  if (high < 0) return absl::InvalidArgumentError(absl::StrFormat("bad \\u escape at byte %d", at));
  length = 6;
  if (high >= 0xDC00 && high <= 0xDFFF) {
    if (lenient) return static_cast<uint32_t>(high);
    return absl::InvalidArgumentError(absl::StrFormat("lone low surrogate at byte %d", at));
  }
  if (high < 0xD800 || high > 0xDBFF) return static_cast<uint32_t>(high);
  const bool has_pair =
      at + 12 <= literal.size() && literal[at + 6] == '\\' && literal[at + 7] == 'u';
  const int32_t low = has_pair ? ReadHex4(literal, at + 8) : -1;
  if (low < 0xDC00 || low > 0xDFFF) {
    if (lenient) return static_cast<uint32_t>(high);
    return absl::InvalidArgumentError(absl::StrFormat("lone high surrogate at byte %d", at));
  }
  length = 12;
  return 0x10000 + ((static_cast<uint32_t>(high) - 0xD800) << 10) +
         (static_cast<uint32_t>(low) - 0xDC00);
}

// One escape at literal[at] (which is '\\'): appends its bytes and returns the escape's length.
absl::StatusOr<size_t> DecodeEscape(std::string_view literal, size_t at, std::string& text, bool lenient) {
  if (at + 1 >= literal.size()) return absl::InvalidArgumentError("unterminated string");
  switch (literal[at + 1]) {
    case '"': text += '"'; return 2;
    case '\\': text += '\\'; return 2;
    case '/': text += '/'; return 2;
    case 'b': text += '\b'; return 2;
    case 'f': text += '\f'; return 2;
    case 'n': text += '\n'; return 2;
    case 'r': text += '\r'; return 2;
    case 't': text += '\t'; return 2;
    case 'u': {
      size_t length = 0;
      const absl::StatusOr<uint32_t> cp = DecodeUnicodeEscape(literal, at, length, lenient);
      if (!cp.ok()) return cp.status();
      AppendUtf8(*cp, text);
      return length;
    }
    default: return absl::InvalidArgumentError(absl::StrFormat("bad escape at byte %d", at));
  }
}


// The two-character escape for `c`, or nullptr when it has none.
const char* ShortEscape(unsigned char c) {
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\b': return "\\b";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default: return nullptr;
  }
}

}  // namespace

absl::StatusOr<DecodedJsonString> DecodeJsonString(std::string_view literal, bool lenient) {
  if (literal.empty() || literal[0] != '"') {
    return absl::InvalidArgumentError("not a string literal");
  }
  // raw_at holds 32-bit offsets.
  if (literal.size() > std::numeric_limits<uint32_t>::max()) {
    return absl::InvalidArgumentError("string literal of 4 GiB or more");
  }
  DecodedJsonString decoded;
  decoded.text.reserve(literal.size());
  decoded.raw_at.reserve(literal.size());
  size_t i = 1;
  while (i < literal.size()) {
    // Most of a literal is plain bytes that decode to themselves: copy each run in one go.
    size_t run = i;
    while (run < literal.size()) {
      const auto b = static_cast<unsigned char>(literal[run]);
      if (b == '"' || b == '\\' || b < 0x20) break;
      ++run;
    }
    if (run > i) {
      const size_t at = decoded.text.size();
      decoded.text.append(literal.substr(i, run - i));
      decoded.raw_at.resize(decoded.text.size());
      for (size_t k = at; k < decoded.text.size(); ++k) {
        decoded.raw_at[k] = static_cast<uint32_t>(i + (k - at));
      }
      i = run;
      if (i == literal.size()) break;
    }
    const char c = literal[i];
    if (c == '"') {
      decoded.raw_at.push_back(static_cast<uint32_t>(i));
      return decoded;
    }
    if (static_cast<unsigned char>(c) < 0x20) {
      return absl::InvalidArgumentError(
          absl::StrFormat("unescaped control character at byte %d", i));
    }
    const absl::StatusOr<size_t> escape = DecodeEscape(literal, i, decoded.text, lenient);
    if (!escape.ok()) return escape.status();
    // Every byte an escape produced maps back to the escape's first byte.
    decoded.raw_at.resize(decoded.text.size(), static_cast<uint32_t>(i));
    i += *escape;
  }
  return absl::InvalidArgumentError("unterminated string");
}

std::string CutJsonString(std::string_view literal, const DecodedJsonString& decoded,
                          const std::vector<std::pair<size_t, size_t>>& cuts) {
  const size_t size = decoded.text.size();
  std::string out;
  out.reserve(literal.size());
  out += '"';
  size_t kept_from = 0;
  const auto keep = [&](size_t end) {
    // raw_at[i] is where the character starting at i begins in the literal, so the kept
    // characters [kept_from, end) are exactly literal[raw_at[kept_from], raw_at[end]).
    if (kept_from >= end) return;
    const uint32_t from = decoded.raw_at[kept_from];
    out.append(literal.substr(from, decoded.raw_at[end] - from));
  };
  for (const auto& [start, end] : cuts) {
    const size_t cut_start = std::min(start, size);
    keep(cut_start);
    kept_from = std::max(kept_from, std::min(end, size));
  }
  keep(size);
  out += '"';
  return out;
}

std::string QuoteJson(std::string_view bytes) {
  std::string out;
  AppendQuotedJson(bytes, out);
  return out;
}

void AppendQuotedJson(std::string_view bytes, std::string& out) {
  out.reserve(out.size() + bytes.size() + 2);
  out += '"';
  size_t i = 0;
  while (i < bytes.size()) {
    // Plain printable ASCII, the common case, goes through in one append.
    size_t plain = i;
    while (plain < bytes.size()) {
      const auto b = static_cast<unsigned char>(bytes[plain]);
      if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') break;
      ++plain;
    }
    if (plain > i) {
      out.append(bytes.substr(i, plain - i));
      i = plain;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (const char* escape = ShortEscape(c)) {
      out += escape;
      ++i;
      continue;
    }
    if (c < 0x20) {
      out += absl::StrFormat("\\u%04x", c);
      ++i;
      continue;
    }
    const size_t length = ValidUtf8Length(bytes, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for each byte that is not part of valid UTF-8
      ++i;
    } else {
      out.append(bytes.substr(i, length));
      i += length;
    }
  }
  out += '"';
}

}  // namespace neardup
