// Segmentation of a document into passages and sentences: the units that can be found repeated
// and removed.
//
// Passages are lines (the default; scraped text keeps one paragraph per line) or paragraphs
// separated by blank lines. A line longer than `long_line_bytes` is further split at sentence ends,
// so that text whose paragraphs a scraper glued together still has passages of a size that can
// recur in other documents. Every passage can also be split into its sentences (SplitSentences),
// the smallest unit any rule removes. Offsets are bytes into the original text and never cut a
// UTF-8 character or a word.
#ifndef NEARDUP_SEGMENT_H_
#define NEARDUP_SEGMENT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "neardup/config.h"

namespace neardup {

// Offsets are 32-bit: documents are under 4 GiB (the readers refuse larger ones), and passages are
// what the first pass keeps most of.
struct Passage {
  uint32_t start = 0;        // first byte of the passage
  uint32_t end = 0;          // one past its last byte, line terminator excluded
  uint32_t removal_end = 0;  // what removing it takes along: its terminator, or the space after a sentence
  uint32_t block_end = 0;    // end of the line or paragraph it belongs to, terminator included
  bool block_first = true; // first piece of its line/paragraph
  bool block_last = true;  // last piece of its line/paragraph
};

// A sentence: content bytes [start, end), without the whitespace around it.
struct Sentence {
  uint32_t start = 0;
  uint32_t end = 0;
  bool glued = false;  // begins right after the previous sentence, with no whitespace between
};

// The sentences of text[start, end) (a line, or a paragraph whose line breaks count as spaces),
// appended to `out` in order; at least one when the range holds anything but whitespace.
// A sentence ends after a terminator (. ! ?) and any closing quotes or brackets when whitespace
// follows and the sentence holds three words ("Mr. Smith" stays whole), or when a capital letter
// follows directly after a lowercase letter, digit or closing quote or bracket ("hp.Sebuah",
// "(Ilustrasi).Tahan": pages whose line breaks a scraper dropped); never after a lone initial
// ("U.S.", "Benjamin A. Engel"). A closing bracket glued to a capital ends a sentence too
// ("(ren)SHARE": a byline fused to the next block). Linear time.
void SplitSentences(std::string_view text, size_t start, size_t end, std::vector<Sentence>& out);

// Every passage of `text` in order. Blank lines yield no passage; passages never overlap, and
// [start, removal_end) ranges are disjoint. Linear time; thread-safe.
// Precondition: text.size() < 4 GiB.
std::vector<Passage> Segment(std::string_view text, const SegmentOptions& options);

// The same into `out` (replaced), reusing its memory.
void SegmentInto(std::string_view text, const SegmentOptions& options, std::vector<Passage>& out);

}  // namespace neardup

#endif  // NEARDUP_SEGMENT_H_
