// The wire-heavy profile: news that reuses text the way news does (issue 12).
//
// - Articles are a site's header lines, a headline (two varied short descriptions of the base),
//   paragraph lines drawn from a ParagraphPool (distinct within an article), and the site's
//   footer lines: about doc_bytes long (uniform in [2/3, 4/3] of it). Header and footer are on
//   boilerplate_share (85%) of a site's pages; sites publish by Zipf shares (Sites).
// - Wire stories: some originals are wire stories, and wire_rate of all documents republish a
//   recent one on a site that has not published it yet: a new headline, each of the story's
//   paragraphs kept with probability 0.7 (in order; at least two), a kept paragraph edited (one
//   word) with probability 0.3, and 1 to 3 paragraphs of its own. While its word 5-gram
//   Jaccard to the story exceeds 0.6, it drops another of the story's paragraphs (or adds one of
//   its own): a republication is no duplicate document, but most of its paragraphs repeat the
//   story's. Each story is republished about 4 times on average.
// - Near-copy clusters as in the default profile: exact_rate exact and near_rate near copies
//   (1-3% of the words of the headline and paragraphs edited) of a uniformly drawn earlier
//   original, with its site, header and footer; pasted_rate originals repeat one paragraph.
//
// The truth of the document rule is as in the default profile, plus kind "wire" (keep it). The
// truth of the cross-document rule (GeneratedDoc::repeats) is, for each document that is to be
// kept (original, pasted, wire), each paragraph line whose pool paragraph occurred in an earlier
// kept document, exactly or edited (word 3-gram Jaccard >= 0.85 to the pool text: edits with a
// lower Jaccard are not made), with the first document that held it: the engine's rule takes the
// earliest passage that is itself no repeat, and the first occurrence of a paragraph is always
// its unedited text. A paragraph pasted twice in one article is a repeat within it, not across.
//
// The truth assumes that no pool paragraph becomes boilerplate of a site (in >= 5% of its
// pages). In small corpora it can: an original, its exact copy and its near copy are three pages
// of one site, 5% of a site of 60 pages; the paragraph is then removed as boilerplate there, and
// its repeats elsewhere lose their copy. With today's engine this cost 0.6% of the recall at
// 3,000 documents and nothing measurable at 20,000 and 100,000 (recall 1.0000).
#ifndef NEARDUP_BENCH_GEN_CORPUS_WIRE_H_
#define NEARDUP_BENCH_GEN_CORPUS_WIRE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gen_corpus_doc.h"
#include "gen_corpus_edit.h"
#include "gen_corpus_pool.h"
#include "gen_corpus_sites.h"
#include "gen_corpus_text.h"

namespace neardup::bench {

class WireGenerator : public DocumentGenerator {
 public:
  // Preconditions: Validate(options).ok(); at most 2^32 documents will be asked for. `bank` and
  // `pool` must outlive the generator.
  WireGenerator(const TextBank& bank, const ParagraphPool& pool, const GeneratorOptions& options);

  void Next(GeneratedDoc& doc) override;
  const std::vector<std::string>& source_names() const override { return sites_.names(); }

 private:
  // What an article is made of; rendered by Render().
  struct Plan {
    size_t site = 0;
    bool boilerplate = false;
    std::string headline;            // with its "\n"
    std::vector<uint32_t> paragraphs;  // pool indices, in order
    std::vector<std::string> edited;   // per paragraph: its edited text, or empty
    std::vector<double> jaccard;       // per paragraph: word 3-gram Jaccard to the pool text
  };
  // A paragraph line of a rendered article.
  struct Line {
    uint32_t number;  // 1-based
    uint32_t start, end;
    uint32_t paragraph;  // index into Plan::paragraphs
  };
  struct Body {
    size_t begin = 0, end = 0;  // bytes between the header and the footer
  };
  // A recent wire story and the sites that published it so far, its own first: an outlet
  // republishes a story once.
  struct Story {
    uint32_t index;
    std::vector<uint32_t> sites;
  };

  DocKind KindOf(uint64_t index) const;
  bool IsStory(uint64_t index) const;
  Plan OriginalPlan(uint64_t index) const;
  Plan Republication(uint64_t index, Story& story, GeneratedDoc& doc);
  // Appends a pool paragraph to `plan` that it does not hold yet, at `position`.
  void AddLocalParagraph(Plan& plan, size_t position, Rng& rng) const;
  // Edits one word of pool paragraph `p`; false when no edit keeps the word 3-gram Jaccard at
  // 0.85 or more.
  bool Edit(uint32_t p, Rng& rng, std::string& text, double& jaccard);
  Body Render(const Plan& plan, std::string& out, std::vector<Line>* lines) const;
  // Fills doc.repeats from `lines` and records the paragraphs' first documents.
  void RecordRepeats(uint64_t index, const Plan& plan, const std::vector<Line>& lines,
                     GeneratedDoc& doc);

  const TextBank& bank_;
  const ParagraphPool& pool_;
  const GeneratorOptions options_;
  const Sites sites_;
  double story_share_ = 0;                // of originals
  std::vector<uint32_t> originals_;       // indices of the originals generated so far
  std::vector<Story> stories_;            // the most recent wire stories, a ring
  size_t stories_next_ = 0;               // where the ring writes next
  std::vector<uint32_t> first_document_;  // per pool paragraph: first kept document, or kNone
  uint64_t next_ = 0;
  NearCopier copier_;
  std::string scratch_, story_text_;
  std::vector<uint64_t> words_, set_a_, set_b_;
  std::vector<Line> lines_;
};

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_GEN_CORPUS_WIRE_H_
