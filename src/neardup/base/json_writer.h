// A small streaming JSON writer for reports: keys in the order written, numbers in their shortest
// round-trip form, strings always valid UTF-8. Deterministic by construction.
#ifndef NEARDUP_JSON_WRITER_H_
#define NEARDUP_JSON_WRITER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace neardup {

class JsonWriter {
 public:
  // Receives the document in pieces, in order.
  using Sink = std::function<void(std::string_view)>;

  // indent > 0 pretty-prints with that many spaces per level; 0 writes one line. With a sink,
  // the text goes out in pieces of about a megabyte as it is written, so that a report of
  // millions of findings is never held whole; Finish() then returns what is left.
  explicit JsonWriter(int indent = 2, Sink sink = nullptr) : indent_(indent), sink_(std::move(sink)) {}

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

  // The document so far (with a sink: the part not yet sent); call after the outermost value is
  // closed.
  std::string Finish();

 private:
  JsonWriter& Open(char bracket, bool is_array);
  JsonWriter& Close(char bracket);
  void BeforeValue();
  void NewLine();
  struct Level {
    bool array;
    size_t count;
  };
  void MaybeFlush() {
    if (sink_ && out_.size() >= (size_t{1} << 20)) {
      sink_(out_);
      out_.clear();
    }
  }

  std::string out_;
  std::vector<Level> stack_;
  int indent_;
  Sink sink_;
  bool after_key_ = false;
};

}  // namespace neardup

#endif  // NEARDUP_JSON_WRITER_H_
