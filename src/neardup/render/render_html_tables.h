// The tables of the HTML report: boilerplate, duplicate documents, passages. Each shows the rows
// the ReviewSelection chose (largest first, capped) and counts the rest; document ids link to the
// documents the page shows.
#ifndef NEARDUP_RENDER_HTML_TABLES_H_
#define NEARDUP_RENDER_HTML_TABLES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "neardup/render/render_review.h"
#include "neardup/report.h"

namespace neardup {

// Which documents have an anchor ("#d<doc>") on the page, and the texts for excerpts.
struct HtmlTableContext {
  const Report& report;
  const ReviewSelection& selection;
  const ReviewTexts& texts;
  const ReviewOptions& options;
  std::vector<bool> shown;  // per document
};

// A document id, escaped, linking to its section when the page shows it.
std::string HtmlDocLink(const HtmlTableContext& context, uint32_t doc);

// Under a heading with id "boilerplate", the anchor boilerplate findings link to.
std::string HtmlBoilerplateTable(const HtmlTableContext& context);
std::string HtmlClusterTable(const HtmlTableContext& context);
// Rows of passages in documents shown link to their marks ("#p<index>").
std::string HtmlPassageTable(const HtmlTableContext& context);

}  // namespace neardup

#endif  // NEARDUP_RENDER_HTML_TABLES_H_
