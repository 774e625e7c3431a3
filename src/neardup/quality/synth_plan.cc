#include "neardup/quality/synth_plan.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_format.h"
#include "neardup/quality/synth_glued.h"

namespace neardup {
namespace {

// Invented site furniture. The base filter refuses base documents containing these lines or
// sentences, or short lines opening like these prefixes, so they can only be where synth put
// them. Top lines are share bars (no sentence end); bottom lines are sentences, so that they can
// be glued between two sentences of a glued line.
constexpr const char* kTopLines[] = {"SHARE",         "Bagikan :",   "Scroll to Top",
                                     "tulis komentar anda", "Advertisement", "Back to top",
                                     "Loading...",    "Sponsored content"};
constexpr const char* kBottomLines[] = {
    "Comments are closed.", "Kirim berita dan foto anda ke redaksi.", "All rights reserved.",
    "Berita terkait lainnya.", "Follow us on social media.",
    "Subscribe to our newsletter for the latest news.", "Print this page for later.",
    "Get the app for more stories."};
constexpr const char* kTemplatePrefixes[] = {"Baca Juga:", "Read also:", "See also:", "Read more:",
                                             "Lihat Juga:", "Also read:", "Related story:",
                                             "Simak juga:"};
constexpr const char* kCaptionPrefix = "Photo:";
constexpr const char* kTandemSuffixes[] = {"(Ilustrasi).", "(Foto).", "(Photo).", "(Dok)."};

// A paragraph repeated "with small edits" must stay clearly above the engine's passage
// threshold (0.8), or the label would be a coin toss.
constexpr size_t kNearParagraphWords = 30;
constexpr double kNearParagraphSimilarity = 0.85;
// Copied lines are certain duplicates at the engine's passage rule (8 words, 3-gram Jaccard
// 0.8) and ambiguous down to this similarity.
constexpr size_t kCopiedMinWords = 8;
constexpr double kCopiedSimilarity = 0.8;
constexpr double kCopiedAmbiguous = 0.5;
constexpr double kParagraphChangeRate = 0.2;  // near copies: drop one, add one

PlannedLine Line(std::string text) {
  PlannedLine line;
  line.text = std::move(text);
  return line;
}

PlannedLine Labelled(std::string text, Injection injection, double similarity = 1.0) {
  PlannedLine line = Line(std::move(text));
  line.label = injection;
  line.similarity = similarity;
  return line;
}

// A line of a copy derived from `origin`, a line of the copied document.
PlannedLine Copied(std::string text, const std::string& origin) {
  const double similarity = LineSimilarity(text, origin);
  PlannedLine line = Line(std::move(text));
  const bool long_enough = WordCount(line.text) >= kCopiedMinWords && WordCount(origin) >= kCopiedMinWords;
  if (similarity >= kCopiedSimilarity - 1e-12 && long_enough) {
    line.label = Injection::kCopiedLine;
  } else if (similarity >= kCopiedAmbiguous - 1e-12) {
    line.label = Injection::kCopiedLine;
    line.ambiguous = true;
  }
  line.similarity = similarity;
  return line;
}

std::string TemplateLine(const SourceProfile& source, const std::string& own_title,
                         const PlanContext& context, SynthRandom& random) {
  std::string title = context.titles[random.Below(context.titles.size())];
  if (title == own_title) title = context.titles[random.Below(context.titles.size())];
  std::string line = source.template_prefix;
  line += ' ';
  line += title;
  return line;
}

// Templated lines between body lines (never splitting a caption pair or a glued line).
// lines[0] is the headline.
void AddTemplates(std::vector<PlannedLine>& lines, size_t source, const PlanContext& context,
                  SynthRandom& random) {
  const SourceProfile& site = context.sources[source];
  const SynthOptions& o = context.options;
  if (random.Chance(o.template_rate)) {
    const int count = 1 + static_cast<int>(random.Below(2));
    for (int i = 0; i < count; ++i) {
      std::vector<size_t> places;
      for (size_t p = 2; p <= lines.size(); ++p) {
        if (p == lines.size() || (!lines[p].same_line && lines[p].label != Injection::kCaption && InsertableAt(lines, p))) {
          places.push_back(p);
        }
      }
      const size_t at = places[random.Below(places.size())];
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at),
                   Labelled(TemplateLine(site, lines[0].text, context, random), Injection::kTemplateLine));
    }
  }
}

void AddBoilerplateLines(std::vector<PlannedLine>& lines, const SourceProfile& site, bool top, bool bottom) {
  if (top) lines.insert(lines.begin() + 1, Labelled(site.top_line, Injection::kBoilerplateLine));
  if (bottom) lines.push_back(Labelled(site.bottom_line, Injection::kBoilerplateLine));
}

// Site furniture: templated lines, then boilerplate lines at the top and bottom.
void Decorate(std::vector<PlannedLine>& lines, size_t source, const PlanContext& context,
              SynthRandom& random) {
  AddTemplates(lines, source, context, random);
  const bool top = random.Chance(context.options.boilerplate_rate);
  const bool bottom = random.Chance(context.options.boilerplate_rate);
  AddBoilerplateLines(lines, context.sources[source], top, bottom);
}

