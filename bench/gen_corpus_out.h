// Output of the benchmark corpus generator: a file written through a large buffer to FILE.tmp and
// renamed to FILE only when complete, so an interrupted run never leaves a truncated corpus that
// scripts/bench.sh would take for a finished one. Plus JSON string escaping.
#ifndef NEARDUP_BENCH_GEN_CORPUS_OUT_H_
#define NEARDUP_BENCH_GEN_CORPUS_OUT_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace neardup::bench {

class OutputFile {
 public:
  OutputFile() = default;
  // Removes FILE.tmp unless Commit() succeeded.
  ~OutputFile();
  // Owns an open FILE*; a copy would close it twice.
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Creates (truncates) `path`.tmp. Errors name the file.
  absl::Status Open(const std::string& path);
  // Append here, then call Flush(false) once per record.
  std::string& buffer() { return buffer_; }
  // Writes the buffer out when it holds at least 8 MiB, or always when `all`.
  absl::Status Flush(bool all);
  // Flushes, closes and renames FILE.tmp to FILE.
  absl::Status Commit();
  uint64_t bytes() const { return written_ + buffer_.size(); }

 private:
  std::string path_;
  std::string tmp_path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  uint64_t written_ = 0;
  bool committed_ = false;
};

// Appends `s` as a JSON string, quotes included, the way common writers do: `"` and `\` escaped,
// \n \t \r \b \f by name, other control bytes as \u00XX, everything else (UTF-8) as is.
void AppendJsonString(std::string_view s, std::string& out);

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_GEN_CORPUS_OUT_H_
