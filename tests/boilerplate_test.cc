#include "neardup/passages/boilerplate.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace neardup {
namespace {

std::vector<PassageSketch> Sketch(const std::string& text) { return SketchPassages(text, PassageOptions{}).passages; }

uint64_t Fingerprint(const std::string& sentence) { return Sketch(sentence)[0].fingerprint; }

// Documents added in order, each with its source and the document its duplicate cluster is kept
// as (itself by default); Decide() counts them.
class Corpus {
 public:
  void Add(uint32_t source, const std::string& text, int64_t kept_as = -1) {
    const DocPassages p = SketchPassages(text, PassageOptions{});
    const auto doc = static_cast<uint32_t>(source_of_.size());
    REQUIRE(counter_.Add(doc, source, p.passages, p.pieces).ok());
    source_of_.push_back(source);
    kept_as_.push_back(kept_as < 0 ? doc : static_cast<uint32_t>(kept_as));
  }
  BoilerplateCounter::Decisions Decide(const BoilerplateOptions& options = {}) {
    std::vector<uint64_t> clusters;
    for (uint32_t doc = 0; doc < source_of_.size(); ++doc) {
      if (source_of_[doc] >= clusters.size()) clusters.resize(source_of_[doc] + 1, 0);
      clusters[source_of_[doc]] += kept_as_[doc] == doc;
    }
    absl::StatusOr<BoilerplateCounter::Decisions> d = counter_.Decide(options, clusters, source_of_, kept_as_);
    REQUIRE(d.ok());
    return *std::move(d);
  }

 private:
  BoilerplateCounter counter_;
  std::vector<uint32_t> source_of_;
  std::vector<uint32_t> kept_as_;
};

}  // namespace

TEST_CASE("a passage is boilerplate at min_docs documents and min_share of its source") {
  for (const uint64_t pages : {3u, 4u, 60u, 61u}) {
    CAPTURE(pages);
    Corpus corpus;
    // "SHARE" on the first 3 pages of a site of `pages` pages.
    for (uint32_t doc = 0; doc < pages; ++doc) {
      corpus.Add(0, "page " + std::to_string(doc) + (doc < 3 ? "\nSHARE\n" : "\n"));
    }
    const auto d = corpus.Decide();  // 3 documents and 5%
    const uint64_t share = Sketch("SHARE")[0].fingerprint;
    // 3 of 60 is exactly 5%; 3 of 61 is below.
    CHECK(d.IsBoilerplate(0, share) == (pages <= 60));
  }
}

TEST_CASE("a document counts once however often the passage occurs in it") {
  Corpus corpus;
  corpus.Add(0, "SHARE\nSHARE\nSHARE\n");
  corpus.Add(0, "SHARE\n");
  CHECK(corpus.Decide().entries().empty());
}

TEST_CASE("boilerplate is per source") {
  Corpus corpus;
  for (uint32_t doc = 0; doc < 6; ++doc) corpus.Add(doc % 2, "SHARE\n");
  const auto d = corpus.Decide();
  REQUIRE(d.entries().size() == 2);
  CHECK(d.entries()[0].source == 0);
  CHECK(d.entries()[0].documents == 3);
  CHECK(d.entries()[0].first_doc == 0);
  CHECK(d.entries()[1].first_doc == 1);
  CHECK_FALSE(d.IsBoilerplate(2, Sketch("SHARE")[0].fingerprint));
}

TEST_CASE("copies of one article are one witness: its own lines never become boilerplate") {
  // Issue 11: an article scraped 3 times in a source of 13 documents lost its whole text.
  Corpus corpus;
  const std::string article = "Judul berita\nIsi berita yang sama di setiap salinan.\nSHARE\n";
  for (uint32_t doc = 0; doc < 10; ++doc) corpus.Add(0, "Berita " + std::to_string(doc) + "\nSHARE\n");
  corpus.Add(0, article);
  corpus.Add(0, article, /*kept_as=*/10);
  corpus.Add(0, article, /*kept_as=*/10);
  const auto d = corpus.Decide();
  CHECK_FALSE(d.IsBoilerplate(0, Fingerprint("Judul berita")));
  CHECK_FALSE(d.IsBoilerplate(0, Fingerprint("Isi berita yang sama di setiap salinan.")));
  REQUIRE(d.IsBoilerplate(0, Fingerprint("SHARE")));
  CHECK(d.entries()[0].documents == 11);  // 10 pages and the article once
}

