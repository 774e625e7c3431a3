// The HTML report (`report --format html`): one self-contained page, no scripts, no fonts, no
// network. Summary figures; bars of duplicate bytes per rule and per source; a histogram of the
// similarities of verified pairs; the documents with findings, their removed spans highlighted in
// place (<mark>), each linking to the span it copies; the boilerplate, cluster and passage tables.
//
// Scale: the page shows the text of at most `top_documents` documents (those with the most
// removed bytes) and at most `max_rows` rows per table, each with a count of the rest, so it stays
// usable for corpora of any size. Output depends only on its inputs.
#ifndef NEARDUP_RENDER_HTML_H_
#define NEARDUP_RENDER_HTML_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/document.h"
#include "neardup/report.h"

namespace neardup {

struct HtmlOptions {
  size_t top_documents = 200;  // documents shown with their text
  size_t max_rows = 500;       // rows per table
  size_t max_piece = 4000;     // longer unbroken stretches of text are cut to their two ends
  size_t top_sources = 15;     // bars per source; the rest are summed into one
};

// Which documents the page shows. `primary`: the documents with findings, the `top_documents`
// with most removed bytes (then most reported bytes, then input order), in that order; each is
// shown with all its findings. `copies`: other documents holding a span a primary one copies (or
// the kept original of a primary duplicate document), ascending; shown around those spans only.
struct HtmlSelection {
  std::vector<uint32_t> primary;
  std::vector<uint32_t> copies;
  size_t with_findings = 0;  // documents with any finding, shown or not
};
HtmlSelection SelectHtmlDocuments(const Report& report, const HtmlOptions& options);

// What the page needs from the corpus besides the report: the selected documents' texts, and the
// source (site) of every document for the per-source chart.
struct HtmlCorpus {
  std::map<uint32_t, std::string> texts;
  std::vector<std::string> sources;  // distinct names, ascending
  std::vector<uint32_t> source_of;   // per document: index into `sources`
};

// Reads `source` once more (the report keeps no text), keeping the texts `selection` names.
// Errors: read errors of the source; FailedPrecondition when it no longer yields the report's
// documents (the inputs changed in between).
absl::StatusOr<HtmlCorpus> ReadHtmlCorpus(const DocumentSource& source, const Report& report,
                                          const HtmlSelection& selection);

std::string RenderHtml(const Report& report, const HtmlSelection& selection,
                       const HtmlCorpus& corpus, const HtmlOptions& options = {});

}  // namespace neardup

#endif  // NEARDUP_RENDER_HTML_H_
