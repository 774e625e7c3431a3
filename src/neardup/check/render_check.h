// Renderings of a `check` result: the summary table printed on stdout, GitHub Actions
// annotations, and the Markdown summary (for a CI job summary; cells escaped as in
// render/render_markdown.h).
#ifndef NEARDUP_RENDER_CHECK_H_
#define NEARDUP_RENDER_CHECK_H_

#include <cstddef>
#include <string>

#include "neardup/check/gates.h"
#include "neardup/report.h"

namespace neardup {

inline constexpr size_t kWorstFindingsShown = 10;

// "0" for counts, "0.1295" for ratios.
std::string FormatGateValue(Gate gate, double value);

// The gates with value, limit and pass/FAIL, then the largest counted findings (at most
// `worst`) with document id and line, then a one-line verdict. Ends with a newline.
std::string RenderCheckTable(const Report& report, const CheckResult& result,
                             size_t worst = kWorstFindingsShown);

// One "::warning file=PATH,line=N::message" line per counted finding, in report order. PATH is
// the input file as given on the command line; N the line of the finding in that file (for a
// JSONL record, the record's line). Values are escaped as GitHub's workflow commands require.
std::string RenderGithubAnnotations(const Report& report, const CheckResult& result);

// The gate table with value, limit and result, then the largest counted findings, as Markdown.
std::string RenderCheckMarkdown(const Report& report, const CheckResult& result);

}  // namespace neardup

#endif  // NEARDUP_RENDER_CHECK_H_
