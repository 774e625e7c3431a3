// What the review reports show: documents, rows and pairs chosen largest first and capped, and
// the texts read again for them.
#include "neardup/render/render_review.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "sample_report.h"

namespace neardup {
namespace {

using testing::SampleReport;
using testing::SampleSource;

}  // namespace

TEST_CASE("documents with findings come most removed bytes first, with the documents they copy") {
  const Report report = SampleReport();
  const ReviewSelection all = SelectReviewDocuments(report, {});
  // b.txt 100 removed (then input order), rec-7 70 removed, d.txt 0 removed and 30 reported.
  CHECK(all.primary == std::vector<uint32_t>{1, 2, 3});
  CHECK(all.copies == std::vector<uint32_t>{0});
  CHECK(all.with_findings == 3);
  ReviewOptions top1;
  top1.top_documents = 1;
  const ReviewSelection one = SelectReviewDocuments(report, top1);
  CHECK(one.primary == std::vector<uint32_t>{1});
  CHECK(one.copies == std::vector<uint32_t>{0});
  CHECK(one.with_findings == 3);
}

TEST_CASE("table rows are sorted by bytes, largest first, ties in report order, and capped") {
  const Report report = SampleReport();
  const ReviewSelection all = SelectReviewDocuments(report, {});
  // Passages: boilerplate 20 bytes, repeat-within 50, repeat-across 30.
  CHECK(all.passage_rows == std::vector<size_t>{1, 2, 0});
  CHECK(all.cluster_rows == std::vector<std::pair<size_t, size_t>>{{0, 0}});
  CHECK(all.boilerplate_rows == std::vector<size_t>{0});
  ReviewOptions two;
  two.max_rows = 2;
  CHECK(SelectReviewDocuments(report, two).passage_rows == std::vector<size_t>{1, 2});
}

TEST_CASE("near duplicates are the pairs below similarity 1, largest first") {
  const Report report = SampleReport();
  const ReviewSelection sel = SelectReviewDocuments(report, {});
  // The exact duplicate b.txt and the identical repeat in rec-7 need no diff; d.txt's repeat
  // across (similarity 0.9) does.
  CHECK(sel.near_pairs == 1);
  REQUIRE(sel.pairs.size() == 1);
  const ReviewPair& p = sel.pairs[0];
  CHECK_FALSE(p.document);
  CHECK(p.passage == 2);
  CHECK(p.removed_doc == 3);
  CHECK(p.kept_doc == 0);
  CHECK(p.kept_end == 30);
  CHECK(std::string(p.match) == "repeat-across");
}

TEST_CASE("reading the corpus again keeps only the texts needed, and every document's source") {
  const Report report = SampleReport();
  ReviewOptions top1;
  top1.top_documents = 1;
  top1.max_rows = 1;
  top1.max_pairs = 0;
  const absl::StatusOr<ReviewTexts> texts = ReadReviewTexts(SampleSource(report), report, SelectReviewDocuments(report, top1));
  REQUIRE(texts.ok());
  // b.txt (shown), a.txt (its kept copy), rec-7 (the largest passage row).
  CHECK(texts->texts.size() == 3);
  CHECK(texts->texts.count(3) == 0);
  CHECK(texts->sources == std::vector<std::string>{"site-a", "site-b"});
  CHECK(texts->source_of == std::vector<uint32_t>{1, 0, 1, 0});
  CHECK(texts->Span(0, 9, 12) == "one");
  CHECK(texts->Span(3, 0, 5).empty());   // not read
  CHECK(texts->Span(0, 90, 101).empty());  // past the end
}

TEST_CASE("reading a corpus that changed since the report fails") {
  const Report original = SampleReport();
  Report changed = original;
  changed.ids = testing::Replace(changed.ids, 2, "renamed");
  const absl::StatusOr<ReviewTexts> texts = ReadReviewTexts(SampleSource(original), changed, {});
  REQUIRE_FALSE(texts.ok());
  CHECK(texts.status().code() == absl::StatusCode::kFailedPrecondition);
}

TEST_CASE("an excerpt is one line, cut on a character boundary with an ellipsis") {
  CHECK(Excerpt("  one\n\ttwo   three \n", 100) == "one two three");
  CHECK(Excerpt("abcdef", 4) == "abcd\xE2\x80\xA6");
  CHECK(Excerpt("ab\xC3\xA9\xC3\xA9", 3) == "ab\xE2\x80\xA6");  // not half an é
  CHECK(Excerpt("", 10).empty());
}

TEST_CASE("a headline is the first line with text") {
  CHECK(Headline("\n  \nTitle of it\nbody") == "Title of it");
  CHECK(Headline("   ").empty());
}

}  // namespace neardup
