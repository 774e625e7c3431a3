#include "neardup/text/segment.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace neardup {
namespace {

std::string_view Content(std::string_view text, const Passage& p) {
  return text.substr(p.start, p.end - p.start);
}
std::string_view Removed(std::string_view text, const Passage& p) {
  return text.substr(p.start, p.removal_end - p.start);
}

}  // namespace

TEST_CASE("lines are passages; blank lines are not") {
  const std::string_view text = "one\n\n  \ntwo\r\nthree";
  const auto passages = Segment(text, {});
  REQUIRE(passages.size() == 3);
  CHECK(Content(text, passages[0]) == "one");
  CHECK(Removed(text, passages[0]) == "one\n");
  CHECK(Content(text, passages[1]) == "two");
  CHECK(Removed(text, passages[1]) == "two\r\n");
  CHECK(Content(text, passages[2]) == "three");
  CHECK(Removed(text, passages[2]) == "three");
}

TEST_CASE("paragraphs run to a blank line and take the blank lines after them") {
  const std::string_view text = "a\nb\n\n\nc\n";
  const auto passages = Segment(text, {PassageMode::kParagraph, 1000});
  REQUIRE(passages.size() == 2);
  CHECK(Content(text, passages[0]) == "a\nb");
  CHECK(Removed(text, passages[0]) == "a\nb\n\n\n");
  CHECK(Content(text, passages[1]) == "c");
}

TEST_CASE("a long line is split at sentence ends") {
  const std::string_view text =
      "First sentence has words. Second one is here! Third is glued.Fourth begins here\nnext";
  const auto passages = Segment(text, {PassageMode::kLine, 20});
  REQUIRE(passages.size() == 5);
  CHECK(Content(text, passages[0]) == "First sentence has words.");
  CHECK(Removed(text, passages[0]) == "First sentence has words. ");
  CHECK(Content(text, passages[1]) == "Second one is here!");
  CHECK(Content(text, passages[2]) == "Third is glued.");
  CHECK(Content(text, passages[3]) == "Fourth begins here");
  CHECK(passages[3].block_last);
  CHECK_FALSE(passages[3].block_first);
  CHECK(passages[3].removal_end == passages[3].end);  // the newline stays unless the whole line goes
  CHECK(passages[3].block_end == text.find("next"));
  CHECK(Content(text, passages[4]) == "next");
}

TEST_CASE("sentence splitting does not cut abbreviations or numbers") {
  const std::string_view text = "Dr. Smith counted 10.000 troops in the U.S. army today. Done now here.";
  const auto passages = Segment(text, {PassageMode::kLine, 10});
  REQUIRE(passages.size() == 2);
  CHECK(Content(text, passages[0]) == "Dr. Smith counted 10.000 troops in the U.S. army today.");
}

// The sentences of a whole text, as strings.
std::vector<std::string> Sentences(std::string_view text) {
  std::vector<Sentence> sentences;
  SplitSentences(text, 0, text.size(), sentences);
  std::vector<std::string> out;
  for (const Sentence& s : sentences) out.emplace_back(text.substr(s.start, s.end - s.start));
  return out;
}

TEST_CASE("sentences of any line: glued text splits where a capital follows a sentence end") {
  using V = std::vector<std::string>;
  SUBCASE("after a space, and glued to a capital") {
    CHECK(Sentences("Korban meninggal di tempat kerja.Kirim berita dan foto anda ke redaksi. Berita terkait lainnya.") ==
          V{"Korban meninggal di tempat kerja.", "Kirim berita dan foto anda ke redaksi.", "Berita terkait lainnya."});
  }
  SUBCASE("after a closing bracket and full stop: a caption printed twice") {
    CHECK(Sentences("Tahan imbang Arsenal (Ilustrasi).Tahan imbang Arsenal (Ilustrasi).") ==
          V{"Tahan imbang Arsenal (Ilustrasi).", "Tahan imbang Arsenal (Ilustrasi)."});
  }
  SUBCASE("a closing bracket glued to a capital, however short the sentence before") {
    CHECK(Sentences("Roket itu meluncur ke luar angkasa. (ren)SHARE") ==
          V{"Roket itu meluncur ke luar angkasa.", "(ren)", "SHARE"});
  }
  SUBCASE("never inside a word, after an initial or before three words") {
    CHECK(Sentences("Dia bekerja di PT.Maju sejak lama.") == V{"Dia bekerja di PT.Maju sejak lama."});
    CHECK(Sentences("Benjamin A. Engel was there. Yes.") == V{"Benjamin A. Engel was there.", "Yes."});
    CHECK(Sentences("He said no. Then he left.") == V{"He said no.", "Then he left."});
  }
  SUBCASE("whitespace around sentences is not theirs; a blank range has none") {
    CHECK(Sentences("  One two three.   Four five six.  ") == V{"One two three.", "Four five six."});
    CHECK(Sentences("   ").empty());
  }
}

TEST_CASE("lines up to the long-line limit stay whole") {
  const std::string_view text = "One sentence. Another sentence here.";
  CHECK(Segment(text, {PassageMode::kLine, text.size()}).size() == 1);
}

}  // namespace neardup
