// The short human summary printed after a run.
#ifndef NEARDUP_CLI_SUMMARY_H_
#define NEARDUP_CLI_SUMMARY_H_

#include <string>
#include <vector>

#include "neardup/engine/pipeline.h"
#include "neardup/report.h"

namespace neardup::cli {

// Aligned lines: documents and bytes read, duplicate documents, the passages removed by each
// rule, the total; then what was found but only reported (repeat-across, templated boilerplate),
// with the option that would remove it.
std::string FormatSummary(const Report& report);

// Per-stage wall-clock seconds and work counts, for --verbose: one message per line.
std::vector<std::string> FormatTimings(const RunProfile& seconds, double write_seconds);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_SUMMARY_H_
