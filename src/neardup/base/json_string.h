// JSON string literals with a byte map, so that a cleaned text field keeps the original escaping
// of every byte that stays (a record changes only where text was removed).
#ifndef NEARDUP_IO_JSON_STRING_H_
#define NEARDUP_IO_JSON_STRING_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace neardup {

struct DecodedJsonString {
  std::string text;              // the decoded value
  std::vector<uint32_t> raw_at;  // raw_at[i]: offset in the literal of the escape or byte that
                                 // produced text[i]; size text.size() + 1, last = closing quote
};

// Decodes the string literal at the start of `literal` (which begins with '"'; anything after the
// closing quote is ignored). Handles every JSON escape, including surrogate pairs. Bytes that are
// not valid UTF-8 are kept as they are. A lone surrogate escape ("\ud800" without its pair) is an
// error, or with `lenient` the three bytes its code point would have in UTF-8 (as WTF-8 does).
absl::StatusOr<DecodedJsonString> DecodeJsonString(std::string_view literal, bool lenient = false);

// Re-encodes the decoded text minus `cuts` (sorted, disjoint [start, end) ranges of decoded
// bytes whose ends fall on character boundaries) by copying the kept parts of the original
// literal verbatim. Returns the new literal, quotes included.
std::string CutJsonString(std::string_view literal, const DecodedJsonString& decoded,
                          const std::vector<std::pair<size_t, size_t>>& cuts);

// `bytes` as a JSON string literal (quotes included). Invalid UTF-8 becomes U+FFFD, so the
// output is always valid JSON.
std::string QuoteJson(std::string_view bytes);
// The same, appended to `out`.
void AppendQuotedJson(std::string_view bytes, std::string& out);

}  // namespace neardup

#endif  // NEARDUP_IO_JSON_STRING_H_
