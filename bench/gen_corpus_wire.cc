#include "gen_corpus_wire.h"

#include <algorithm>
#include <utility>

namespace neardup::bench {
namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr double kRepublicationsPerStory = 4;
constexpr size_t kRecentStories = 256;  // a republication picks one of the latest stories
constexpr double kKeepShare = 0.7;
constexpr double kEditShare = 0.3;
constexpr double kMinEditJaccard = 0.85;
constexpr double kMaxRepublicationJaccard = 0.6;
constexpr int kMaxTrims = 30;

bool IsSlotWord(std::string_view word) {
  return word.size() >= 4 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

WireGenerator::WireGenerator(const TextBank& bank, const ParagraphPool& pool,
                             const GeneratorOptions& options)
    : bank_(bank),
      pool_(pool),
      options_(options),
      sites_(options.sources, options.seed),
      first_document_(pool.size(), kNone),
      copier_(bank) {
  const double original_share = 1 - options.exact_rate - options.near_rate - options.wire_rate -
                                options.pasted_rate;
  if (original_share > 0) {
    story_share_ = std::min(1.0, options.wire_rate / (kRepublicationsPerStory * original_share));
  }
}

DocKind WireGenerator::KindOf(uint64_t index) const {
  if (index == 0) return DocKind::kOriginal;
  Rng rng(DeriveSeed(options_.seed, Stream::kKind, index));
  double u = rng.Unit();
  if ((u -= options_.exact_rate) < 0) return DocKind::kExact;
  if ((u -= options_.near_rate) < 0) return DocKind::kNear;
  if ((u -= options_.wire_rate) < 0) return DocKind::kWire;
  if ((u -= options_.pasted_rate) < 0) return DocKind::kPasted;
  return DocKind::kOriginal;
}

bool WireGenerator::IsStory(uint64_t index) const {
  Rng rng(DeriveSeed(options_.seed, Stream::kStory, index));
  return rng.Unit() < story_share_;
}

void WireGenerator::AddLocalParagraph(Plan& plan, size_t position, Rng& rng) const {
  uint32_t p;
  do {
    p = static_cast<uint32_t>(rng.Below(pool_.size()));
  } while (std::find(plan.paragraphs.begin(), plan.paragraphs.end(), p) != plan.paragraphs.end());
  plan.paragraphs.insert(plan.paragraphs.begin() + position, p);
  plan.edited.insert(plan.edited.begin() + position, std::string());
  plan.jaccard.insert(plan.jaccard.begin() + position, 1.0);
}

// A pure function of (seed, index), so that copies and republications regenerate it.
WireGenerator::Plan WireGenerator::OriginalPlan(uint64_t index) const {
  Rng rng(DeriveSeed(options_.seed, Stream::kText, index));
  Plan plan;
  plan.site = sites_.Draw(rng);
  plan.boilerplate = rng.Unit() < options_.boilerplate_share;
  WriteHeadlineLine(bank_, rng, plan.headline);
  const size_t spread = options_.doc_bytes * 2 / 3;
  const size_t target = options_.doc_bytes - spread / 2 + rng.Below(spread + 1);
  size_t bytes = plan.headline.size();
  if (plan.boilerplate) {
    for (const std::string& line : sites_.header(plan.site)) bytes += line.size() + 1;
    bytes += sites_.footer_bytes(plan.site);
  }
  while (plan.paragraphs.size() < 2 || bytes < target) {
    AddLocalParagraph(plan, plan.paragraphs.size(), rng);
    bytes += pool_.Paragraph(plan.paragraphs.back()).size() + 1;
  }
  if (KindOf(index) == DocKind::kPasted) {
    // A copy of one paragraph later in the article (the truth skips it: a repeat within).
    const size_t n = plan.paragraphs.size();
    const size_t from = rng.Below(n);
    const size_t before = from + 1 + rng.Below(n - from);  // in [from + 1, n]
    plan.paragraphs.insert(plan.paragraphs.begin() + before, plan.paragraphs[from]);
    plan.edited.insert(plan.edited.begin() + before, std::string());
    plan.jaccard.insert(plan.jaccard.begin() + before, 1.0);
  }
  return plan;
}

bool WireGenerator::Edit(uint32_t p, Rng& rng, std::string& text, double& jaccard) {
  const std::string_view original = pool_.Paragraph(p);
  std::vector<std::pair<size_t, size_t>> slots;  // words that may be swapped, never the first
  for (size_t start = original.find(' '); start != std::string_view::npos;) {
    ++start;
    size_t end = original.find(' ', start);
    if (end == std::string_view::npos) end = original.size();
    if (IsSlotWord(original.substr(start, end - start))) slots.emplace_back(start, end - start);
    start = end == original.size() ? std::string_view::npos : end;
  }
  if (slots.empty()) return false;
  const auto [at, size] = slots[rng.Below(slots.size())];
  const std::string_view word = bank_.RandomWord(rng);
  if (word == original.substr(at, size)) return false;
  text.assign(original.substr(0, at));
  text.append(word);
  text.append(original.substr(at + size));
  WordShingles(original, words_, set_a_, /*k=*/3);
  WordShingles(text, words_, set_b_, /*k=*/3);
  jaccard = Jaccard(set_a_, set_b_);
  return jaccard >= kMinEditJaccard;
}

WireGenerator::Plan WireGenerator::Republication(uint64_t index, Story& story,
                                                 GeneratedDoc& doc) {
  Rng rng(DeriveSeed(options_.seed, Stream::kRepublish, index));
  const Plan original = OriginalPlan(story.index);
  Plan plan;
  plan.site = sites_.DrawOther(story.sites, rng);
  story.sites.push_back(static_cast<uint32_t>(plan.site));
  plan.boilerplate = rng.Unit() < options_.boilerplate_share;
  WriteHeadlineLine(bank_, rng, plan.headline);
  const size_t n = original.paragraphs.size();
  std::vector<bool> keep(n);
  size_t kept = 0;
  for (size_t i = 0; i < n; ++i) {
    keep[i] = rng.Unit() < kKeepShare;
    kept += keep[i] ? 1 : 0;
  }
  for (size_t i = 0; i < n && kept < 2; ++i) {
    if (keep[i]) continue;
    keep[i] = true;
    ++kept;
  }
  for (size_t i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    const uint32_t p = original.paragraphs[i];  // stories are never pasted: all distinct
    std::string text;
    double jaccard = 1;
    const bool edit = rng.Unit() < kEditShare && Edit(p, rng, text, jaccard);
    plan.paragraphs.push_back(p);
    plan.edited.push_back(edit ? std::move(text) : std::string());
    plan.jaccard.push_back(edit ? jaccard : 1.0);
  }
  const size_t own = 1 + rng.Below(3);
  for (size_t k = 0; k < own; ++k) {
    AddLocalParagraph(plan, rng.Below(plan.paragraphs.size() + 1), rng);
  }

  story_text_.clear();
  Render(original, story_text_, nullptr);
  WordShingles(story_text_, words_, set_a_);
  for (int trim = 0;; ++trim) {
    doc.text.clear();
    Render(plan, doc.text, nullptr);
    WordShingles(doc.text, words_, set_b_);
    doc.jaccard = Jaccard(set_a_, set_b_);
    if (doc.jaccard <= kMaxRepublicationJaccard || trim == kMaxTrims) break;
    std::vector<size_t> from_story;
    for (size_t i = 0; i < plan.paragraphs.size(); ++i) {
      if (std::find(original.paragraphs.begin(), original.paragraphs.end(), plan.paragraphs[i]) !=
          original.paragraphs.end()) {
        from_story.push_back(i);
      }
    }
    if (from_story.size() > 1) {
      const size_t drop = from_story[rng.Below(from_story.size())];
      plan.paragraphs.erase(plan.paragraphs.begin() + drop);
      plan.edited.erase(plan.edited.begin() + drop);
      plan.jaccard.erase(plan.jaccard.begin() + drop);
    } else {
      AddLocalParagraph(plan, rng.Below(plan.paragraphs.size() + 1), rng);
    }
  }
  return plan;
}

WireGenerator::Body WireGenerator::Render(const Plan& plan, std::string& out,
                                          std::vector<Line>* lines) const {
  uint32_t number = 0;
  const auto line = [&](std::string_view text) {
    out.append(text);
    out.push_back('\n');
    ++number;
  };
  if (plan.boilerplate) {
    for (const std::string& header : sites_.header(plan.site)) line(header);
  }
  Body body;
  body.begin = out.size();
  out.append(plan.headline);
  ++number;
  if (lines != nullptr) lines->clear();
  for (size_t i = 0; i < plan.paragraphs.size(); ++i) {
    const size_t start = out.size();
    line(plan.edited[i].empty() ? pool_.Paragraph(plan.paragraphs[i])
                                : std::string_view(plan.edited[i]));
    if (lines != nullptr) {
      lines->push_back({number, static_cast<uint32_t>(start), static_cast<uint32_t>(out.size() - 1),
                        static_cast<uint32_t>(i)});
    }
  }
  body.end = out.size();
  if (plan.boilerplate) {
    for (const std::string& footer : sites_.footer(plan.site)) line(footer);
  }
  return body;
}

void WireGenerator::RecordRepeats(uint64_t index, const Plan& plan, const std::vector<Line>& lines,
                                  GeneratedDoc& doc) {
  for (const Line& line : lines) {
    const uint32_t p = plan.paragraphs[line.paragraph];
    const auto earlier = plan.paragraphs.begin() + line.paragraph;
    if (std::find(plan.paragraphs.begin(), earlier, p) != earlier) continue;  // pasted copy
    if (first_document_[p] == kNone) {
      // Edits are made only in republications, after the story that held the paragraph.
      first_document_[p] = static_cast<uint32_t>(index);
      continue;
    }
    doc.repeats.push_back({line.number, line.start, line.end,
                           DocumentId(options_.seed, first_document_[p]),
                           plan.jaccard[line.paragraph]});
  }
}

void WireGenerator::Next(GeneratedDoc& doc) {
  const uint64_t index = next_++;
  doc.id = DocumentId(options_.seed, index);
  doc.kind = KindOf(index);
  if (doc.kind == DocKind::kWire && stories_.empty()) doc.kind = DocKind::kOriginal;
  doc.jaccard = 1;
  doc.copy_of = 0;
  doc.text.clear();
  doc.repeats.clear();
  if (doc.kind == DocKind::kOriginal || doc.kind == DocKind::kPasted) {
    const Plan plan = OriginalPlan(index);
    doc.source = plan.site;
    Render(plan, doc.text, &lines_);
    RecordRepeats(index, plan, lines_, doc);
    originals_.push_back(static_cast<uint32_t>(index));
    if (doc.kind == DocKind::kOriginal && IsStory(index)) {
      Story story{static_cast<uint32_t>(index), {static_cast<uint32_t>(plan.site)}};
      if (stories_.size() < kRecentStories) {
        stories_.push_back(std::move(story));
      } else {
        stories_[stories_next_] = std::move(story);
      }
      stories_next_ = (stories_next_ + 1) % kRecentStories;
    }
    return;
  }
  Rng rng(DeriveSeed(options_.seed, Stream::kTarget, index));
  if (doc.kind == DocKind::kWire) {
    Story& story = stories_[rng.Below(stories_.size())];
    doc.copy_of = DocumentId(options_.seed, story.index);
    const Plan plan = Republication(index, story, doc);
    doc.source = plan.site;
    doc.text.clear();
    Render(plan, doc.text, &lines_);
    RecordRepeats(index, plan, lines_, doc);
    return;
  }
  const uint64_t original = originals_[rng.Below(originals_.size())];
  doc.copy_of = DocumentId(options_.seed, original);
  const Plan plan = OriginalPlan(original);
  doc.source = plan.site;
  if (doc.kind == DocKind::kExact) {
    Render(plan, doc.text, nullptr);
    return;
  }
  scratch_.clear();
  const Body body = Render(plan, scratch_, nullptr);
  Rng edit(DeriveSeed(options_.seed, Stream::kEdit, index));
  const double rate = 0.01 + 0.02 * edit.Unit();
  doc.jaccard = copier_.Copy(scratch_, body.begin, body.end, rate, options_.near_min_jaccard, edit,
                             doc.text);
}

}  // namespace neardup::bench
