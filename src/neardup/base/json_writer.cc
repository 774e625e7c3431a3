#include "neardup/base/json_writer.h"

#include <charconv>
#include <cmath>

#include "neardup/base/json_string.h"

namespace neardup {

void JsonWriter::NewLine() {
  if (indent_ <= 0) return;
  out_.push_back('\n');
  out_.append(stack_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  MaybeFlush();
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  if (stack_.back().count++ > 0) out_.push_back(',');
  NewLine();
}

JsonWriter& JsonWriter::Open(char bracket, bool is_array) {
  BeforeValue();
  out_.push_back(bracket);
  stack_.push_back({is_array, 0});
  return *this;
}

// An empty object or array stays on one line: "{}", "[]".
JsonWriter& JsonWriter::Close(char bracket) {
  const bool empty = stack_.back().count == 0;
  stack_.pop_back();
  if (!empty) NewLine();
  out_.push_back(bracket);
  return *this;
}

JsonWriter& JsonWriter::BeginObject() { return Open('{', false); }
JsonWriter& JsonWriter::EndObject() { return Close('}'); }
JsonWriter& JsonWriter::BeginArray() { return Open('[', true); }
JsonWriter& JsonWriter::EndArray() { return Close(']'); }

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendQuotedJson(key, out_);
  out_ += indent_ > 0 ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendQuotedJson(value, out_);
  return *this;
}

JsonWriter& JsonWriter::Uint(uint64_t value) {
  BeforeValue();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, result.ptr);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, result.ptr);
  return *this;
}

JsonWriter& JsonWriter::Double(double value) {
  BeforeValue();
  if (!std::isfinite(value)) {
    out_ += "null";
    return *this;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, result.ptr);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

std::string JsonWriter::Finish() {
  out_.push_back('\n');
  return std::move(out_);
}

}  // namespace neardup
