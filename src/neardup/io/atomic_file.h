// Atomic file replacement: write to a temporary file beside the target, then rename over it.
// Readers never see a half-written output, and a failed run leaves no partial file behind.
#ifndef NEARDUP_IO_ATOMIC_FILE_H_
#define NEARDUP_IO_ATOMIC_FILE_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/io/byte_stream.h"

namespace neardup {

class AtomicFile {
 public:
  // Creates parent directories of `path` as needed and a temporary file in the same directory.
  static absl::StatusOr<std::unique_ptr<AtomicFile>> Create(const std::string& path,
                                                            Compression compression);
  // Removes the temporary file unless Commit() succeeded.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;  // owns a descriptor and a temporary path
  AtomicFile& operator=(const AtomicFile&) = delete;

  absl::Status Write(std::string_view bytes);
  // Finishes compression, fsyncs, closes and renames onto the target path.
  absl::Status Commit();

 private:
  AtomicFile() = default;
  std::string path_;
  std::string temp_path_;
  int fd_ = -1;
  std::unique_ptr<ByteSink> sink_;
  bool committed_ = false;
};

// Writes `bytes` to `path` atomically (no compression).
absl::Status WriteFileAtomically(const std::string& path, std::string_view bytes);

// Writes to `path` atomically (no compression) what `produce` hands its writer, piece by piece,
// so that large outputs need not be held whole.
using PieceWriter = std::function<void(std::string_view)>;
absl::Status WriteFileAtomically(const std::string& path, const std::function<void(const PieceWriter&)>& produce);

}  // namespace neardup

#endif  // NEARDUP_IO_ATOMIC_FILE_H_
