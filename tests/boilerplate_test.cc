#include "neardup/boilerplate.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace neardup {
namespace {

std::vector<PassageSketch> Sketch(const std::string& text) { return SketchPassages(text, PassageOptions{}); }

}  // namespace

TEST_CASE("a passage is boilerplate at min_docs documents and min_share of its source") {
  BoilerplateOptions options;  // 3 documents and 5%
  for (const uint64_t pages : {3u, 4u, 60u, 61u}) {
    CAPTURE(pages);
    BoilerplateCounter counter;
    // "SHARE" on the first 3 pages of a site of `pages` pages.
    for (uint32_t doc = 0; doc < pages; ++doc) {
      counter.Add(doc, 0, Sketch("page " + std::to_string(doc) + (doc < 3 ? "\nSHARE\n" : "\n")));
    }
    const std::vector<uint64_t> per_source{pages};
    const auto d = counter.Decide(options, per_source);
    const uint64_t share = Sketch("SHARE")[0].fingerprint;
    // 3 of 60 is exactly 5%; 3 of 61 is below.
    CHECK(d.IsBoilerplate(0, share) == (pages <= 60));
  }
}

TEST_CASE("a document counts once however often the passage occurs in it") {
  BoilerplateCounter counter;
  counter.Add(0, 0, Sketch("SHARE\nSHARE\nSHARE\n"));
  counter.Add(1, 0, Sketch("SHARE\n"));
  const std::vector<uint64_t> per_source{2};
  CHECK(counter.Decide(BoilerplateOptions{}, per_source).entries().empty());
}

TEST_CASE("boilerplate is per source") {
  BoilerplateCounter counter;
  for (uint32_t doc = 0; doc < 6; ++doc) counter.Add(doc, doc % 2, Sketch("SHARE\n"));
  const std::vector<uint64_t> per_source{3, 3};
  const auto d = counter.Decide(BoilerplateOptions{}, per_source);
  REQUIRE(d.entries().size() == 2);
  CHECK(d.entries()[0].source == 0);
  CHECK(d.entries()[0].documents == 3);
  CHECK_FALSE(d.IsBoilerplate(2, Sketch("SHARE")[0].fingerprint));
}

TEST_CASE("templated lines need the same opening words and different tails") {
  SUBCASE("varied tails make a pattern") {
    BoilerplateCounter counter;
    for (uint32_t doc = 0; doc < 4; ++doc) counter.Add(doc, 0, Sketch("Baca Juga: judul " + std::to_string(doc) + "\n"));
    const std::vector<uint64_t> per_source{4};
    const auto d = counter.Decide(BoilerplateOptions{}, per_source);
    REQUIRE(d.entries().size() == 1);
    CHECK(d.entries()[0].pattern);
    CHECK(d.IsPattern(0, Sketch("Baca juga - apa saja")[0].opening));
  }
  SUBCASE("the same line everywhere is plain boilerplate, not a pattern") {
    BoilerplateCounter counter;
    for (uint32_t doc = 0; doc < 4; ++doc) counter.Add(doc, 0, Sketch("Baca Juga: judul sama\n"));
    const std::vector<uint64_t> per_source{4};
    const auto d = counter.Decide(BoilerplateOptions{}, per_source);
    REQUIRE(d.entries().size() == 1);
    CHECK_FALSE(d.entries()[0].pattern);
  }
  SUBCASE("lines longer than the pattern limit are never templates") {
    BoilerplateCounter counter;
    const std::string long_tail = " satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas tiga belas empat belas lima belas enam belas tujuh belas delapan belas";
    for (uint32_t doc = 0; doc < 4; ++doc) counter.Add(doc, 0, Sketch("Baca Juga: " + std::to_string(doc) + long_tail + "\n"));
    const std::vector<uint64_t> per_source{4};
    CHECK(counter.Decide(BoilerplateOptions{}, per_source).entries().empty());
  }
}

}  // namespace neardup
