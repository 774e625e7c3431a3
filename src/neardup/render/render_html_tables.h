// The tables of the HTML report: boilerplate, duplicate documents, passages. Each stops at
// `max_rows` rows and counts the rest.
#ifndef NEARDUP_RENDER_HTML_TABLES_H_
#define NEARDUP_RENDER_HTML_TABLES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "neardup/report.h"

namespace neardup {

// Under a heading with id "boilerplate", the anchor boilerplate findings link to.
std::string HtmlBoilerplateTable(const Report& report, size_t max_rows);
std::string HtmlClusterTable(const Report& report, size_t max_rows);
// Rows of documents in `shown_docs` link to their marks ("#p<index>").
std::string HtmlPassageTable(const Report& report, const std::vector<uint32_t>& shown_docs,
                             size_t max_rows);

}  // namespace neardup

#endif  // NEARDUP_RENDER_HTML_TABLES_H_
