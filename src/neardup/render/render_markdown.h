// Markdown renderings: the report (`report --format md`) and the `check` summary (for a CI job
// summary). GitHub-flavoured tables; every cell escaped, so ids and texts cannot break a table.
#ifndef NEARDUP_RENDER_MARKDOWN_H_
#define NEARDUP_RENDER_MARKDOWN_H_

#include <string>

#include "neardup/check/gates.h"
#include "neardup/report.h"

namespace neardup {

// Summary figures, passages by rule, then every document cluster, passage and boilerplate entry
// as tables, in report order.
std::string RenderReportMarkdown(const Report& report);

// The gate table with value, limit and result, then the largest counted findings.
std::string RenderCheckMarkdown(const Report& report, const CheckResult& result);

}  // namespace neardup

#endif  // NEARDUP_RENDER_MARKDOWN_H_
