// The HTML report (`report --format html`): one self-contained page, no scripts, no fonts, no
// network. A table of contents; summary figures; bars of duplicate bytes per rule and per source;
// a log-scale histogram of the similarities of verified document pairs and passage pairs; the
// documents with findings (headed by id, source and headline), their removed spans highlighted in
// place (<mark>), each linking to the span it copies; word-level diffs of near duplicates against
// the kept copy; the boilerplate, duplicate-document and passage tables, largest first, with the
// passage text and ids linking to the documents shown.
//
// What is shown, in which order and how much of it, is the ReviewSelection's (render_review.h).
// Output depends only on its inputs.
#ifndef NEARDUP_RENDER_HTML_H_
#define NEARDUP_RENDER_HTML_H_

#include <string>

#include "neardup/render/render_review.h"
#include "neardup/report.h"

namespace neardup {

std::string RenderHtml(const Report& report, const ReviewSelection& selection, const ReviewTexts& texts,
                       const ReviewOptions& options = {});

}  // namespace neardup

#endif  // NEARDUP_RENDER_HTML_H_
