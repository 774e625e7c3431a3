// The Markdown rendering of a report (`report --format md`; check/render_check.h has the `check`
// summary). GitHub-flavoured tables; every cell escaped, so ids and texts cannot break a table.
#ifndef NEARDUP_RENDER_MARKDOWN_H_
#define NEARDUP_RENDER_MARKDOWN_H_

#include <string>

#include "neardup/report.h"

namespace neardup {

// Summary figures, passages by rule, then every document cluster, passage and boilerplate entry
// as tables, in report order.
std::string RenderReportMarkdown(const Report& report);

}  // namespace neardup

#endif  // NEARDUP_RENDER_MARKDOWN_H_
