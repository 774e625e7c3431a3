#include "neardup/io/jsonl.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "neardup/base/json_string.h"
#include "neardup/base/status_macros.h"
#include "neardup/base/utf8.h"

namespace neardup {
namespace {

namespace od = simdjson::ondemand;

// Deeper nesting is refused rather than risking the stack in Validate().
constexpr int kMaxDepth = 1024;

absl::Status JsonError(simdjson::error_code error) {
  switch (error) {
    case simdjson::UTF8_ERROR: return absl::InvalidArgumentError("invalid UTF-8");
    case simdjson::UNCLOSED_STRING: return absl::InvalidArgumentError("unclosed string");
    case simdjson::STRING_ERROR: return absl::InvalidArgumentError("invalid string");
    case simdjson::NUMBER_ERROR: return absl::InvalidArgumentError("invalid number");
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return absl::InvalidArgumentError("invalid literal");
    case simdjson::TAPE_ERROR:
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: return absl::InvalidArgumentError("malformed JSON");
    case simdjson::DEPTH_ERROR: return absl::InvalidArgumentError("nested too deeply");
    case simdjson::EMPTY: return absl::InvalidArgumentError("empty line");
    default:
      return absl::InvalidArgumentError(
          absl::StrFormat("invalid JSON (%s)", simdjson::error_message(error)));
  }
}

#define NEARDUP_JSON_TRY(expr)                                      \
  do {                                                              \
    const simdjson::error_code neardup_json_error_ = (expr);        \
    if (neardup_json_error_) return JsonError(neardup_json_error_); \
  } while (0)

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsJsonSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The JSON number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. Checked by hand because
// simdjson's number getters refuse valid numbers that do not fit a double or a 64-bit integer.
bool IsJsonNumber(std::string_view s) {
  size_t i = 0;
  const auto digits = [&] {
    const size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

absl::StatusOr<std::string_view> NumberToken(od::value& value) {
  const std::string_view token = TrimRight(value.raw_json_token());
  if (!IsJsonNumber(token)) return absl::InvalidArgumentError("invalid number");
  return token;
}

// Walks a value completely: on-demand parsing checks only what is read, and a record we pass
// through unread must still be well-formed JSON.
absl::Status Validate(od::value value, int depth) {
  if (depth > kMaxDepth) return JsonError(simdjson::DEPTH_ERROR);
  od::json_type type;
  NEARDUP_JSON_TRY(value.type().get(type));
  switch (type) {
    case od::json_type::array: {
      od::array array;
      NEARDUP_JSON_TRY(value.get_array().get(array));
      for (auto element : array) {
        od::value item;
        NEARDUP_JSON_TRY(element.get(item));
        NEARDUP_RETURN_IF_ERROR(Validate(item, depth + 1));
      }
      return absl::OkStatus();
    }
    case od::json_type::object: {
      od::object object;
      NEARDUP_JSON_TRY(value.get_object().get(object));
      for (auto member : object) {
        od::field field;
        NEARDUP_JSON_TRY(std::move(member).get(field));
        std::string_view key;
        NEARDUP_JSON_TRY(field.unescaped_key().get(key));
        NEARDUP_RETURN_IF_ERROR(Validate(field.value(), depth + 1));
      }
      return absl::OkStatus();
    }
    case od::json_type::number: return NumberToken(value).status();
    case od::json_type::string: {
      std::string_view text;
      NEARDUP_JSON_TRY(value.get_string().get(text));
      return absl::OkStatus();
    }
    case od::json_type::boolean: {
      bool flag;
      NEARDUP_JSON_TRY(value.get_bool().get(flag));
      return absl::OkStatus();
    }
    case od::json_type::null: {
      bool is_null;
      NEARDUP_JSON_TRY(value.is_null().get(is_null));
      if (!is_null) return JsonError(simdjson::N_ATOM_ERROR);
      return absl::OkStatus();
    }
  }
  return JsonError(simdjson::TAPE_ERROR);
}

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The four hex digits at s[at]; -1 when they are not all there.
int Hex4(std::string_view s, size_t at) {
  if (at + 4 > s.size()) return -1;
  int value = 0;
  for (size_t i = at; i < at + 4; ++i) {
    const char c = s[i];
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

bool IsHighSurrogate(int cp) { return cp >= 0xD800 && cp <= 0xDBFF; }
bool IsLowSurrogate(int cp) { return cp >= 0xDC00 && cp <= 0xDFFF; }

// `line` with each byte that is not valid UTF-8 replaced by '?' and each lone surrogate escape by
// "\ufffd": the same length, so offsets found in the repaired line hold in the original. Sets
// `reason` to what was repaired; returns nullopt when there was nothing to repair.
std::optional<std::string> RepairedLine(std::string_view line, std::string& reason) {
  std::string out(line);
  bool bad_utf8 = false;
  std::string surrogate;
  size_t i = 0;
  while (i < out.size()) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 0x80) {
      const size_t length = ValidUtf8Length(out, i);
      if (length == 0) {
        out[i] = '?';
        bad_utf8 = true;
        ++i;
      } else {
        i += length;
      }
      continue;
    }
    if (c != '\\') {
      ++i;
      continue;
    }
    if (i + 1 >= out.size() || out[i + 1] != 'u') {
      i += 2;
      continue;
    }
    const int cp = Hex4(out, i + 2);
    if (IsHighSurrogate(cp) && i + 12 <= out.size() && out[i + 6] == '\\' && out[i + 7] == 'u' &&
        IsLowSurrogate(Hex4(out, i + 8))) {
      i += 12;  // a proper pair
      continue;
    }
    if (IsHighSurrogate(cp) || IsLowSurrogate(cp)) {
      if (surrogate.empty()) surrogate = out.substr(i, 6);
      out.replace(i, 6, "\\ufffd");
    }
    i += 6;
  }
  if (!bad_utf8 && surrogate.empty()) return std::nullopt;
  reason = bad_utf8 ? "invalid UTF-8" : "";
  if (!surrogate.empty()) reason += (bad_utf8 ? " and lone surrogate " : "lone surrogate ") + surrogate;
  return out;
}

// Offset of the quote closing the literal whose opening quote is at line[open]. The literal has
// already been validated by simdjson, so an escape is always followed by its character.
size_t ClosingQuote(std::string_view line, size_t open) {
  size_t i = open + 1;
  while (i < line.size() && line[i] != '"') i += line[i] == '\\' ? 2 : 1;
  return i;
}

}  // namespace

struct JsonlParser::Impl {
  absl::Status Load(std::string_view line, od::document& doc);
  absl::Status Read(od::value value, bool is_text, std::vector<std::optional<std::string>*> scalars,
                    std::string_view line, JsonlRecord& record);
  // The DOM parser's reading of the line in `buffer`; false when only the exact parser can answer.
  bool Fast(size_t length, JsonlRecord& record);
  absl::StatusOr<JsonlRecord> Exact(std::string_view line);

  JsonlOptions options;
  simdjson::padded_string buffer{size_t{4096}};  // holds the current line; grows, never shrinks
  od::parser parser;
  simdjson::dom::parser dom;
};

bool JsonlParser::Impl::Fast(size_t length, JsonlRecord& record) {
  simdjson::dom::element root;
  if (dom.parse(reinterpret_cast<const uint8_t*>(buffer.data()), length, false).get(root)) return false;
  simdjson::dom::object object;
  if (root.get_object().get(object)) return false;
  const JsonlOptions& o = options;
  const std::string* names[] = {&o.id_field, &o.source_field, &o.url_field, &o.keep_field};
  std::optional<std::string>* values[] = {&record.id, &record.source, &record.url, &record.keep};
  bool seen[4] = {false, false, false, false};
  bool seen_text = false;
  for (const simdjson::dom::key_value_pair field : object) {
    if (!seen_text && field.key == o.text_field) {
      seen_text = true;
      std::string_view text;
      if (field.value.get_string().get(text) == simdjson::SUCCESS) {
        record.has_text = true;
        record.text.assign(text);
      }
    }
    for (int k = 0; k < 4; ++k) {
      if (seen[k] || names[k]->empty() || field.key != *names[k]) continue;
      seen[k] = true;
      std::string_view value;
      if (field.value.get_string().get(value) == simdjson::SUCCESS) {
        *values[k] = std::string(value);
      } else if (field.value.is_number()) {
        return false;  // kept as written: only the exact parser has the token
      }
    }
  }
  return true;
}

// Copies `line` into the padded buffer and starts iterating it.
absl::Status JsonlParser::Impl::Load(std::string_view line, od::document& doc) {
  if (buffer.data() == nullptr || buffer.size() < line.size()) {
    const size_t grown = buffer.data() == nullptr ? 0 : 2 * buffer.size();
    buffer = simdjson::padded_string(std::max(line.size(), grown));
    if (buffer.data() == nullptr) return absl::ResourceExhaustedError("line too long to buffer");
  }
  // The document is exactly the line's bytes; the padding simdjson may read past them is zeroed.
  std::memcpy(buffer.data(), line.data(), line.size());
  std::memset(buffer.data() + line.size(), 0, simdjson::SIMDJSON_PADDING);
  NEARDUP_JSON_TRY(
      parser.iterate(buffer.data(), line.size(), buffer.size() + simdjson::SIMDJSON_PADDING)
          .get(doc));
  return absl::OkStatus();
}

// Reads the text field and any of the scalar fields (id, source, url, keep) that share its key.
absl::Status JsonlParser::Impl::Read(od::value value, bool is_text,
                                     std::vector<std::optional<std::string>*> scalars,
                                     std::string_view line, JsonlRecord& record) {
  od::json_type type;
  NEARDUP_JSON_TRY(value.type().get(type));
  if (type == od::json_type::string) {
    // The token starts at the opening quote; it also spans any whitespace after the literal,
    // so the end is found by scanning.
    const std::string_view token = value.raw_json_token();
    std::string_view text;
    NEARDUP_JSON_TRY(value.get_string().get(text));
    if (is_text) {
      record.has_text = true;
      record.text = std::string(text);
      record.text_begin = static_cast<size_t>(token.data() - buffer.data());
      record.text_end = ClosingQuote(line, record.text_begin) + 1;
    }
    for (auto* scalar : scalars) *scalar = std::string(text);
    return absl::OkStatus();
  }
  if (type == od::json_type::number && !scalars.empty()) {
    NEARDUP_ASSIGN_OR_RETURN(const std::string_view number, NumberToken(value));
    for (auto* scalar : scalars) *scalar = std::string(number);
    return absl::OkStatus();
  }
  return Validate(value, 1);
}

JsonlParser::JsonlParser(JsonlOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}

JsonlParser::~JsonlParser() = default;

absl::StatusOr<JsonlRecord> JsonlParser::Parse(std::string_view line, bool literal) {
  // A byte-order mark some tools write before the first line: skipped, offsets shifted back.
  const size_t skip = line.substr(0, kByteOrderMark.size()) == kByteOrderMark ? kByteOrderMark.size() : 0;
  absl::StatusOr<JsonlRecord> record = ParseObject(line.substr(skip), literal);
  if (!record.ok()) {
    const absl::Status error = record.status();
    std::string reason;
    const std::optional<std::string> repaired = RepairedLine(line.substr(skip), reason);
    if (!repaired) return error;
    record = ParseObject(*repaired, /*literal=*/true);
    if (!record.ok()) return error;  // malformed apart from the encoding: the first error says why
    record->repair = std::move(reason);
    if (record->has_text) {
      // The text as its bytes are, not as repaired: invalid UTF-8 kept, surrogates as WTF-8.
      const std::string_view original = line.substr(skip + record->text_begin, record->text_end - record->text_begin);
      absl::StatusOr<DecodedJsonString> text = DecodeJsonString(original, /*lenient=*/true);
      if (!text.ok()) return error;
      record->text = std::move(text->text);
    }
  }
  if (record->has_text && literal) {
    record->text_begin += skip;
    record->text_end += skip;
  }
  return record;
}

absl::StatusOr<JsonlRecord> JsonlParser::ParseObject(std::string_view line, bool literal) {
  Impl& impl = *impl_;
  if (!literal) {
    if (impl.buffer.data() == nullptr || impl.buffer.size() < line.size()) {
      const size_t grown = impl.buffer.data() == nullptr ? 0 : 2 * impl.buffer.size();
      impl.buffer = simdjson::padded_string(std::max(line.size(), grown));
      if (impl.buffer.data() == nullptr) return absl::ResourceExhaustedError("line too long to buffer");
    }
    std::memcpy(impl.buffer.data(), line.data(), line.size());
    std::memset(impl.buffer.data() + line.size(), 0, simdjson::SIMDJSON_PADDING);
    JsonlRecord record;
    if (impl.Fast(line.size(), record)) return record;
  }
  return impl.Exact(line);
}

absl::StatusOr<JsonlRecord> JsonlParser::Impl::Exact(std::string_view line) {
  Impl& impl = *this;
  od::document doc;
  NEARDUP_RETURN_IF_ERROR(impl.Load(line, doc));
  od::object object;
  const simdjson::error_code object_error = doc.get_object().get(object);
  if (object_error == simdjson::INCORRECT_TYPE) {
    return absl::InvalidArgumentError("not a JSON object");
  }
  NEARDUP_JSON_TRY(object_error);

  JsonlRecord record;
  bool seen_text = false;
  const JsonlOptions& o = impl.options;
  // The scalar fields a record may carry, with whether each was seen (the first occurrence of a
  // repeated key counts, later ones are only validated).
  struct Scalar {
    const std::string* name;
    std::optional<std::string>* value;
    bool seen;
  };
  Scalar scalars[] = {{&o.id_field, &record.id, false},
                      {&o.source_field, &record.source, false},
                      {&o.url_field, &record.url, false},
                      {&o.keep_field, &record.keep, false}};
  std::vector<std::optional<std::string>*> wanted;
  for (auto member : object) {
    od::field field;
    NEARDUP_JSON_TRY(std::move(member).get(field));
    std::string_view key;
    NEARDUP_JSON_TRY(field.unescaped_key().get(key));
    const bool is_text = !seen_text && key == o.text_field;
    seen_text = seen_text || is_text;
    wanted.clear();
    for (Scalar& scalar : scalars) {
      if (scalar.seen || scalar.name->empty() || key != *scalar.name) continue;
      scalar.seen = true;
      wanted.push_back(scalar.value);
    }
    if (is_text || !wanted.empty()) {
      NEARDUP_RETURN_IF_ERROR(impl.Read(field.value(), is_text, wanted, line, record));
    } else {
      NEARDUP_RETURN_IF_ERROR(Validate(field.value(), 1));
    }
  }
  // Anything left after the object (say, a second object) makes the line more than one record.
  const char* rest = nullptr;
  if (doc.current_location().get(rest) != simdjson::OUT_OF_BOUNDS) {
    return absl::InvalidArgumentError("trailing content after the object");
  }
  return record;
}

bool IsBlankLine(std::string_view line) {
  return std::all_of(line.begin(), line.end(), IsJsonSpace);
}

}  // namespace neardup
