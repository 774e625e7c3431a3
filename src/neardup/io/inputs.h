// Resolving command-line inputs into the ordered list of files a run reads and mirrors.
#ifndef NEARDUP_IO_INPUTS_H_
#define NEARDUP_IO_INPUTS_H_

#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/io/byte_stream.h"

namespace neardup {

enum class InputFormat { kText, kJsonl };

struct InputFile {
  std::string path;      // what to open (for a spooled stream, its copy)
  std::string display;   // the name used in messages: as the user wrote it, or "<stdin>"
  std::string relative;  // output path under OUTDIR (raw bytes); see TextDocumentId for the id
  InputFormat format = InputFormat::kText;
  Compression compression = Compression::kNone;  // found from the file's first bytes
};

struct ResolveOptions {
  std::string temp_dir;  // where stdin and pipes are spooled; empty: $TMPDIR, else /tmp
};

// Owns the spooled copies of streams (stdin, pipes), if any, and deletes them on destruction.
class InputSet {
 public:
  InputSet() = default;
  ~InputSet();
  InputSet(InputSet&& other) noexcept;
  InputSet& operator=(InputSet&&) = delete;
  InputSet(const InputSet&) = delete;  // would close the spooled copies twice

  const std::vector<InputFile>& files() const { return files_; }
  // Canonical paths of the inputs as given (files and directories), for the OUTDIR check.
  const std::vector<std::string>& roots() const { return roots_; }
  // What a directory walk skipped that a user may not expect (a dangling symlink, a symlink
  // loop, a symlink to a directory, a FIFO), one sentence each naming the path, for --verbose.
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  friend absl::StatusOr<InputSet> ResolveInputs(std::span<const std::string> args,
                                                const ResolveOptions& options);
  std::vector<InputFile> files_;
  std::vector<std::string> roots_;
  std::vector<std::string> notes_;
  std::vector<int> spool_fds_;          // open, unlinked spooled copies (read through /proc/self/fd)
  std::vector<std::string> spool_paths_;  // named spooled copies, where /proc is not available
  std::vector<int> spool_tickets_;      // their entries in the temporary-file table
};

// Each argument is one of:
// - a directory: searched recursively, in byte order of relative paths, for .txt (text),
//   .jsonl and .ndjson (JSONL) files, each optionally compressed (.gz, .zst, .xz, .bz2, .lz4);
// - a file: JSONL when named .jsonl, .ndjson or .json (one object per line), text when named
//   .txt; otherwise JSONL when its first character (after a byte-order mark and blanks) is '{',
//   text when it holds no NUL byte, and refused as binary otherwise;
// - "-": JSONL on stdin; "/dev/stdin", a FIFO, or any other stream (a process substitution
//   `<(...)`): read by content as for a file. Streams are copied to a temporary file in
//   `options.temp_dir` first, since a run reads its inputs more than once.
// Compression is found from the first bytes (gzip, zstd, xz, bzip2, lz4), whatever the name; zip,
// images and other binary formats are refused naming the format.
// Errors: a missing or unreadable path, a directory with no such files, two inputs that would
// write the same output path, stdin given twice, a binary file. Each names the path.
absl::StatusOr<InputSet> ResolveInputs(std::span<const std::string> args,
                                       const ResolveOptions& options = {});

// The id of a text document: its relative path, with bytes that are not valid UTF-8 written as
// \xHH and a backslash as \\, so that every file keeps an id of its own, valid in JSON, from
// which its name can be recovered.
std::string TextDocumentId(std::string_view relative);

// InvalidArgument when OUTDIR is an input directory or lies inside one, or when an output file
// would replace an input file.
absl::Status CheckOutputDir(const InputSet& inputs, const std::string& outdir);

// InvalidArgument when writing `output` would replace one of the input files (symlinks
// followed); `what` names the option in the message, e.g. "--junit".
absl::Status CheckNotAnInput(const InputSet& inputs, const std::string& output, std::string_view what);

}  // namespace neardup

#endif  // NEARDUP_IO_INPUTS_H_
