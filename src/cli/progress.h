// Progress on stderr during long runs: documents done, megabytes read out of the total (when the
// input sizes are known up front), throughput and the time left.
//
// On a terminal: one line redrawn in place at most four times a second, cut to the terminal's
// width (read again at each redraw, so that it stays one line when the window is resized), and
// erased when the run ends. Elsewhere (with --progress): a plain line every few seconds, so that
// a log file gets lines rather than carriage returns.
#ifndef NEARDUP_CLI_PROGRESS_H_
#define NEARDUP_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "cli/options.h"
#include "neardup/io/inputs.h"
#include "neardup/progress.h"

namespace neardup::cli {

// Shown when stderr is a terminal or --progress asks; never with --quiet.
bool WantProgress(const CommonOptions& options);

// Bytes the inputs hold, for the share done and the time left; 0 (unknown) when an input is
// compressed, since the engine counts decompressed text.
uint64_t KnownInputBytes(const InputSet& inputs);

// One line such as "neardup: 1234 docs, 45.1 of 120.0 MB, 30.2 MB/s, 3 s left".
std::string FormatProgress(const Progress& progress, uint64_t total_bytes, double seconds);

// `line` (ASCII, parts separated by ", ") cut to fit in `columns` columns with one to spare, so
// that the cursor never wraps to the next row: at the end of the last whole part that fits, else
// in the middle of the first. Unchanged when `columns` is 0 (unknown).
std::string FitToWidth(std::string_view line, size_t columns);

class ProgressLine {
 public:
  // Draws nothing when `enabled` is false. `total_bytes` 0: unknown.
  ProgressLine(bool enabled, uint64_t total_bytes);
  ~ProgressLine() { Clear(); }
  ProgressLine(const ProgressLine&) = delete;  // the callback refers to this object
  ProgressLine& operator=(const ProgressLine&) = delete;

  // The callback to hand to Deduplicate(); empty when disabled, so the engine skips the calls.
  ProgressFn callback();
  // Erases the line, if one is drawn; call before printing anything else on stderr.
  void Clear();

 private:
  void Update(const Progress& progress);

  bool enabled_;
  bool terminal_;  // redraw in place; else plain lines
  uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
};

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_PROGRESS_H_
