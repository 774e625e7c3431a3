// A document's text as HTML with spans marked in place: the body of one document in the HTML
// report. Separate from the page so that the tricky part (overlaps, anchors, long stretches) can
// be tested on its own.
#ifndef NEARDUP_RENDER_HTML_TEXT_H_
#define NEARDUP_RENDER_HTML_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/render/render_diff.h"

namespace neardup {

struct MarkedSpan {
  uint64_t start = 0;  // bytes [start, end) of the text
  uint64_t end = 0;
  std::string tag;     // "mark" or "span"
  std::string cls;     // class attribute
  std::string id;      // element id; may be empty
  std::string href;    // when set, the span's text links there
  std::string title;   // tooltip
};

// Escaped `text` with each span wrapped in its element. Spans are taken in (start, end) order; a
// span overlapping an earlier one is clipped to begin after it, and one clipped to nothing still
// leaves an empty element carrying its id, so every id (and thus every link to it) exists
// exactly once. Stretches longer than `max_piece` bytes, inside spans or between them, keep only
// their two ends around a note of how many bytes were left out (cut on character boundaries).
std::string RenderMarkedText(std::string_view text, std::vector<MarkedSpan> spans, size_t max_piece);

// A word diff as HTML: common words as they are, words only the kept copy has in <del>, words only
// the removed copy has in <ins>, a left-out common stretch as a note of its length.
std::string RenderDiffHtml(const std::vector<DiffPiece>& pieces);

}  // namespace neardup

#endif  // NEARDUP_RENDER_HTML_TEXT_H_
