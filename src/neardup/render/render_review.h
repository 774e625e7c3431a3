// What the review reports (`report --format md|html`) show besides the report itself: which
// documents, table rows and near-duplicate pairs, in which order, and the texts they need, read
// once more from the corpus (the report keeps no text).
//
// Everything is sorted by bytes, largest first (ties in report order), and capped, so that a
// report of a million findings stays a page a person can read: the documents with the most
// removed bytes are shown whole, the largest findings fill the tables, and the rest are counted.
// Output depends only on the report and the options.
#ifndef NEARDUP_RENDER_REVIEW_H_
#define NEARDUP_RENDER_REVIEW_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/document.h"
#include "neardup/report.h"

namespace neardup {

struct ReviewOptions {
  size_t top_documents = 200;  // documents shown with their findings
  size_t max_rows = 500;       // rows per table
  size_t max_pairs = 100;      // near-duplicate pairs shown with a word diff
  size_t excerpt_bytes = 160;  // passage text in a table cell
  size_t max_piece = 4000;     // html: longer unbroken stretches of text are cut to their two ends
  size_t top_sources = 15;     // html: bars per source; the rest are summed into one
};

// A near-duplicate pair: a removed document or passage (similarity below 1) and the kept copy.
struct ReviewPair {
  bool document = false;  // a whole document, else passage `passage`
  size_t passage = 0;     // index into report.passages
  uint32_t removed_doc = 0;
  uint64_t start = 0, end = 0;  // bytes of removed_doc
  uint32_t kept_doc = 0;
  uint64_t kept_start = 0, kept_end = 0;
  double similarity = 0;
  const char* match = "";  // "jaccard", "containment", or the passage's rule
};

struct ReviewSelection {
  // Documents with findings, the `top_documents` with most removed bytes (then most reported
  // bytes, then input order); each is shown with all its findings.
  std::vector<uint32_t> primary;
  // Other documents holding a span a primary one copies (or the kept original of a primary
  // duplicate document), ascending; shown around those spans only.
  std::vector<uint32_t> copies;
  size_t with_findings = 0;  // documents with any finding, shown or not
  std::vector<size_t> passage_rows;                     // report.passages indices
  std::vector<std::pair<size_t, size_t>> cluster_rows;  // (cluster, index into its removed)
  std::vector<size_t> boilerplate_rows;                 // report.boilerplate indices
  std::vector<ReviewPair> pairs;
  size_t near_pairs = 0;  // near-duplicate pairs in all
};
ReviewSelection SelectReviewDocuments(const Report& report, const ReviewOptions& options);

// The texts of every document the selection shows or quotes, and the source (site) of every
// document for the per-source chart.
struct ReviewTexts {
  std::map<uint32_t, std::string> texts;
  std::vector<std::string> sources;  // distinct names, ascending
  std::vector<uint32_t> source_of;   // per document: index into `sources`
  // The text of doc's bytes [start, end), or "" when the text was not read or is shorter.
  std::string_view Span(uint32_t doc, uint64_t start, uint64_t end) const;
};

// Reads `source` once more. Errors: read errors of the source; FailedPrecondition when it no
// longer yields the report's documents (the inputs changed in between).
absl::StatusOr<ReviewTexts> ReadReviewTexts(const DocumentSource& source, const Report& report,
                                            const ReviewSelection& selection);

// Per document: removed bytes, reported-only bytes, the kept copy of a removed document (or -1),
// and its passages as a range of report.passages.
struct DocTally {
  std::vector<uint64_t> removed;
  std::vector<uint64_t> reported;
  std::vector<int64_t> kept_as;
  std::vector<std::pair<size_t, size_t>> passages;  // [first, last) in report.passages
};
DocTally TallyFindings(const Report& report);

// `text` on one line for a table cell: runs of whitespace as one space, cut (on a character
// boundary) to about `max_bytes` with an ellipsis.
std::string Excerpt(std::string_view text, size_t max_bytes);

// The first line of a document that has any text, as Excerpt makes it: the headline of an article.
std::string Headline(std::string_view text, size_t max_bytes = 100);

}  // namespace neardup

#endif  // NEARDUP_RENDER_REVIEW_H_