PlannedLine Marked(const MarkedText& text) {
  PlannedLine line = Line(text.text);
  line.inner = text.spans;
  line.natural = text.natural;
  return line;
}

// "<3-5 plain words of the headline> (Foto)." or nothing when the headline has too few.
std::string TandemCaption(const std::string& headline, SynthRandom& random) {
  std::vector<std::string_view> words;
  for (const std::string_view w : SpaceWords(headline)) {
    if (IsPlainWord(w, 1)) words.push_back(w);
  }
  if (words.size() < 3) return "";
  const size_t count = std::min<size_t>(words.size(), 3 + random.Below(3));
  std::string caption;
  for (size_t i = 0; i < count; ++i) {
    caption += words[i];
    caption += ' ';
  }
  caption += kTandemSuffixes[random.Below(std::size(kTandemSuffixes))];
  return Capitalized(caption);
}

// A glued original: the headline, one line for the body with whatever is glued into it, the
// site furniture that found no place inside it on lines of its own.
OriginalPlan PlanGlued(const NaturalDocument& doc, size_t index, size_t source, const PlanContext& context,
                       SynthRandom& random) {
  const SynthOptions& o = context.options;
  const SourceProfile& site = context.sources[source];
  GluedRequest r;
  r.spaced = random.Chance(o.glued_space_rate);
  r.pasted = random.Chance(o.glued_pasted_rate);
  r.pasted_spaced = random.Chance(0.5);
  if (random.Chance(o.tandem_rate)) r.caption = TandemCaption(doc.headline, random);
  r.caption_spaced = random.Chance(0.5);
  const bool top = random.Chance(o.boilerplate_rate);
  const bool bottom = random.Chance(o.boilerplate_rate);
  const bool top_inside = top && random.Chance(o.glued_boilerplate_rate);
  const bool bottom_inside = bottom && random.Chance(o.glued_boilerplate_rate);
  // A share bar can only end the line; a sentence can go between two sentences or end it.
  const bool bottom_mid = bottom_inside && (top_inside || random.Chance(0.5));
  if (top_inside) r.end_item = site.top_line;
  if (bottom_mid) r.mid_item = site.bottom_line;
  if (bottom_inside && !bottom_mid) r.end_item = site.bottom_line;
  r.mid_spaced = random.Chance(0.5);
  r.end_fused = random.Chance(o.fused_rate);
  r.end_spaced = random.Chance(0.5);
  r.token = ClosingToken(index);
  const GluedLine glued = BuildGluedLine(doc.lines, r, random);
  OriginalPlan plan;
  plan.glued = true;
  plan.lines = {Line(doc.headline), Marked(glued.line)};
  AddTemplates(plan.lines, source, context, random);
  const bool top_placed = top_inside && glued.end_placed;
  const bool bottom_placed = bottom_inside && (bottom_mid ? glued.mid_placed : glued.end_placed);
  AddBoilerplateLines(plan.lines, site, top && !top_placed, bottom && !bottom_placed);
  return plan;
}

// Inserts after a later body line a copy of a long paragraph with one or two words changed.
void RepeatParagraphLater(std::vector<PlannedLine>& body, const PlanContext& context, SynthRandom& random) {
  std::vector<size_t> candidates;
  for (size_t i = 0; i + 1 < body.size(); ++i) {
    if (!body[i].label && WordCount(body[i].text) >= kNearParagraphWords) candidates.push_back(i);
  }
  if (candidates.empty()) return;
  const size_t i = candidates[random.Below(candidates.size())];
  const int edits = WordCount(body[i].text) >= 2 * kNearParagraphWords ? 2 : 1;
  for (int attempt = 0; attempt < 4; ++attempt) {
    std::string edited = SubstituteWords(body[i].text, edits, context.vocabulary, random);
    const double similarity = LineSimilarity(edited, body[i].text);
    if (similarity < kNearParagraphSimilarity || similarity >= 1.0) continue;
    size_t after = i + 1 + random.Below(body.size() - i - 1);
    while (!InsertableAt(body, after + 1)) ++after;  // a list's last line is always insertable after
    body.insert(body.begin() + static_cast<std::ptrdiff_t>(after + 1),
                Labelled(std::move(edited), Injection::kNearParagraph, similarity));
    return;
  }
}

// The body from a random line in its first half to its end, pasted again after a templated line.
void PasteTwice(std::vector<PlannedLine>& body, const std::string& headline, size_t source,
                const PlanContext& context, SynthRandom& random) {
  std::vector<size_t> content;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i].label != Injection::kCaption) content.push_back(i);
  }
  const size_t from = random.Below((content.size() + 1) / 2);
  std::vector<PlannedLine> copies;
  for (size_t k = from; k < content.size(); ++k) {
    copies.push_back(Labelled(body[content[k]].text, Injection::kPastedBody));
  }
  body.push_back(Labelled(TemplateLine(context.sources[source], headline, context, random),
                          Injection::kTemplateLine));
  body.insert(body.end(), copies.begin(), copies.end());
}

