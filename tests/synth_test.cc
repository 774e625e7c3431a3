#include "neardup/quality/synth.h"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/quality/synth_base.h"
#include "neardup/quality/synth_doc.h"
#include "neardup/quality/synth_plan.h"
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

// What a labelled span must contain, checked against the text alone.
void CheckSpan(const TruthSpan& s, const TruthDocument& d, const std::string& text,
               const SourceProfile& site, const std::map<std::string, const std::string*>& texts) {
  CAPTURE(InjectionName(s.injection));
  REQUIRE(s.end <= text.size());
  REQUIRE(s.start < s.end);
  CHECK((s.start == 0 || text[s.start - 1] == '\n' || s.injection == Injection::kGluedBody));
  const bool glued = s.injection == Injection::kGluedBody;
  CHECK((glued ? text[s.end] == '\n' : text[s.end - 1] == '\n'));
  const std::string_view span(text.data() + s.start, s.end - s.start - (glued ? 0 : 1));
  switch (s.injection) {
    case Injection::kPastedBody:
    case Injection::kCaption:
      CHECK(HasEarlierLine(text, s.start, span));
      break;
    case Injection::kGluedBody:
      REQUIRE(s.start >= span.size());
      CHECK(std::string_view(text).substr(s.start - span.size(), span.size()) == span);
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

TEST_CASE("no unlabelled line repeats an earlier line or is site furniture") {
  const SynthCorpus& c = Corpus();
  const std::vector<SourceProfile> sources = MakeSources(2);
  for (size_t i = 0; i < c.documents.size(); ++i) {
    const std::string& text = c.documents[i].text;
    std::vector<bool> labelled(text.size() + 1);
    for (const TruthSpan& s : c.truth.documents[i].spans) {
      for (uint64_t b = s.start; b < s.end; ++b) labelled[b] = true;
    }
    std::set<std::string_view> seen;
    size_t start = 0;
    for (const std::string_view line : LinesOf(text)) {
      if (!labelled[start]) {
        CAPTURE(line);
        CHECK(seen.insert(line).second);
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
