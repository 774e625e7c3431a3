// Repeats within one document, as the engine removes them: the finder (repeats.h) and the spans of
// DocFindings, on texts written for each case. Expected spans are counted by hand from the texts.
#include "neardup/passages/repeats.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "files.h"
#include "neardup/engine/doc_findings.h"

namespace neardup {
namespace {

std::string ReadSeed(const std::string& name) { return testing::ReadFile(std::string(NEARDUP_SOURCE_DIR) + "/corpus/seeds/" + name); }

// Byte offset where 1-based line `n` starts.
size_t LineStart(const std::string& text, int n) {
  size_t pos = 0;
  for (int line = 1; line < n; ++line) pos = text.find('\n', pos) + 1;
  return pos;
}

// The repeat-within findings of `text`, as the engine reports them for a kept document.
std::vector<PassageFinding> Repeats(const std::string& text, const PassageOptions& passages = {}) {
  RepeatOptions options;
  PassageBlock block;
  const DocPassages sketch = SketchPassages(text, passages);
  block.passages = sketch.passages;
  block.pieces = sketch.pieces;
  block.repeats = FindWithinRepeats(text, passages, options);
  DocFindings findings;
  findings.Decide(block, 0, BoilerplateCounter::Decisions(), false);
  std::vector<PassageFinding> out;
  findings.Emit(0, out);
  return out;
}

// `text` without the bytes the findings remove (those only reported stay).
std::string Cleaned(const std::string& text) {
  std::string out;
  size_t at = 0;
  for (const PassageFinding& f : Repeats(text)) {
    if (!f.removed) continue;
    REQUIRE(f.start >= at);
    out += text.substr(at, f.start - at);
    at = f.end;
  }
  return out + text.substr(at);
}

std::string Bytes(const std::string& text, uint64_t start, uint64_t end) { return text.substr(start, end - start); }

}  // namespace

TEST_CASE("the Blinken article loses the nine paragraphs it repeats, not 'Baca Juga'") {
  const std::string text = ReadSeed("002_be7c9fe0555141bb.txt");
  const auto repeats = Repeats(text);
  // Lines 13-18 repeat lines 4-9; lines 20-22 repeat lines 10-12; line 19 is "Baca Juga".
  const std::vector<std::pair<int, int>> expected{{13, 4},  {14, 5},  {15, 6},  {16, 7}, {17, 8},
                                                  {18, 9},  {20, 10}, {21, 11}, {22, 12}};
  REQUIRE(repeats.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto [line, copy] = expected[i];
    CAPTURE(line);
    CHECK(repeats[i].start == LineStart(text, line));
    CHECK(repeats[i].end == LineStart(text, line + 1));  // the newline goes with it
    CHECK(repeats[i].copy_start == LineStart(text, copy));
    CHECK(repeats[i].copy_end == LineStart(text, copy + 1) - 1);  // without its newline
    CHECK(repeats[i].similarity == 1.0);
    CHECK(repeats[i].line == static_cast<uint32_t>(line));
  }
}

TEST_CASE("a caption printed twice in a row loses its second copy in the seed articles") {
  SUBCASE("000: the second photo caption") {
    const std::string text = ReadSeed("000_b9d3ea24bde2993c.txt");
    const auto repeats = Repeats(text);
    REQUIRE(repeats.size() == 1);
    CHECK(repeats[0].start == LineStart(text, 6));
    CHECK(repeats[0].end == LineStart(text, 7));
    CHECK(repeats[0].copy_start == LineStart(text, 5));
  }
  SUBCASE("003: the second 'Antony Blinken', two words") {
    const std::string text = ReadSeed("003_49575702d7fbbacb.txt");
    const auto repeats = Repeats(text);
    REQUIRE(repeats.size() == 1);
    CHECK(repeats[0].start == LineStart(text, 4));
    CHECK(repeats[0].end == LineStart(text, 5));
  }
  SUBCASE("001 and 004 have none: 004's lead restates its first sentence, which stays") {
    CHECK(Repeats(ReadSeed("001_e7980f4a9b939638.txt")).empty());
    CHECK(Repeats(ReadSeed("004_1742510e8f838e75.txt")).empty());
  }
}

TEST_CASE("a near copy needs a word 3-gram Jaccard of at least 0.8 with its copy") {
  SUBCASE("one word changed in a 13-word line is too much") {
    // 11 word 3-grams each, 9 shared: J = 9 / 13 = 0.69.
    const std::string a = "the minister said the talks would focus on security and trade this week";
    const std::string b = "the minister said the talks would focus on security and trade next week";
    CHECK(Repeats(a + "\n" + b + "\n").empty());
  }
  SUBCASE("a changed last word in a 20-word line of two sentences is a repeat") {
    const std::string a = "one two three four five six seven eight nine ten. Eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.";
    const std::string b = "one two three four five six seven eight nine ten. Eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen zwanzig.";
    // 18 word 3-grams each; only the last differs: J = 17 / 19 = 0.895.
    const std::string text = a + "\n" + b + "\n";
    const auto repeats = Repeats(text);
    REQUIRE(repeats.size() == 1);
    CHECK(repeats[0].start == a.size() + 1);
    CHECK(repeats[0].end == text.size());
    CHECK(repeats[0].copy_start == 0);
    CHECK(repeats[0].copy_end == a.size());
    CHECK(repeats[0].similarity == doctest::Approx(17.0 / 19.0));
  }
  SUBCASE("one sentence that only nearly repeats the one before it is the next entry of a list") {
    // 18 word 3-grams each, 17 shared (J = 0.895), but a caption printed twice has its copy's words.
    const std::string a = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty";
    const std::string b = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen zwanzig";
    CHECK(Repeats(a + "\n" + b + "\n").empty());
    CHECK(Repeats(a + "\nAnother line stands between them here.\n" + b + "\n").empty());
    CHECK(Repeats(a + "\n" + a + "\n").size() == 1);
  }
  SUBCASE("short lines must be identical after normalization") {
    CHECK(Repeats("Oleh: Dyah Ratna\nEditor: Dyah Ratna\n").empty());
    CHECK(Repeats("SHARE this\n share  THIS\n").size() == 1);
    // Next to each other, short lines that only normalize alike are different text.
    CHECK(Repeats("+ \"$( command )\" the output of command\n+ \"` command `\" the output of command\n").empty());
  }
}

TEST_CASE("a line printed three times in a row loses two copies, both copies of the first") {
  const std::string text = "alpha beta\nalpha beta\nalpha beta\n";
  const auto repeats = Repeats(text);
  REQUIRE(repeats.size() == 2);
  CHECK(repeats[0].copy_start == 0);
  CHECK(repeats[1].copy_start == 0);
  CHECK(Cleaned(text) == "alpha beta\n");
}

TEST_CASE("punctuation-only and blank lines are never repeats") {
  CHECK(Repeats("***\n\n***\n\n---\n---\n").empty());
}

TEST_CASE("natural repetition stays") {
  SUBCASE("a quote restated inside a later paragraph") {
    const std::string text =
        "Smoking ban urged by doctors\n"
        "The time has come for a ban on smoking in public places.\n"
        "The report was published on Monday by the royal college. Its authors say the evidence is clear. "
        "The time has come for a ban on smoking in public places. Ministers have said they will study it.\n";
    CHECK(Repeats(text).empty());
  }
  SUBCASE("rhetoric that repeats itself inside a sentence") {
    const std::string text =
        "Who is going to build the economy, who are going to be the leaders? Who are going to be the "
        "producers of tomorrow, he asked the students at the college in the city.\n";
    CHECK(Repeats(text).empty());
  }
  SUBCASE("a list whose labels repeat with different values, glued") {
    const std::string text =
        "Rincian dapur di wilayah:- 10 SPPG Polda Kaltim (3 Telah Beroperasi, 2 Tahap Persiapan Operasional, "
        "5 Tahap Pembangunan);- 15 SPPG Polda Kalsel (4 Telah Beroperasi, 2 Tahap Persiapan Operasional, 9 Tahap "
        "Pembangunan);- 12 SPPG Polda Kalteng (3 Telah Beroperasi, 2 Tahap Persiapan Operasional, 7 Tahap "
        "Pembangunan);- 8 SPPG Polda Kaltara (3 Telah Beroperasi, 2 Tahap Persiapan Operasional, 3 Tahap Pembangunan).\n";
    CHECK(Repeats(text).empty());
  }
  SUBCASE("a list whose labels repeat on lines of their own") {
    const std::string text =
        "Quarter-final one: Arsenal v Chelsea\nWinners meet in final match\n"
        "Quarter-final two: Leeds v Everton\nWinners meet in final match\n";
    CHECK(Repeats(text).empty());
  }
}

TEST_CASE("two sentences repeated later in a glued paragraph go, whole") {
  const std::string a = "Korut sedang bersiap meluncurkan satelit mata-mata setelah gagal dua kali tahun ini.";
  const std::string b = "Korsel mengatakan pekan lalu bahwa Korut sedang dalam tahap akhir persiapan peluncuran.";
  const std::string c = "Militer Korsel dalam keadaan siaga sejak hari Senin.";
  const std::string d = "Kunjungan Blinken ke Seoul adalah yang pertama dalam dua tahun.";
  SUBCASE("with spaces between the sentences") {
    const std::string text = "Judul\n" + a + " " + b + " " + c + " " + a + " " + b + " " + d + "\n";
    CHECK(Cleaned(text) == "Judul\n" + a + " " + b + " " + c + " " + d + "\n");
    const auto repeats = Repeats(text);
    REQUIRE(repeats.size() == 1);
    CHECK(Bytes(text, repeats[0].copy_start, repeats[0].copy_end) == a + " " + b);
  }
  SUBCASE("glued, with nothing between the sentences") {
    const std::string text = "Judul\n" + a + b + c + a + b + d + "\n";
    CHECK(Cleaned(text) == "Judul\n" + a + b + c + d + "\n");
  }
  SUBCASE("with one word edited in the second copy, when the copy stays within Jaccard 0.8") {
    // a and b hold 25 words, 23 word 3-grams; one word edited changes 3 of them: J = 20/26 =
    // 0.77, too far to remove. With the next sentence too (33 words, 31 3-grams): 28/34 = 0.82.
    std::string edited = b;
    edited.replace(edited.find("pekan"), 5, "minggu");
    const std::string two = "Judul\n" + a + " " + b + " " + c + " " + d + " " + a + " " + edited + "\n";
    CHECK(Repeats(two).empty());
    const std::string three = "Judul\n" + a + " " + b + " " + c + " " + d + " " + a + " " + edited + " " + c + "\n";
    CHECK(Cleaned(three) == "Judul\n" + a + " " + b + " " + c + " " + d + "\n");
    const auto repeats = Repeats(three);
    REQUIRE(repeats.size() == 1);
    CHECK(repeats[0].similarity == doctest::Approx(28.0 / 34.0));
  }
}

TEST_CASE("a caption printed twice in a row inside a line loses its second copy") {
  const std::string caption = "Tahan imbang Arsenal (Ilustrasi).";
  const std::string rest = "Pertandingan berakhir tanpa gol di London tadi malam.";
  SUBCASE("no space between the copies") {
    CHECK(Cleaned(caption + caption + rest + "\n") == caption + rest + "\n");
  }
  SUBCASE("a space between the copies") {
    CHECK(Cleaned(caption + " " + caption + " " + rest + "\n") == caption + " " + rest + "\n");
  }
  SUBCASE("a caption without a full stop, inside a sentence") {
    const std::string text = "Foto: Dok. Humas Polri Foto: Dok. Humas Polri Jakarta - Polisi menangkap dua orang.\n";
    CHECK(Cleaned(text) == "Foto: Dok. Humas Polri Jakarta - Polisi menangkap dua orang.\n");
  }
  SUBCASE("two words printed twice are not a tandem") {
    const std::string text = "New York, New York is the song he sang at the end of the show.\n";
    CHECK(Repeats(text).empty());
  }
}

TEST_CASE("a body pasted twice with the copies fused into one word keeps that word") {
  const std::string body =
      "Korut sedang bersiap meluncurkan satelit mata-mata. Korsel mengatakan pekan lalu hal itu. "
      "Militer Korsel siaga sejak hari Senin kemarin";
  const std::string text = "Judul\n" + body + body + "\nEditor: Redaksi\n";
  // "kemarinKorut" stays whole; the rest of the second copy goes.
  CHECK(Cleaned(text) == "Judul\n" + body + "Korut\nEditor: Redaksi\n");
  const auto repeats = Repeats(text);
  REQUIRE(repeats.size() == 1);
  const std::string removed = Bytes(text, repeats[0].start, repeats[0].end);
  const std::string copy = Bytes(text, repeats[0].copy_start, repeats[0].copy_end);
  CHECK(removed == body.substr(body.find(" sedang")));
  // The copy ends inside "kemarinKorut", after "kemarin": the removal repeats it exactly.
  CHECK(copy == body.substr(body.find("sedang")));
  CHECK(repeats[0].similarity == 1.0);
}

TEST_CASE("a whole line repeated away from its copy goes from 20 words, stays when shorter") {
  const std::string other = "Warga antre di stasiun pengisian sejak pagi hari.";
  SUBCASE("21 words: a paragraph scraped twice") {
    const std::string line =
        "Pemerintah akan menaikkan harga bahan bakar mulai bulan depan di seluruh negeri, kata menteri energi "
        "dalam jumpa pers di Jakarta kemarin.";
    CHECK(Cleaned(line + "\n" + other + "\n" + line + "\n") == line + "\n" + other + "\n");
  }
  SUBCASE("11 words: a line that reference text repeats for every item it lists") {
    const std::string line = "Return 0 on success, or a negative error in case of failure.";
    const std::string text = line + "\n" + other + "\n" + line + "\n";
    CHECK(Cleaned(text) == text);
  }
  SUBCASE("short lines") {
    CHECK(Repeats("Baca juga\n" + other + "\nBaca juga\n").empty());
  }
  SUBCASE("a formula its author writes three times stays, however long") {
    const std::string line =
        "The value of this field is usually extracted from the changelog file of the package as it was uploaded "
        "to the archive.";
    const std::string text = line + "\n" + other + "\n" + line + "\nMore text here.\n" + line + "\n";
    CHECK(Cleaned(text) == text);
  }
}

TEST_CASE("a list entry whose label repeats and whose description differs stays whole") {
  // The label line repeats the end of an earlier label; the description after it is only 9 of 15
  // word 3-grams alike (J = 0.6), so it does not verify. Alone, a 4-word line away from its copy is
  // no fault: nothing of the entry goes (the man page dir_colors(5) has this shape).
  const std::string text =
      "STICKY_OTHER_WRITABLE color-sequence\n"
      "Specifies the color used for an other-writable directory with the executable attribute set.\n"
      "Synonym: OWT.\n"
      "OTHER_WRITABLE color-sequence\n"
      "Specifies the color used for an other-writable directory without the executable attribute set.\n"
      "Synonym: OWR.\n";
  CHECK(Repeats(text).empty());
}

TEST_CASE("a body pasted again inside an unfinished sentence loses its whole sentences, not that one") {
  // The scraper glued the second copy after "compression:", so the copy's first sentence is fused
  // into the first copy's last one, which therefore stays. What follows it repeats the first copy
  // from "It extracts" on, to the line's end ("compression:", the start of the fused sentence):
  // that goes, with the space before it.
  const std::string body =
      "A small wrapper around the database with a simple interface and support for threads: By default, "
      "errors are reported in full. It extracts and prints the outer stack to the error log. Features "
      "include: * Values can be any objects that pickle supports. * Support for many tables living in the "
      "same database file. * Support for access from many threads to one connection. * Support for custom "
      "serialization or compression:";
  const std::string text = "Title of the package\n" + body + " " + body + "\n";
  const std::string removed =
      " It extracts and prints the outer stack to the error log. Features include: * Values can be any objects "
      "that pickle supports. * Support for many tables living in the same database file. * Support for access "
      "from many threads to one connection. * Support for custom serialization or compression:";
  const size_t at = text.find(removed, text.find(body) + body.size());
  REQUIRE(at != std::string::npos);
  CHECK(Cleaned(text) == text.substr(0, at) + text.substr(at + removed.size()));
}

TEST_CASE("adjacent lines that differ in one word keep their identical tails") {
  // The two URLs differ in "pl"/"py"; "?" glued to a capital splits each line in two, and the
  // identical tail alone is no fault: a 6-word sentence whose copy is not directly before it.
  const std::string text =
      "+ \"http://www.example.org/cgi-bin/program.pl?VAR1=VAL1&VAR2=VAL2&VAR3=VAL3\"\n"
      "+ \"http://www.example.org/cgi-bin/program.py?VAR1=VAL1&VAR2=VAL2&VAR3=VAL3\"\n";
  CHECK(Repeats(text).empty());
}

TEST_CASE("a line of code after its copy that differs in its closing punctuation stays") {
  // httplib2's README: the second call continues with more arguments; only "," and ")" differ.
  const std::string text =
      "(resp, content) = h.request(\"http://bitworking.org/\", \"GET\")\n...\n"
      "(resp, content) = h.request(\"http://bitworking.org/\", \"GET\",\n"
      "                            headers={'cache-control':'no-cache'})\n";
  CHECK(Repeats(text).empty());
}

// Technical text repeats words back to back where nothing was printed twice: each of these lost
// its second copy to the tandem rule on real files of /usr/share/doc and Debian's man pages.
TEST_CASE("a link label followed by its anchor is not a tandem") {
  // The anchor joins the label's words with '-' and stands after "](#": neither the same bytes nor
  // a separator of sentences (nodejs' CONTRIBUTING.md).
  const std::string text = "* [Code of Conduct](#code-of-conduct)\n* [Issues](#issues)\n";
  CHECK(Repeats(text).empty());
}

TEST_CASE("a reference label followed by its target is not a tandem") {
  // The same bytes, but "]: " joins a label to its target (git's documentation).
  const std::string text = "[Documentation/gittutorial.txt]: Documentation/gittutorial.txt\n";
  CHECK(Repeats(text).empty());
}

TEST_CASE("a file name followed by a longer file name is not a tandem") {
  // "objs/foo.o" is the start of the token "objs/foo.o.bu": the second copy would end inside it.
  const std::string text = "objs/foo.o objs/foo.o.bu are what the build leaves behind.\n";
  CHECK(Repeats(text).empty());
}

TEST_CASE("a name followed by its address is not a tandem") {
  // " <" is no separator of sentences, and "jean-louis.fuchs" joins the words (libdbus' AUTHORS).
  const std::string text = "Jean-Louis Fuchs <jean-louis.fuchs@example.org>\n";
  CHECK(Repeats(text).empty());
}

TEST_CASE("a name made of joined words followed by the same words apart is not a tandem") {
  // The NAME line of feature_test_macros(7): one token, then three words after " - ".
  const std::string text = "feature_test_macros - feature test macros\n";
  CHECK(Repeats(text).empty());
}

TEST_CASE("a path printed twice with a dot between the copies is one path, not a tandem") {
  // Without whitespace between them, the copies are a tandem only at a glue point, where the
  // second starts a sentence; here they are the parts of one dotted name.
  const std::string text = "alpha.beta.gamma.alpha.beta.gamma is the full name of the key.\n";
  CHECK(Repeats(text).empty());
}

TEST_CASE("a tandem followed by a comma and the rest of its sentence still goes") {
  // The second copy ends its token at ","; the copies stand apart by a space.
  const std::string text = "Foto Dok Humas Polri Foto Dok Humas Polri, Jakarta, 3 Desember.\n";
  CHECK(Cleaned(text) == "Foto Dok Humas Polri, Jakarta, 3 Desember.\n");
}

TEST_CASE("a line after its copy that differs in its leading punctuation stays") {
  // nsswitch.conf(5): "[!STATUS=ACTION]" negates "[STATUS=ACTION]"; the words alone are alike.
  const std::string text = "[STATUS=ACTION]\n[!STATUS=ACTION]\n";
  CHECK(Repeats(text).empty());
}

TEST_CASE("a sentence restated away from its copy stays however it is wrapped") {
  // Text wrapped by hand cuts the sentence after "If any of" in its second copy: two units, but
  // one sentence of 16 words, restated (the X Record extension's protocol text). A single
  // sentence away from its copy is writing.
  const std::string text =
      "If any of the values in element-header or ranges is invalid, a \"Value\" error\n"
      "results. Duplicate items in the list are ignored.\n"
      "\n"
      "This request changes the set of clients and protocol ranges of the context.\n"
      "\n"
      "If context does not name a valid RC, a \"RecordContext\" error results. If any of\n"
      "the values in element-header or ranges is invalid, a \"Value\" error results.\n";
  CHECK(Repeats(text).empty());
}

TEST_CASE("two sentences restated away from their copy go however they are wrapped") {
  // Two sentences (24 words) in both copies, wrapped at different words: a passage pasted again.
  const std::string first =
      "The scraper copies every paragraph of the page into the record. Nobody checks\n"
      "whether the same paragraph was already copied into the same record before.\n";
  const std::string second =
      "The scraper copies every paragraph of the page into the\n"
      "record. Nobody checks whether the same paragraph was already copied into the same record before.\n";
  const std::string other = "Editors read the records every morning and fix what they find.\n";
  CHECK(Cleaned(first + other + second) == first + other);
}

TEST_CASE("a sentence wrapped across lines is not removed in part") {
  // The first line of the second paragraph repeats, two sentences of 16 words; but its second
  // sentence goes on in the next line, which differs. Removing the line would leave "starts with a
  // semicolon, ..." without the start of its sentence.
  const std::string text =
      "The parser reads the whole file line by line. It stops at the first line that\n"
      "starts with a hash sign, and reports the number of lines it read.\n"
      "\n"
      "Options change what it does with comments.\n"
      "\n"
      "The parser reads the whole file line by line. It stops at the first line that\n"
      "starts with a semicolon, and nothing after that line is read.\n";
  CHECK(Repeats(text).empty());
}

TEST_CASE("the copy of a passage found inside a paragraph is the copied sentences, not their neighbours") {
  // Defect: the copy was projected to the repeat's ends, so the markup around the repeat ("<p>",
  // "</p>") pulled in the last word of the sentence before the copy and the first of the one after.
  const std::string source =
      "Readers ask for this every week. Alpha beta gamma delta epsilon zeta eta theta iota kappa. "
      "Lambda mu nu xi omicron pi rho sigma tau upsilon. Closing words follow now.\n";
  const std::string other = "An unrelated line stands between the two copies here.\n";
  const std::string repeat =
      "<p>Alpha beta gamma delta epsilon zeta eta theta iota kappa. Lambda mu nu xi omicron pi rho sigma tau "
      "upsilon.</p>\n";
  const std::string text = source + other + repeat;
  const auto repeats = Repeats(text);
  REQUIRE(repeats.size() == 1);
  CHECK(repeats[0].start == source.size() + other.size());
  CHECK(repeats[0].end == text.size());
  CHECK(Bytes(text, repeats[0].copy_start, repeats[0].copy_end) ==
        "Alpha beta gamma delta epsilon zeta eta theta iota kappa. Lambda mu nu xi omicron pi rho sigma tau upsilon.");
  // 22 words and 20 word 3-grams against 20 words and 18 3-grams, all 18 shared.
  CHECK(repeats[0].similarity == doctest::Approx(18.0 / 20.0));
}

TEST_CASE("a copy that starts inside a sentence keeps the punctuation its first word carries") {
  // Defect: the copy began one byte after "(" (and after "<" of "<code>"), while the removed line
  // begins with it.
  const std::string source =
      "We said that (alpha beta gamma delta epsilon zeta eta theta iota kappa). "
      "Lambda mu nu xi omicron pi rho sigma tau upsilon.\n";
  const std::string other = "An unrelated line stands between the two copies here.\n";
  const std::string repeat =
      "(alpha beta gamma delta epsilon zeta eta theta iota kappa). Lambda mu nu xi omicron pi rho sigma tau upsilon.\n";
  const std::string text = source + other + repeat;
  const auto repeats = Repeats(text);
  REQUIRE(repeats.size() == 1);
  CHECK(repeats[0].start == source.size() + other.size());
  CHECK(repeats[0].copy_start == source.find("(alpha"));
  CHECK(Bytes(text, repeats[0].copy_start, repeats[0].copy_end) == repeat.substr(0, repeat.size() - 1));
  CHECK(repeats[0].similarity == 1.0);
}

TEST_CASE("a document that restates itself in three separate places keeps every restatement, reported") {
  // Each pair of sentences is a fault on its own (16 words, two sentences, away from its copy). A
  // scraper pastes a passage once or twice; a manual restates its sentences entry after entry.
  const std::string a = "The value is read once at start. It is never read again while the program runs.\n";
  const std::string b = "Writes to this file are ignored by the kernel. They succeed and change nothing at all here.\n";
  const std::string c = "The file is empty unless the feature is enabled. Reading it then gives one line per entry.\n";
  const auto filler = [](const std::string& word, int n) {
    std::string line;
    for (int i = 0; i < n; ++i) line += word + std::to_string(i) + (i + 1 < n ? " " : ".\n");
    return line;
  };
  const std::string f1 = filler("first", 20), f2 = filler("second", 20), f3 = filler("third", 60);
  const std::string f4 = filler("fourth", 20), f5 = filler("fifth", 60);
  SUBCASE("three restatements on three diagonals: reported, none removed") {
    // c repeats before a and b (its copy lies after theirs), and f5 puts over 400 bytes more
    // between the copies of b than between those of a.
    const std::string text = a + f1 + b + f2 + c + f3 + c + f4 + a + f5 + b;
    const auto repeats = Repeats(text);
    REQUIRE(repeats.size() == 3);
    for (const PassageFinding& r : repeats) CHECK_FALSE(r.removed);
    CHECK(Cleaned(text) == text);
  }
  SUBCASE("two restatements: both removed") {
    const std::string text = a + f1 + b + f2 + c + f3 + a + f5 + b;
    CHECK(Cleaned(text) == a + f1 + b + f2 + c + f3 + f5);
  }
  SUBCASE("a passage pasted again with a line inserted is one restatement, whatever its parts") {
    // a, b and c pasted again in order with a line inside: one copy on one diagonal.
    const std::string text = a + b + c + f2 + f3 + a + b + f1 + c;
    CHECK(Cleaned(text) == a + b + c + f2 + f3 + f1);
  }
}

}  // namespace neardup