std::string EditHeadline(const std::string& headline, const PlanContext& context, SynthRandom& random) {
  if (WordCount(headline) > 4) return SubstituteWords(headline, 1, context.vocabulary, random);
  return InsertWord(headline, context.vocabulary, random);
}

}  // namespace

std::vector<SourceProfile> MakeSources(size_t count) {
  constexpr size_t kTops = std::size(kTopLines);
  constexpr size_t kBottoms = std::size(kBottomLines);
  constexpr size_t kPrefixes = std::size(kTemplatePrefixes);
  std::vector<SourceProfile> out;
  for (size_t s = 0; s < count; ++s) {
    out.push_back({absl::StrFormat("site-%02d", s + 1), kTopLines[s % kTops], kBottomLines[s % kBottoms],
                   kTemplatePrefixes[s % kPrefixes]});
  }
  return out;
}

std::string ClosingToken(size_t index) {
  // 7919 is prime and 26^3 = 2^3 * 13^3, so i -> 7919 i + 13 (mod 26^3) is a bijection.
  size_t v = (index * 7919 + 13) % (26 * 26 * 26);
  std::string token(3, 'a');
  for (char& c : token) {
    c = static_cast<char>('a' + v % 26);
    v /= 26;
  }
  return token;
}

OriginalPlan PlanOriginal(const NaturalDocument& doc, size_t index, size_t source,
                          const PlanContext& context, SynthRandom& random) {
  const SynthOptions& o = context.options;
  if (random.Chance(o.glued_rate)) return PlanGlued(doc, index, source, context, random);
  OriginalPlan plan;
  const bool pasted = random.Chance(o.pasted_rate);
  plan.lines.push_back(Line(doc.headline));
  std::vector<PlannedLine> body;
  for (const NaturalLine& line : doc.lines) {
    body.push_back(Marked(line.text));
    body.back().in_list = line.list;
  }
  if (random.Chance(o.tandem_rate)) {
    // A caption line printed twice in a row: the second copy, with the space before it, is the
    // line's last piece.
    const std::string caption = TandemCaption(doc.headline, random);
    const std::string joint = random.Chance(0.5) ? " " : "";
    if (!caption.empty()) {
      MarkedText line;
      line.Append(caption + joint + caption);
      line.AddSpan(caption.size(), line.text.size(), Injection::kTandemCaption);
      size_t at = random.Below(body.size() + 1);
      while (!InsertableAt(body, at)) ++at;
      body.insert(body.begin() + static_cast<std::ptrdiff_t>(at), Marked(line));
    }
  }
  if (random.Chance(o.near_paragraph_rate)) RepeatParagraphLater(body, context, random);
  if (random.Chance(o.caption_rate)) {
    std::string caption = kCaptionPrefix;
    caption += ' ';
    caption += FirstWords(doc.headline, 2 + random.Below(3));
    body.insert(body.begin(), {Line(caption), Labelled(caption, Injection::kCaption)});
  }
  if (pasted) PasteTwice(body, doc.headline, source, context, random);
  plan.lines.insert(plan.lines.end(), body.begin(), body.end());
  Decorate(plan.lines, source, context, random);
  return plan;
}

std::vector<PlannedLine> PlanNearCopy(const BaseDocument& doc, size_t source,
                                      const PlanContext& context, SynthRandom& random) {
  const double rate = random.Between(0.0, context.options.edit_rate);
  std::vector<PlannedLine> lines{Copied(EditHeadline(doc.headline, context, random), doc.headline)};
  for (const std::string& line : doc.lines) {
    std::string edited = EditWords(line, rate, context.vocabulary, random);
    if (!edited.empty()) lines.push_back(Copied(std::move(edited), line));
  }
  if (lines.size() >= 4 && random.Chance(kParagraphChangeRate)) {
    lines.erase(lines.begin() + 1 + static_cast<std::ptrdiff_t>(random.Below(lines.size() - 1)));
  }
  if (!context.spare_paragraphs.empty() && random.Chance(kParagraphChangeRate)) {
    const size_t at = 1 + random.Below(lines.size());
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), Line(context.spare_paragraphs.front()));
    context.spare_paragraphs.pop_front();
  }
  Decorate(lines, source, context, random);
  return lines;
}

std::vector<PlannedLine> PlanTruncated(const BaseDocument& doc, size_t source,
                                       const PlanContext& context, SynthRandom& random) {
  size_t total = 0;
  for (const std::string& line : doc.lines) total += WordCount(line);
  const double share = random.Between(0.3, 0.95);
  size_t keep = std::max<size_t>(1, static_cast<size_t>(std::llround(share * static_cast<double>(total))));
  std::vector<PlannedLine> lines{Copied(doc.headline, doc.headline)};
  for (const std::string& line : doc.lines) {
    if (keep == 0) break;
    const size_t words = WordCount(line);
    lines.push_back(Copied(words <= keep ? line : FirstWords(line, keep), line));
    keep -= std::min(keep, words);
  }
  Decorate(lines, source, context, random);
  return lines;
}

}  // namespace neardup
