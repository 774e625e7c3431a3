// Writing outputs without ever destroying what a path points at.
//
// A regular file, or a path that does not exist yet, is replaced atomically: the bytes go to a
// temporary file beside the target, which is renamed over it once complete. Readers never see a
// half-written output, and a failed run leaves no partial file behind (nor does SIGINT/SIGTERM:
// the temporary file is remembered for the signal handler, see temp_files.h).
//
// Anything else is written in place, because renaming over it would replace it:
// - "-" is standard output; "/dev/stdout", "/dev/stderr", "/dev/fd/N" and "/proc/self/fd/N"
//   are those descriptors, whatever they are open on (a pipe, `>(cmd)`, a file opened for append);
// - a path that exists and is neither a regular file nor a directory (a character device such as
//   /dev/null, a FIFO, a socket) is opened and written in place.
// A symlink is followed: the file it points at is replaced atomically (if it is a regular file),
// and the link stays a link.
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

// Where an output path leads, decided before anything is written.
struct OutputTarget {
  enum Kind {
    kDescriptor,  // an open descriptor of this process (stdout, /dev/fd/N): written in place
    kInPlace,     // an existing device, FIFO or socket: opened and written in place
    kReplace,     // a regular file or a new path: replaced atomically
  };
  Kind kind = kReplace;
  int fd = -1;       // kDescriptor
  std::string path;  // kInPlace, kReplace: the final path, symlinks followed
};

// Resolves `path` as described above. Errors: a directory, a symlink loop, /dev/fd/N for a
// descriptor that is not open.
absl::StatusOr<OutputTarget> ResolveOutput(const std::string& path);

// Everything about writing to `path` that can be known before a run: it resolves, and the
// directory that would hold it (or its nearest existing ancestor) is a writable directory, or the
// device/FIFO is writable. Creates nothing. Errors name `path`.
absl::Status CheckOutputPath(const std::string& path);

class AtomicFile {
 public:
  // Resolves `path` (see above). For a replacement, creates missing parent directories and a
  // temporary file in the target's directory; an existing target keeps its permission bits.
  static absl::StatusOr<std::unique_ptr<AtomicFile>> Create(const std::string& path,
                                                            Compression compression);
  // Removes the temporary file unless Commit() succeeded.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;  // owns a descriptor and a temporary path
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Errors name the output; a closed pipe gives IsBrokenPipe().
  absl::Status Write(std::string_view bytes);
  // Finishes compression and closes; a replacement is fsynced and renamed onto the target.
  absl::Status Commit();

 private:
  AtomicFile() = default;
  std::string path_;       // as given, for messages
  std::string target_;     // kReplace: the file renamed over
  std::string temp_path_;  // kReplace: the temporary file
  int fd_ = -1;
  int temp_ticket_ = -1;
  bool replace_ = false;
  std::unique_ptr<ByteSink> sink_;
  bool committed_ = false;
};

// Writes `bytes` to `path` (no compression), as above.
absl::Status WriteFileAtomically(const std::string& path, std::string_view bytes);

// Writes to `path` (no compression) what `produce` hands its writer, piece by piece, so that
// large outputs need not be held whole. After a failed write the rest is not written.
using PieceWriter = std::function<void(std::string_view)>;
absl::Status WriteFileAtomically(const std::string& path, const std::function<void(const PieceWriter&)>& produce);

}  // namespace neardup

#endif  // NEARDUP_IO_ATOMIC_FILE_H_
