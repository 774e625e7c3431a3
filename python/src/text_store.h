// The texts of one deduplicate() call, kept for the engine's second reading and for Result.
//
// A Python iterator can be read only once, but the engine reads some documents again (to verify
// candidates, to fill boilerplate texts) and Result.cleaned() needs every text afterwards. The
// texts therefore go, as they stream past, into one unlinked temporary file: memory holds a
// record offset and a flag per document, and the file's pages stay in the page cache, not in
// the process.
#ifndef NEARDUP_PYTHON_TEXT_STORE_H_
#define NEARDUP_PYTHON_TEXT_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace neardup::python {

struct StoredText {
  std::string id;
  std::string source;
  std::string text;
  bool is_bytes = false;  // given as bytes: spans in byte indices, cleaned texts as bytes
};

// Append-only while the iterator is read, then read-only. Not thread-safe while appending;
// Read() may be called from any thread once Finish() has returned.
class TextStore {
 public:
  // A new store in `dir` (empty: $TMPDIR, else /tmp). Errors: the file cannot be created, as
  // NotFound / PermissionDenied / Unavailable naming the directory and the system's reason.
  static absl::StatusOr<std::unique_ptr<TextStore>> Create(const std::string& dir);
  ~TextStore();
  TextStore(const TextStore&) = delete;  // owns a file descriptor
  TextStore& operator=(const TextStore&) = delete;

  // Appends one document and returns its position (what Read() takes).
  absl::StatusOr<uint64_t> Append(std::string_view id, std::string_view source, std::string_view text,
                                  bool is_bytes);
  // Writes what is buffered; Read() sees every document appended before.
  absl::Status Finish();

  absl::StatusOr<StoredText> Read(uint64_t position) const;

  size_t size() const { return positions_.size(); }
  uint64_t position(size_t doc) const { return positions_[doc]; }

 private:
  TextStore(int fd, std::string dir) : fd_(fd), dir_(std::move(dir)) {}
  absl::Status Flush();
  absl::Status Error(std::string_view what) const;  // errno as a status naming the directory

  int fd_;
  std::string dir_;
  std::string buffer_;  // appended, not yet written
  uint64_t written_ = 0;
  std::vector<uint64_t> positions_;
};

}  // namespace neardup::python

#endif  // NEARDUP_PYTHON_TEXT_STORE_H_
