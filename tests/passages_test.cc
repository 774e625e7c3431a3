#include "neardup/passages/passages.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "neardup/text/normalize.h"
#include "neardup/base/hash.h"

namespace neardup {
namespace {

std::string Content(const std::string& text, uint32_t start, uint32_t end) { return text.substr(start, end - start); }

}  // namespace

TEST_CASE("a passage of several sentences has them as pieces, each with its fingerprint") {
  const std::string text = "Judul berita\nKalimat pertama di sini. Kalimat kedua.Kirim berita ke redaksi.\n";
  const DocPassages p = SketchPassages(text, PassageOptions{});
  REQUIRE(p.passages.size() == 2);
  CHECK(p.passages[0].pieces == 0);
  REQUIRE(p.passages[1].pieces == 3);
  REQUIRE(p.pieces.size() == 3);
  CHECK(Content(text, p.pieces[0].start, p.pieces[0].end) == "Kalimat pertama di sini.");
  CHECK(Content(text, p.pieces[2].start, p.pieces[2].end) == "Kirim berita ke redaksi.");
  CHECK(p.pieces[2].line == 2);
  // The fingerprint is that of the normalized sentence: the same sentence alone on a line has it.
  CHECK(p.pieces[2].fingerprint == SketchPassages("kirim BERITA ke redaksi", PassageOptions{}).passages[0].fingerprint);
}

TEST_CASE("units are the pieces of passages that have several, else the passages") {
  const std::string text = "Satu dua tiga. Empat lima enam.\nTujuh delapan\n";
  const DocPassages p = SketchPassages(text, PassageOptions{});
  std::vector<Unit> units;
  DocUnits(p.passages, p.pieces, units);
  REQUIRE(units.size() == 3);
  CHECK(Content(text, units[0].start, units[0].end) == "Satu dua tiga.");
  CHECK(Content(text, units[1].start, units[1].end) == "Empat lima enam.");
  CHECK(units[0].block_end == units[1].block_end);
  CHECK(Content(text, units[2].start, units[2].end) == "Tujuh delapan");
  CHECK(units[2].passage == 1);
  CHECK(units[2].words == 2);
}

TEST_CASE("template openings: lines and sentences of at most the limit of words") {
  PassageOptions options;
  const DocPassages p = SketchPassages("Baca Juga: Judul lain\nIsi berita panjang sekali.Baca Juga: Judul lain lagi\n",
                                       options);
  REQUIRE(p.passages.size() == 2);
  REQUIRE(p.pieces.size() == 2);
  CHECK(p.passages[0].opening != 0);
  CHECK(p.pieces[1].opening == p.passages[0].opening);
  CHECK(p.pieces[0].opening != p.passages[0].opening);
}

TEST_CASE("long passages keep their word 3-grams in text order for cross-document matching") {
  const std::string text = "one two three four five six seven eight\nshort line\n";
  const DocPassages p = SketchPassages(text, PassageOptions{});
  REQUIRE(p.passages.size() == 2);
  CHECK(p.ShinglesOf(p.passages[0]).size() == 6);
  CHECK_FALSE(p.passages[1].has_shingles());
}

}  // namespace neardup
