// A small streaming JSON writer for reports: keys in the order written, numbers in their shortest
// round-trip form, strings always valid UTF-8. Deterministic by construction.
#ifndef NEARDUP_JSON_WRITER_H_
#define NEARDUP_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace neardup {

class JsonWriter {
 public:
  // indent > 0 pretty-prints with that many spaces per level; 0 writes one line.
  explicit JsonWriter(int indent = 2) : indent_(indent) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Uint(uint64_t value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Double(double value);  // NaN and infinities are written as null
  JsonWriter& Bool(bool value);

  // The document so far; call after the outermost value is closed.
  std::string Finish();

 private:
  void BeforeValue();
  void NewLine();
  struct Level {
    bool array;
    size_t count;
  };
  std::string out_;
  std::vector<Level> stack_;
  int indent_;
  bool after_key_ = false;
};

}  // namespace neardup

#endif  // NEARDUP_JSON_WRITER_H_
