#include "neardup/quality/synth.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/quality/synth_base.h"
#include "neardup/quality/synth_doc.h"
#include "neardup/quality/synth_glued.h"
#include "neardup/quality/synth_natural.h"
#include "neardup/quality/synth_plan.h"
#include "neardup/quality/synth_text.h"
#include "synthetic_base.h"

namespace neardup {
namespace {

SynthOptions TestOptions(uint64_t seed) {
  SynthOptions o;
  o.seed = seed;
  o.max_base = 300;
  o.reserve = 40;
  o.sources = 2;
  // Higher than the defaults so that a small corpus has every injection many times.
  o.exact_rate = 0.1;
  o.near_rate = 0.3;
  o.truncated_rate = 0.2;
  o.pasted_rate = 0.15;
  o.glued_rate = 0.2;
  o.caption_rate = 0.15;
  o.near_paragraph_rate = 0.3;
  o.template_rate = 0.5;
  o.glued_rate = 0.3;
  o.tandem_rate = 0.2;
  o.glued_boilerplate_rate = 0.8;
  o.restated_quote_rate = 0.3;
  o.rhetoric_rate = 0.3;
  o.label_list_rate = 0.3;
  return o;
}

const SynthCorpus& Corpus() {
  static const SynthCorpus corpus = [] {
    absl::StatusOr<SynthCorpus> c = Synthesize(testing::SyntheticBase(400, 11), TestOptions(5));
    REQUIRE(c.ok());
    return *std::move(c);
  }();
  return corpus;
}

std::vector<std::string_view> LinesOf(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < text.size();) {
    const size_t nl = text.find('\n', pos);
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

bool HasEarlierLine(std::string_view text, uint64_t before, std::string_view line) {
  for (const std::string_view l : LinesOf(text.substr(0, before))) {
    if (l == line) return true;
  }
  return false;
}

double BestSimilarity(std::string_view text, std::string_view line) {
  double best = 0.0;
  for (const std::string_view l : LinesOf(text)) best = std::max(best, LineSimilarity(l, line));
  return best;
}

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// The line of `text` that holds byte `at`, without its terminator.
std::string_view LineAround(std::string_view text, uint64_t at) {
  const size_t start = at == 0 ? 0 : text.rfind('\n', at - 1) + 1;  // npos + 1 == 0
  size_t end = text.find('\n', at);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(start, end - start);
}

// A span inside a line follows the byte conventions of removed sentence pieces: followed by more
// of its line it takes the whitespace after it (and starts at a sentence start); as the line's
// last piece it ends at the terminator and may take the whitespace before it.
void CheckInlineSpan(const TruthSpan& s, std::string_view text) {
  const std::string_view span = text.substr(s.start, s.end - s.start);
  CAPTURE(span);
  CHECK(span.find('\n') == std::string_view::npos);
  if (s.ambiguous) return;  // from the joint to the first sentence end, spaces included
  REQUIRE(s.end < text.size());
  if (text[s.end] == '\n') {
    CHECK(span.back() != ' ');
  } else {
    CHECK(span.front() != ' ');
    CHECK(text[s.end] != ' ');  // every space after the piece is in the span
  }
}

// What a labelled span must contain, checked against the text alone.
void CheckSpan(const TruthSpan& s, const TruthDocument& d, const std::string& text,
               const SourceProfile& site, const std::map<std::string, const std::string*>& texts) {
  CAPTURE(InjectionName(s.injection));
  REQUIRE(s.end <= text.size());
  REQUIRE(s.start < s.end);
  const bool inline_span = s.injection == Injection::kGluedBody || s.injection == Injection::kTandemCaption ||
                           s.injection == Injection::kGluedBoilerplate ||
                           s.injection == Injection::kFusedBoilerplate;
  if (inline_span) {
    CheckInlineSpan(s, text);
  } else {
    CHECK((s.start == 0 || text[s.start - 1] == '\n'));
    CHECK(text[s.end - 1] == '\n');
  }
  const std::string_view span(text.data() + s.start, s.end - s.start - (inline_span ? 0 : 1));
  const std::string_view inner = Trimmed(span);
  switch (s.injection) {
    case Injection::kPastedBody:
    case Injection::kCaption:
      CHECK(HasEarlierLine(text, s.start, span));
      break;
    case Injection::kGluedBody:
      CHECK(d.glued);
      // The second copy, or its tail after an ambiguous start, repeats text of the same line.
      if (!s.ambiguous) {
        // The first copy, less what was glued into it.
        const std::string_view line = LineAround(text, s.start);
        const size_t line_start = static_cast<size_t>(line.data() - text.data());
        std::string first;
        for (size_t b = line_start; b < s.start; ++b) {
          bool other = false;
          for (const TruthSpan& o : d.spans) {
            other = other || (o.kind() == SpanKind::kBoilerplate && o.start <= b && b < o.end);
          }
          if (!other) first += text[b];
        }
        // A sentence glued in with a space before it leaves that space behind: compare words.
        std::string words(inner);
        std::erase(first, ' ');
        std::erase(words, ' ');
        CHECK(first.find(words) != std::string::npos);
      }
      break;
    case Injection::kTandemCaption: {
      // Right after its first copy, with at most a space between them.
      std::string_view first = std::string_view(text).substr(0, s.start + static_cast<size_t>(inner.data() - span.data()));
      if (!first.empty() && first.back() == ' ') first.remove_suffix(1);
      REQUIRE(first.size() >= inner.size());
      CHECK(first.substr(first.size() - inner.size()) == inner);
      CHECK(inner.find(" (") != std::string_view::npos);
      CHECK(WordCount(inner) >= 3);
      break;
    }
    case Injection::kGluedBoilerplate:
      CHECK(d.glued);
      CHECK((inner == site.top_line || inner == site.bottom_line));
      break;
    case Injection::kFusedBoilerplate:
      CHECK(d.glued);
      CHECK((inner == site.top_line || inner == site.bottom_line));
      REQUIRE(s.start >= 6);
      CHECK(text[s.start - 1] == ')');
      CHECK(text.substr(s.start - 6, 2) == " (");
      CHECK(text[s.end] == '\n');
      break;
    case Injection::kNearParagraph: {
      const double similarity = BestSimilarity(text.substr(0, s.start), span);
      CHECK(similarity >= 0.85);
      CHECK(similarity < 1.0);
      break;
    }
    case Injection::kBoilerplateLine:
      CHECK((span == site.top_line || span == site.bottom_line));
      break;
    case Injection::kTemplateLine:
      CHECK(span.substr(0, site.template_prefix.size() + 1) == site.template_prefix + " ");
      break;
    case Injection::kCopiedLine:
      CHECK(d.status == DocStatus::kKept);
      CHECK(BestSimilarity(*texts.at(d.of), span) >= (s.ambiguous ? 0.5 : 0.8));
      break;
  }
}

std::vector<std::string> LowerWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : std::string(text) + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

// A run of k >= 3 words that occurs twice in `words` with other words between the two.
bool RepeatsPhraseApart(const std::vector<std::string>& words) {
  for (size_t k = 3; k <= 6; ++k) {
    for (size_t i = 0; i + k <= words.size(); ++i) {
      for (size_t j = i + k + 1; j + k <= words.size(); ++j) {
        if (std::equal(words.begin() + i, words.begin() + i + k, words.begin() + j)) return true;
      }
    }
  }
  return false;
}

// What a natural span must be: repetition of the document's own text that the rules keep.
void CheckNatural(const NaturalSpan& n, const TruthDocument& d, const std::string& text) {
  CAPTURE(NaturalName(n.kind));
  REQUIRE(n.start < n.end);
  REQUIRE(n.end <= text.size());
  const std::string_view span = Trimmed(std::string_view(text).substr(n.start, n.end - n.start));
  CAPTURE(span);
  CAPTURE(n.start);
  switch (n.kind) {
    case Natural::kRestatedQuote: {
      // Said once before, not right before it, and inside a line that has other sentences.
      const size_t earlier = text.find(span);
      REQUIRE(earlier < n.start);
      CHECK(Trimmed(std::string_view(text).substr(earlier + span.size(), n.start - earlier - span.size())).size() > 0);
      CHECK(LineAround(text, n.start).size() > span.size());
      CHECK(text.find(span, earlier + 1) == n.start);  // exactly twice
      break;
    }
    case Natural::kRhetoric:
      CHECK(span.substr(0, span.size() - 1).find_first_of(".!?") == std::string_view::npos);
      CHECK(RepeatsPhraseApart(LowerWords(span)));
      break;
    case Natural::kLabelList:
    case Natural::kGluedList: {
      CHECK(d.glued == (n.kind == Natural::kGluedList));
      std::vector<std::string> items;
      std::string_view rest = span;
      const char separator = n.kind == Natural::kGluedList ? ';' : '\n';
      while (!rest.empty()) {
        const size_t cut = std::min(rest.find(separator), rest.size());
        if (rest.substr(0, 2) == "- ") items.emplace_back(rest.substr(0, cut));
        rest.remove_prefix(std::min(cut + 1, rest.size()));
      }
      REQUIRE(items.size() >= 3);
      // The same label after the number, different values.
      const std::vector<std::string> first = LowerWords(items[0]);
      for (size_t i = 1; i < items.size(); ++i) {
        const std::vector<std::string> words = LowerWords(items[i]);
        REQUIRE(words.size() == first.size());
        CHECK(words[1] == first[1]);
        CHECK(words[2] == first[2]);
        CHECK(LineSimilarity(items[i], items[0]) < 0.5);
      }
      break;
    }
  }
}

}  // namespace

TEST_CASE("the same seed gives the same bytes, another seed other bytes") {
  const std::vector<std::string> base = testing::SyntheticBase(200, 3);
  SynthOptions options = TestOptions(9);
  options.max_base = 150;
  const absl::StatusOr<SynthCorpus> a = Synthesize(base, options);
  const absl::StatusOr<SynthCorpus> b = Synthesize(base, options);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(CorpusJsonl(*a) == CorpusJsonl(*b));
  CHECK(CorpusTruthJson(*a, options) == CorpusTruthJson(*b, options));
  options.seed = 10;
  const absl::StatusOr<SynthCorpus> c = Synthesize(base, options);
  REQUIRE(c.ok());
  CHECK(CorpusJsonl(*a) != CorpusJsonl(*c));
}

TEST_CASE("every injection appears, and every labelled span holds exactly what it says") {
  const SynthCorpus& c = Corpus();
  for (int i = 0; i < kNumInjections; ++i) {
    CAPTURE(InjectionName(static_cast<Injection>(i)));
    CHECK(c.stats.spans[i] > 5);
  }
  for (int i = 0; i < kNumNatural; ++i) {
    CAPTURE(NaturalName(static_cast<Natural>(i)));
    CHECK(c.stats.natural[i] > 5);
  }
  const std::vector<SourceProfile> sources = MakeSources(2);
  std::map<std::string, const std::string*> texts;
  for (const SynthDocument& doc : c.documents) texts[doc.id] = &doc.text;
  REQUIRE(c.truth.documents.size() == c.documents.size());
  for (size_t i = 0; i < c.documents.size(); ++i) {
    const TruthDocument& d = c.truth.documents[i];
    const std::string& text = c.documents[i].text;
    CAPTURE(text);
    CHECK(d.bytes == text.size());
    const SourceProfile& site = d.source == sources[0].name ? sources[0] : sources[1];
    uint64_t previous_end = 0;
    for (const TruthSpan& s : d.spans) {
      CHECK(s.start >= previous_end);  // ascending and disjoint
      previous_end = s.end;
      CheckSpan(s, d, text, site, texts);
    }
  }
}

TEST_CASE("natural negatives carry no span and hold the repetition their kind names") {
  const SynthCorpus& c = Corpus();
  for (size_t i = 0; i < c.documents.size(); ++i) {
    const TruthDocument& d = c.truth.documents[i];
    const std::string& text = c.documents[i].text;
    CAPTURE(text);
    uint64_t previous_end = 0;
    for (const NaturalSpan& n : d.natural) {
      CHECK(n.start >= previous_end);
      previous_end = n.end;
      for (const TruthSpan& s : d.spans) CHECK((s.end <= n.start || n.end <= s.start));
      CheckNatural(n, d, text);
    }
  }
}

TEST_CASE("glued documents come in every length, many under 1,000 bytes") {
  const SynthCorpus& c = Corpus();
  CHECK(c.stats.glued_short > 0);  // the test base is long; on Debian's descriptions about half are
  CHECK(c.stats.glued > c.stats.glued_short);
  uint64_t glued = 0;
  const std::vector<SourceProfile> sources = MakeSources(2);
  for (size_t i = 0; i < c.documents.size(); ++i) {
    const TruthDocument& d = c.truth.documents[i];
    if (!d.glued) continue;
    ++glued;
    // The headline, then the whole body on one line; the rest is site furniture.
    const SourceProfile& site = d.source == sources[0].name ? sources[0] : sources[1];
    size_t body_lines = 0;
    const std::vector<std::string_view> lines = LinesOf(c.documents[i].text);
    for (size_t k = 1; k < lines.size(); ++k) {
      const bool furniture = lines[k] == site.top_line || lines[k] == site.bottom_line ||
                             lines[k].substr(0, site.template_prefix.size()) == site.template_prefix;
      if (!furniture) ++body_lines;
    }
    CHECK(body_lines == 1);
  }
  CHECK(glued == c.stats.glued);
}

TEST_CASE("no unlabelled line repeats an earlier line or is site furniture") {
  const SynthCorpus& c = Corpus();
  const std::vector<SourceProfile> sources = MakeSources(2);
  for (size_t i = 0; i < c.documents.size(); ++i) {
    const std::string& text = c.documents[i].text;
    // Near copies and reprints are edited, so the natural spans of their originals are not
    // carried over; a list's note line may repeat there unlabelled.
    const Origin origin = c.truth.documents[i].origin;
    const bool edited = origin == Origin::kNearCopy || origin == Origin::kTruncated;
    // Natural negatives repeat on purpose (a list's note line); they are checked above.
    std::vector<bool> labelled(text.size() + 1);
    for (const TruthSpan& s : c.truth.documents[i].spans) {
      for (uint64_t b = s.start; b < s.end; ++b) labelled[b] = true;
    }
    for (const NaturalSpan& n : c.truth.documents[i].natural) {
      for (uint64_t b = n.start; b < n.end; ++b) labelled[b] = true;
    }
    std::set<std::string_view> seen;
    size_t start = 0;
    for (const std::string_view line : LinesOf(text)) {
      if (!labelled[start]) {
        CAPTURE(line);
        CHECK((seen.insert(line).second || edited));
        for (const SourceProfile& site : sources) {
          CHECK(line != site.top_line);
          CHECK(line != site.bottom_line);
          CHECK(line.substr(0, site.template_prefix.size()) != site.template_prefix);
        }
      }
      start += line.size() + 1;
    }
  }
}

TEST_CASE("a copy's status follows its true Jaccard and the ambiguity bounds") {
  const SynthCorpus& c = Corpus();
  std::map<std::string, size_t> position;
  for (size_t i = 0; i < c.documents.size(); ++i) position[c.documents[i].id] = i;
  std::set<Origin> origins;
  for (size_t i = 0; i < c.documents.size(); ++i) {
    const TruthDocument& d = c.truth.documents[i];
    CHECK(d.id.size() == 16);
    if (d.origin == Origin::kBase) {
      CHECK(d.status == DocStatus::kKept);
      continue;
    }
    origins.insert(d.origin);
    REQUIRE(position.count(d.of) == 1);
    CHECK(position[d.of] < i);  // a copy comes after what it copies
    const std::string& original = c.documents[position[d.of]].text;
    CHECK(d.jaccard == doctest::Approx(DocumentSimilarity(c.documents[i].text, original)));
    if (d.origin == Origin::kExactCopy) CHECK(c.documents[i].text == original);
    const DocStatus expected = d.jaccard >= c.truth.ambiguous_high  ? DocStatus::kDuplicate
                               : d.jaccard >= c.truth.ambiguous_low ? DocStatus::kAmbiguous
                                                                    : DocStatus::kKept;
    CHECK(d.status == expected);
  }
  CHECK(origins.size() == 3);
  CHECK(position.size() == c.documents.size());  // ids are unique
}

TEST_CASE("the base filter admits only documents that share nothing findable") {
  const auto doc = [](std::string text) { return *ParseBaseDocument(text, 1); };
  BaseFilter filter({});
  filter.ReserveLine("SHARE");
  filter.ReserveOpening("Read also:");
  CHECK(filter.Admit(doc("Alpha beta gamma\nfirst line of words here in the body\n")));
  SUBCASE("a shared line, even differently spelled") {
    CHECK_FALSE(filter.Admit(doc("Other headline\nFirst line of words, here in the body!\n")));
  }
  SUBCASE("a line repeated inside the document") {
    CHECK_FALSE(filter.Admit(doc("Other headline\nsome words\nsome words\n")));
  }
  SUBCASE("a reserved line or opening") {
    CHECK_FALSE(filter.Admit(doc("Other headline\nSHARE\n")));
    CHECK_FALSE(filter.Admit(doc("Other headline\nRead also: something else\n")));
  }
  SUBCASE("a long line nearly equal to an admitted one") {
    CHECK(filter.Admit(doc("Delta\none two three four five six seven eight nine ten eleven twelve\n")));
    CHECK_FALSE(filter.Admit(doc("Epsilon\none two three four five six seven eight nine ten eleven zwölf\n")));
  }
  SUBCASE("a short line opening like two admitted ones") {
    CHECK(filter.Admit(doc("Python module for x\nbody one\n")));
    CHECK(filter.Admit(doc("Python module for y\nbody two\n")));
    CHECK_FALSE(filter.Admit(doc("Python module for z\nbody three\n")));
  }
  SUBCASE("an unrelated document") { CHECK(filter.Admit(doc("Zeta eta\ntheta iota kappa\n"))); }
}

TEST_CASE("a base document is a headline and its non-blank, trimmed lines") {
  const std::optional<BaseDocument> d = ParseBaseDocument("\n  Title \r\n\nbody one\n ... \n  body two\n", 2);
  REQUIRE(d.has_value());
  CHECK(d->headline == "Title");
  CHECK(d->lines == std::vector<std::string>{"body one", "body two"});
  CHECK(d->body_bytes() == 18);
  CHECK_FALSE(ParseBaseDocument("Title\nonly one line\n", 2).has_value());
}

TEST_CASE("too small a base is an error that says so") {
  const absl::StatusOr<SynthCorpus> c = Synthesize(testing::SyntheticBase(5, 1), SynthOptions{});
  REQUIRE_FALSE(c.ok());
  CHECK(std::string(c.status().message()).find("base documents") != std::string::npos);
}

TEST_CASE("Render puts each line on its own and labels line plus terminator") {
  std::vector<PlannedLine> lines(5);
  lines[0].text = "Head";
  lines[1].text = "body";
  lines[2].text = "body";
  lines[2].label = Injection::kPastedBody;
  lines[3].text = "tail";
  lines[4].text = "glued";
  lines[4].label = Injection::kGluedBody;
  lines[4].same_line = true;
  const RenderedDocument r = Render(lines);
  CHECK(r.text == "Head\nbody\nbody\ntailglued\n");
  REQUIRE(r.spans.size() == 2);
  CHECK(r.spans[0].start == 10);
  CHECK(r.spans[0].end == 15);  // "body\n"
  CHECK(r.spans[1].start == 19);
  CHECK(r.spans[1].end == 24);  // "glued": the newline stays with the line's first part
}

}  // namespace neardup

namespace neardup {

TEST_CASE("clean sentence ends: a terminator after a word, four words in, before a capital or the end") {
  struct Case {
    const char* line;
    std::vector<size_t> ends;
  };
  const Case cases[] = {
      {"This is a sentence. And another one here.", {19, 41}},
      {"Sentence one is here.Sentence two is here.", {21, 42}},  // glued to a capital
      {"See e.g. the manual. Next part is here.", {20, 39}},      // "e.g." is no end
      {"It was made in the U.S. Then it left.", {37}},            // nor an initial
      {"Three word sentence. Another three words.", {41}},        // too short to end
      {"Ends with etc. Then more words follow here.", {43}},      // an abbreviation
      {"The first one ends here. the next is lowercase.", {47}},  // no capital after it
      {"No terminator at all here", {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    CHECK(CleanEnds(c.line) == c.ends);
  }
  CHECK(StrictSentences("This is a sentence. And another one here.") ==
        std::vector<std::pair<size_t, size_t>>{{0, 19}, {20, 41}});
  CHECK(StrictSentences("See e.g. the manual. Next part is here.") ==
        std::vector<std::pair<size_t, size_t>>{{21, 39}});
}

TEST_CASE("a glued line: boilerplate glued after a sentence end and fused to a closing token, body pasted twice") {
  std::vector<NaturalLine> lines(2);
  lines[0].text.text = "First sentence is here.";
  lines[1].text.text = "Second one is there.";
  GluedRequest r;
  r.spaced = false;
  r.pasted = true;
  r.mid_item = "Comments are closed.";
  r.end_item = "SHARE";
  r.end_fused = true;
  r.token = "ren";
  SynthRandom random(1);
  const GluedLine g = BuildGluedLine(lines, r, random);
  CHECK(g.line.text ==
        "First sentence is here.Comments are closed.Second one is there."
        "First sentence is here.Second one is there. (ren)SHARE");
  CHECK(g.mid_placed);
  CHECK(g.end_placed);
  REQUIRE(g.line.spans.size() == 3);
  CHECK(g.line.spans[0].injection == Injection::kGluedBoilerplate);
  CHECK(g.line.spans[0].start == 23);  // "Comments are closed."
  CHECK(g.line.spans[0].end == 43);
  CHECK(g.line.spans[1].injection == Injection::kGluedBody);
  CHECK(g.line.spans[1].start == 63);  // the second copy and the space after it
  CHECK(g.line.spans[1].end == 107);
  CHECK_FALSE(g.line.spans[1].ambiguous);
  CHECK(g.line.spans[2].injection == Injection::kFusedBoilerplate);
  CHECK(g.line.spans[2].start == 112);  // "SHARE": the token stays
  CHECK(g.line.spans[2].end == 117);
}

TEST_CASE("a glued line: a caption printed twice in a row, boilerplate after the last sentence") {
  std::vector<NaturalLine> lines(1);
  lines[0].text.text = "First sentence is here and now.";
  GluedRequest r;
  r.caption = "Big news today (Foto).";
  r.caption_spaced = true;
  r.end_item = "Comments are closed.";
  r.end_spaced = true;
  SynthRandom random(1);
  const GluedLine g = BuildGluedLine(lines, r, random);
  CHECK(g.line.text ==
        "Big news today (Foto). Big news today (Foto). First sentence is here and now. Comments are closed.");
  REQUIRE(g.line.spans.size() == 2);
  CHECK(g.line.spans[0].injection == Injection::kTandemCaption);
  CHECK(g.line.spans[0].start == 23);  // the second copy and the space after it
  CHECK(g.line.spans[0].end == 46);
  CHECK(g.line.spans[1].injection == Injection::kGluedBoilerplate);
  CHECK(g.line.spans[1].start == 77);  // the last piece takes the space before it
  CHECK(g.line.spans[1].end == 98);
}

TEST_CASE("a glued body pasted twice where no sentence ends at the joint: its first words are ambiguous") {
  std::vector<NaturalLine> lines(2);
  lines[0].text.text = "Alpha beta gamma delta.";
  lines[1].text.text = "Epsilon zeta eta theta iota";
  GluedRequest r;
  r.pasted = true;
  SynthRandom random(1);
  const GluedLine g = BuildGluedLine(lines, r, random);
  CHECK(g.line.text == "Alpha beta gamma delta. Epsilon zeta eta theta iota"
                       "Alpha beta gamma delta. Epsilon zeta eta theta iota");
  REQUIRE(g.line.spans.size() == 2);
  CHECK(g.line.spans[0].ambiguous);  // "iotaAlpha" fuses: up to the copy's first sentence end
  CHECK(g.line.spans[0].start == 51);
  CHECK(g.line.spans[0].end == 75);
  CHECK_FALSE(g.line.spans[1].ambiguous);
  CHECK(g.line.spans[1].start == 75);
  CHECK(g.line.spans[1].end == 102);
}

TEST_CASE("natural negatives are made of the document's own sentences and words") {
  BaseDocument doc;
  doc.headline = "A headline of words";
  doc.lines = {"The committee approved the budget for next year. It was a long meeting indeed.",
               "Members argued about the schools and the roads. Nobody expected a quick vote.",
               "In the end the mayor spoke briefly about the plans. The session closed at noon."};
  const std::vector<std::string> foreign = {"green valleys stretch across the quiet northern region"};
  SynthRandom random(3);
  const NaturalDocument out = AddNaturalNegatives(doc, {1.0, 1.0, 1.0}, foreign, random);
  std::map<Natural, int> kinds;
  std::string text = out.headline + "\n";
  for (const NaturalLine& line : out.lines) {
    for (const NaturalSpan& n : line.text.natural) {
      ++kinds[n.kind];
      const std::string_view span = std::string_view(line.text.text).substr(n.start, n.end - n.start);
      if (n.kind == Natural::kRestatedQuote) {
        // One of the document's own sentences, said again.
        bool original = false;
        for (const std::string& l : doc.lines) original = original || l.find(span) != std::string::npos;
        CHECK(original);
      }
      if (n.kind == Natural::kRhetoric) CHECK(RepeatsPhraseApart(LowerWords(span)));
    }
  }
  CHECK(kinds[Natural::kRestatedQuote] == 1);
  CHECK(kinds[Natural::kRhetoric] == 1);
  CHECK(kinds[Natural::kLabelList] >= 3);  // one span per list line, merged when rendered
  CHECK(out.Plain().lines.size() == out.lines.size());
}

TEST_CASE("closing tokens differ between originals") {
  std::set<std::string> tokens;
  for (size_t i = 0; i < 5000; ++i) tokens.insert(ClosingToken(i));
  CHECK(tokens.size() == 5000);
  CHECK(ClosingToken(0).size() == 3);
}

TEST_CASE("the base filter refuses a document containing a sentence the generator glues into lines") {
  BaseFilter filter({});
  filter.ReserveSentence("Comments are closed.");
  const auto doc = [](std::string text) { return *ParseBaseDocument(text, 1); };
  CHECK_FALSE(filter.Admit(doc("Headline here\nSome text. Comments are closed. More text.\n")));
  CHECK(filter.Admit(doc("Headline here\nComments were closed for renovation.\n")));
}

}  // namespace neardup
