// Renderings of a `check` result: the summary table printed on stdout, GitHub Actions
// annotations, and the Markdown summary (for a CI job summary; cells escaped as in
// render/render_markdown.h).
#ifndef NEARDUP_RENDER_CHECK_H_
#define NEARDUP_RENDER_CHECK_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "neardup/check/gates.h"
#include "neardup/report.h"

namespace neardup {

inline constexpr size_t kWorstFindingsShown = 10;

// "0" for counts, "0.1295" for ratios.
std::string FormatGateValue(Gate gate, double value);

// A gate's value and limit as FormatGateValue writes them, except that a failed ratio gate gets
// as many digits as it takes for the value to differ from the limit ("0.00003" over "0.00000"
// rather than "0.0000" over "0.0000").
std::pair<std::string, std::string> FormatGateValues(const GateResult& gate);

// The gates with value, limit and pass/FAIL, then the largest counted findings (at most
// `worst`) with document id and line (for a JSONL record, the record's line, as in the
// annotations), then a one-line verdict. Ends with a newline. Ids are printed through
// EscapeControl.
std::string RenderCheckTable(const Report& report, const CheckResult& result,
                             size_t worst = kWorstFindingsShown);

// The gate results as JSON, for machines: {"neardup": {...}, "passed", "gates": [{"gate",
// "measures", "value", "limit", "passed"}], "counted", "in_baseline" (with a baseline),
// "findings": [{"doc", "file", "line", "bytes", "kind", "description"}]} with every counted
// finding in report order. Handed to `write` in pieces (see JsonWriter).
void WriteCheckJson(const Report& report, const CheckResult& result,
                    const std::function<void(std::string_view)>& write);

// One "::warning file=PATH,line=N::message" line per counted finding, in report order. PATH is
// the input file as given on the command line; N the line of the finding in that file (for a
// JSONL record, the record's line). Values are escaped as GitHub's workflow commands require.
std::string RenderGithubAnnotations(const Report& report, const CheckResult& result);

// The gate table with value, limit and result, then the largest counted findings, as Markdown.
std::string RenderCheckMarkdown(const Report& report, const CheckResult& result);

}  // namespace neardup

#endif  // NEARDUP_RENDER_CHECK_H_
