// The short human summary printed after a run.
#ifndef NEARDUP_CLI_SUMMARY_H_
#define NEARDUP_CLI_SUMMARY_H_

#include <cstdio>
#include <string>

#include "neardup/engine/pipeline.h"
#include "neardup/report.h"

namespace neardup::cli {

// A few aligned lines: documents and bytes read, duplicates and passages removed, the ratio.
std::string FormatSummary(const Report& report);

// Per-stage wall-clock seconds, one line, for --verbose.
std::string FormatTimings(const RunProfile& seconds, double write_seconds);

// Writes all of `text` to `out`. False on failure (a closed pipe included), which callers treat
// as a quiet end rather than an error.
bool WriteAll(std::FILE* out, std::string_view text);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_SUMMARY_H_
