// Escaping and formatting shared by the human-readable renderers (plain text, Markdown, HTML,
// JUnit XML, CI annotations). Every function is pure and returns a new string.
#ifndef NEARDUP_RENDER_COMMON_H_
#define NEARDUP_RENDER_COMMON_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace neardup {

// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD: ids and texts come from files
// and may be any bytes, while XML and HTML readers may reject or mangle invalid UTF-8.
std::string ValidUtf8(std::string_view bytes);

// `text` safe to print on a terminal or into a CI log: line breaks and tabs as \n \r \t, other
// control characters (C0, DEL) and bytes that are not valid UTF-8 as \xHH, C1 controls and the
// Unicode bidirectional overrides and isolates as \uHHHH. An id so printed cannot start a new
// line (which a CI runner might read as a workflow command), move the cursor, recolour the
// terminal or reorder the text around it.
std::string EscapeControl(std::string_view text);

// Text for HTML content or a quoted attribute: & < > " ' escaped, valid UTF-8.
std::string EscapeHtml(std::string_view text);

// Like EscapeHtml, and control characters that XML 1.0 forbids become U+FFFD, so the document
// stays well-formed whatever bytes a path or text holds.
std::string EscapeXml(std::string_view text);

// Text for one cell of a Markdown table: '|' and '\' escaped, line breaks as spaces, HTML-like
// characters as entities (renderers such as GitHub's accept inline HTML), and the characters of
// links, images and emphasis ([ ] * _ ~) escaped, so that `[x](url)` or `![i](url)` in an id
// stays text.
std::string EscapeMarkdownCell(std::string_view text);

// A document location split into file and line: "path:LINE" (a JSONL record) gives {path, LINE};
// anything else gives {location, 0}.
struct FileLine {
  std::string path;
  uint32_t line = 0;
};
FileLine SplitLocation(std::string_view location);

// 1234567 -> "1.2 MB" (decimal units: B, KB, MB, GB).
std::string FormatBytes(uint64_t bytes);

// 0.12947 -> "12.95%" (with `decimals` digits after the point).
std::string FormatPercent(double ratio, int decimals = 2);

// part / whole as FormatPercent() writes it; 0% when whole is 0.
std::string FormatShare(uint64_t part, uint64_t whole, int decimals = 2);

}  // namespace neardup

#endif  // NEARDUP_RENDER_COMMON_H_
