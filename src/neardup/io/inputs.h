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
  std::string path;      // what to open (a spooled temporary file for stdin)
  std::string display;   // the name used in messages: as the user wrote it, or "<stdin>"
  std::string relative;  // output path under OUTDIR; also the id of a text document
  InputFormat format = InputFormat::kText;
  Compression compression = Compression::kNone;
};

// Owns the spooled copy of stdin, if any, and deletes it on destruction.
class InputSet {
 public:
  InputSet() = default;
  ~InputSet();
  InputSet(InputSet&& other) noexcept;
  InputSet& operator=(InputSet&&) = delete;
  InputSet(const InputSet&) = delete;  // would delete the spooled file twice

  const std::vector<InputFile>& files() const { return files_; }
  // Canonical paths of the inputs as given (files and directories), for the OUTDIR check.
  const std::vector<std::string>& roots() const { return roots_; }

 private:
  friend absl::StatusOr<InputSet> ResolveInputs(std::span<const std::string> args);
  std::vector<InputFile> files_;
  std::vector<std::string> roots_;
  std::string spool_;  // temporary copy of stdin, removed by the destructor
};

// Each argument is a file (.txt, .jsonl, .jsonl.gz, .jsonl.zst; other names are read as text),
// a directory (searched recursively for those names, in byte order of their relative paths),
// or "-" (JSONL on stdin, copied to a temporary file so that it can be read twice).
// Errors: a missing or unreadable path, a directory with no such files, two inputs that would
// write the same output path, "-" given twice. Each names the path.
absl::StatusOr<InputSet> ResolveInputs(std::span<const std::string> args);

// InvalidArgument when OUTDIR is an input directory or lies inside one, or when an output file
// would replace an input file.
absl::Status CheckOutputDir(const InputSet& inputs, const std::string& outdir);

}  // namespace neardup

#endif  // NEARDUP_IO_INPUTS_H_
