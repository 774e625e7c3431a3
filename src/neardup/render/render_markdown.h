// The Markdown rendering of a report for review (`report --format md`; check/render_check.h has
// the `check` summary). GitHub-flavoured; every cell escaped, so ids and texts cannot break a table
// or become links.
#ifndef NEARDUP_RENDER_MARKDOWN_H_
#define NEARDUP_RENDER_MARKDOWN_H_

#include <string>

#include "neardup/render/render_review.h"
#include "neardup/report.h"

namespace neardup {

// A table of contents; the summary with the passages of each rule; the similarities of verified
// document and passage pairs with log-scale bars; the documents with findings (id, source,
// headline), each finding with its text; word diffs of near duplicates against the kept copy;
// then the duplicate-document, passage and boilerplate tables, largest first. Ids link to the
// documents' sections. What is shown and how much is the ReviewSelection's.
std::string RenderReportMarkdown(const Report& report, const ReviewSelection& selection, const ReviewTexts& texts,
                                 const ReviewOptions& options = {});

}  // namespace neardup

#endif  // NEARDUP_RENDER_MARKDOWN_H_
