#include "neardup/quality/synth_plan.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_format.h"

namespace neardup {
namespace {

// Invented site furniture. The base filter refuses base documents containing these lines or
// short lines opening like these prefixes, so they can only be where synth put them.
constexpr const char* kBoilerplateLines[] = {
    "SHARE", "Bagikan :", "Scroll to Top", "tulis komentar anda", "Advertisement",
    "Comments are closed.", "Share this article", "Back to top", "Print this page",
    "Subscribe to our newsletter for the latest news", "Follow us on social media",
    "Loading...", "Sponsored content", "All rights reserved.", "Get the app", "Tags: news"};
constexpr const char* kTemplatePrefixes[] = {"Baca Juga:", "Read also:", "See also:", "Read more:",
                                             "Lihat Juga:", "Also read:", "Related story:",
                                             "Simak juga:"};
constexpr const char* kCaptionPrefix = "Photo:";

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
constexpr size_t kGluedMinBodyBytes = 501;    // pasted twice, a glued body is a long line

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

// Site furniture: boilerplate lines at the top and bottom, templated lines between body lines
// (never splitting a caption pair or a glued line). lines[0] is the headline.
void Decorate(std::vector<PlannedLine>& lines, size_t source, const PlanContext& context,
              SynthRandom& random) {
  const SourceProfile& site = context.sources[source];
  const SynthOptions& o = context.options;
  if (random.Chance(o.template_rate)) {
    const int count = 1 + static_cast<int>(random.Below(2));
    for (int i = 0; i < count; ++i) {
      std::vector<size_t> places;
      for (size_t p = 2; p <= lines.size(); ++p) {
        if (p == lines.size() || (!lines[p].same_line && lines[p].label != Injection::kCaption)) places.push_back(p);
      }
      const size_t at = places[random.Below(places.size())];
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at),
                   Labelled(TemplateLine(site, lines[0].text, context, random), Injection::kTemplateLine));
    }
  }
  if (random.Chance(o.boilerplate_rate)) {
    lines.insert(lines.begin() + 1, Labelled(site.top_line, Injection::kBoilerplateLine));
  }
  if (random.Chance(o.boilerplate_rate)) lines.push_back(Labelled(site.bottom_line, Injection::kBoilerplateLine));
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
    const size_t after = i + 1 + random.Below(body.size() - i - 1);
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

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += ' ';
    out += line;
  }
  return out;
}

std::string EditHeadline(const std::string& headline, const PlanContext& context, SynthRandom& random) {
  if (WordCount(headline) > 4) return SubstituteWords(headline, 1, context.vocabulary, random);
  return InsertWord(headline, context.vocabulary, random);
}

}  // namespace

std::vector<SourceProfile> MakeSources(size_t count) {
  constexpr size_t kLines = std::size(kBoilerplateLines);
  constexpr size_t kPrefixes = std::size(kTemplatePrefixes);
  std::vector<SourceProfile> out;
  for (size_t s = 0; s < count; ++s) {
    out.push_back({absl::StrFormat("site-%02d", s + 1), kBoilerplateLines[(2 * s) % kLines],
                   kBoilerplateLines[(2 * s + 1) % kLines], kTemplatePrefixes[s % kPrefixes]});
  }
  return out;
}

OriginalPlan PlanOriginal(const BaseDocument& doc, size_t source, const PlanContext& context,
                          SynthRandom& random) {
  const SynthOptions& o = context.options;
  OriginalPlan plan;
  plan.glued = doc.body_bytes() >= kGluedMinBodyBytes && random.Chance(o.glued_rate);
  const bool pasted = random.Chance(plan.glued ? o.glued_pasted_rate : o.pasted_rate);
  plan.lines.push_back(Line(doc.headline));
  if (plan.glued) {
    const std::string body = JoinLines(doc.lines);
    plan.lines.push_back(Line(body));
    if (pasted) {
      plan.lines.push_back(Labelled(body, Injection::kGluedBody));
      plan.lines.back().same_line = true;
    }
    Decorate(plan.lines, source, context, random);
    return plan;
  }
  std::vector<PlannedLine> body;
  for (const std::string& line : doc.lines) body.push_back(Line(line));
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