TEST_CASE("sentences glued into a paragraph are counted wherever the line breaks fall") {
  Corpus corpus;
  const std::vector<std::string> bodies{"Korban meninggal dunia di tempat kerja.", "Harga cabai naik lagi di pasar.",
                                        "Tim nasional menang dua gol tanpa balas.", "Hujan deras melanda kota sejak pagi."};
  // After a sentence end with and without a space, fused to a closing token, and on a line alone.
  corpus.Add(0, bodies[0] + "Kirim berita dan foto anda ke redaksi. Sumber lain.\n");
  corpus.Add(0, bodies[1] + " Kirim berita dan foto anda ke redaksi.\n");
  corpus.Add(0, bodies[2] + " (ren)Kirim berita dan foto anda ke redaksi.\n");
  corpus.Add(0, bodies[3] + "\nKirim berita dan foto anda ke redaksi.\n");
  const auto d = corpus.Decide();
  CHECK(d.IsBoilerplate(0, Fingerprint("Kirim berita dan foto anda ke redaksi.")));
  REQUIRE(d.entries().size() == 1);
  CHECK(d.entries()[0].documents == 4);
}

TEST_CASE("templated lines need the same opening words and different tails") {
  SUBCASE("varied tails make a pattern") {
    Corpus corpus;
    for (uint32_t doc = 0; doc < 4; ++doc) corpus.Add(0, "Baca Juga: judul " + std::to_string(doc) + "\n");
    const auto d = corpus.Decide();
    REQUIRE(d.entries().size() == 1);
    CHECK(d.entries()[0].pattern);
    CHECK(d.IsPattern(0, Sketch("Baca juga - apa saja")[0].opening));
  }
  SUBCASE("the same line everywhere is plain boilerplate, not a pattern") {
    Corpus corpus;
    for (uint32_t doc = 0; doc < 4; ++doc) corpus.Add(0, "Baca Juga: judul sama\n");
    const auto d = corpus.Decide();
    REQUIRE(d.entries().size() == 1);
    CHECK_FALSE(d.entries()[0].pattern);
  }
  SUBCASE("lines longer than the pattern limit are never templates") {
    Corpus corpus;
    const std::string long_tail = " satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas tiga belas empat belas lima belas enam belas tujuh belas delapan belas";
    for (uint32_t doc = 0; doc < 4; ++doc) corpus.Add(0, "Baca Juga: " + std::to_string(doc) + long_tail + "\n");
    CHECK(corpus.Decide().entries().empty());
  }
}

TEST_CASE("counting spills to disk past its memory budget and decides the same") {
  // 40 bytes of budget: every few records go to the partition files.
  SpillOptions spill;
  spill.memory_bytes = 40;
  BoilerplateCounter small(spill), large;
  std::vector<uint32_t> source_of;
  for (uint32_t doc = 0; doc < 50; ++doc) {
    const std::string text = "page " + std::to_string(doc) + "\nSHARE\nBaca Juga: judul " + std::to_string(doc) + "\n";
    REQUIRE(small.Add(doc, 0, Sketch(text)).ok());
    REQUIRE(large.Add(doc, 0, Sketch(text)).ok());
    source_of.push_back(0);
  }
  const std::vector<uint64_t> per_source{50};
  std::vector<uint32_t> kept_as(50);
  for (uint32_t doc = 0; doc < 50; ++doc) kept_as[doc] = doc;
  const auto a = small.Decide(BoilerplateOptions{}, per_source, source_of, kept_as);
  const auto b = large.Decide(BoilerplateOptions{}, per_source, source_of, kept_as);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(a->entries().size() == 2);
  REQUIRE(b->entries().size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    CHECK(a->entries()[i].key == b->entries()[i].key);
    CHECK(a->entries()[i].documents == 50);
    CHECK(a->entries()[i].pattern == b->entries()[i].pattern);
  }
}

}  // namespace neardup
