// One JSONL record: where its text and id are, without touching any other field.
#ifndef NEARDUP_IO_JSONL_H_
#define NEARDUP_IO_JSONL_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace neardup {

struct JsonlOptions {
  std::string text_field = "text";
  std::string id_field = "id";
  std::string source_field;  // when set: a document's source is this field
  std::string url_field;     // when set (and no source field): the host of this URL field
  std::string keep_field;    // when set: read for --keep field:NAME
};

struct JsonlRecord {
  bool has_text = false;      // false: no text field, or not a string (the record passes through)
  std::string text;           // decoded text
  size_t text_begin = 0;      // with Parse(line, true): the raw string literal of the text field
  size_t text_end = 0;        // is line[text_begin, text_end)
  std::optional<std::string> id;  // string ids as is; numbers as written; absent otherwise
  std::optional<std::string> source;  // source_field, same rules as id
  std::optional<std::string> url;     // url_field, same rules as id
  std::optional<std::string> keep;    // keep_field, same rules as id
  // Empty, or why the line was not valid JSON as it stands and how it was read anyway: "invalid
  // UTF-8" (the bytes are kept as they are) or "lone surrogate \\ud800" (kept as the three bytes
  // its code point would have in UTF-8); both, joined by " and ", when the line has both.
  std::string repair;
};

// Parses JSONL lines with simdjson. Holds parsers and a padded buffer reused across lines, so
// one JsonlParser per thread. Not copyable (owns the parsers' buffers).
//
// Two parsers: simdjson's DOM parser, which picks the CPU's best kernel (AVX2, AVX-512) at run
// time, reads almost every line; simdjson's On-Demand parser, compiled for baseline x86-64 and so
// several times slower, gives the exact answer where the DOM parser cannot: a line it refuses
// (the error message, or a number too large for 64 bits, which is valid JSON), an id or other
// field that is a number (kept as written), and the raw position of the text literal.
class JsonlParser {
 public:
  explicit JsonlParser(JsonlOptions options);
  ~JsonlParser();
  JsonlParser(const JsonlParser&) = delete;
  JsonlParser& operator=(const JsonlParser&) = delete;

  // InvalidArgument with a short reason (no file name: the caller adds "path:line: ") when the
  // line is not one well-formed JSON object. `literal` also locates the text literal
  // (text_begin, text_end), at the cost of the slower parser.
  //
  // Leniencies, each because a single bad record should not stop a run over millions: a UTF-8
  // byte-order mark before the object is skipped (offsets stay offsets into `line`); a line that
  // is well-formed but for invalid UTF-8 or lone surrogate escapes is read, with `repair` saying
  // so (the other fields then hold U+FFFD or '?' where the bad bytes were).
  absl::StatusOr<JsonlRecord> Parse(std::string_view line, bool literal = false);

 private:
  // Parse() without the leniencies.
  absl::StatusOr<JsonlRecord> ParseObject(std::string_view line, bool literal);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True for a line that is empty or whitespace only (kept as is, not a record).
bool IsBlankLine(std::string_view line);

}  // namespace neardup

#endif  // NEARDUP_IO_JSONL_H_
