#include "neardup/quality/synth_base.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "neardup/base/hash.h"
#include "neardup/text/normalize.h"
#include "neardup/text/shingle.h"

namespace neardup {
namespace {

constexpr uint64_t kSeed = 1;  // any fixed seed: these hashes never leave the filter

bool IsTrimmed(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsTrimmed(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsTrimmed(s.back())) s.remove_suffix(1);
  return s;
}

size_t KnownCount(const std::vector<uint32_t>& grams, const absl::flat_hash_set<uint64_t>& known,
                  const absl::flat_hash_set<uint64_t>& also) {
  return static_cast<size_t>(std::count_if(grams.begin(), grams.end(), [&](uint32_t g) {
    return known.contains(g) || also.contains(g);
  }));
}

// What a document adds to the filter, computed once for the checks and the admission.
struct Features {
  std::vector<uint64_t> lines;
  std::vector<std::vector<uint32_t>> long_line_grams;
  std::vector<uint32_t> doc_grams;
  std::vector<uint64_t> openings;
  bool repeats_itself = false;
  bool too_long = false;
};

Features Extract(const BaseDocument& doc, const BaseFilterOptions& options) {
  Features f;
  std::string whole;
  const auto add_line = [&](const std::string& line) {
    f.too_long = f.too_long || line.size() > options.max_line_bytes;
    whole += line;
    whole += '\n';
    const std::string normalized = Normalize(line);
    f.lines.push_back(Hash64(normalized, kSeed));
    if (const auto opening = LineOpening(normalized)) f.openings.push_back(*opening);
    if (CountWords(normalized) >= options.near_min_words) {
      f.long_line_grams.push_back(Shingles(normalized, {ShingleKind::kWord, 3}, kSeed));
    }
  };
  add_line(doc.headline);
  for (const std::string& line : doc.lines) add_line(line);
  const std::string normalized = Normalize(whole);
  f.doc_grams = Shingles(normalized, {ShingleKind::kWord, 5}, kSeed);
  const size_t words = CountWords(normalized);
  // A 5-gram seen twice means the document already repeats a run of words inside itself.
  f.repeats_itself = words >= 5 && f.doc_grams.size() < words - 4;
  std::vector<uint64_t> sorted = f.lines;
  std::sort(sorted.begin(), sorted.end());
  f.repeats_itself = f.repeats_itself || std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end();
  std::sort(f.openings.begin(), f.openings.end());
  f.openings.erase(std::unique(f.openings.begin(), f.openings.end()), f.openings.end());
  return f;
}

std::vector<std::string_view> Lines(const BaseDocument& doc) {
  std::vector<std::string_view> lines = {doc.headline};
  lines.insert(lines.end(), doc.lines.begin(), doc.lines.end());
  return lines;
}

}  // namespace

size_t BaseDocument::body_bytes() const {
  size_t bytes = 0;
  for (const std::string& line : lines) bytes += line.size() + 1;
  return bytes;
}

std::optional<BaseDocument> ParseBaseDocument(std::string_view text, size_t min_lines) {
  BaseDocument doc;
  bool have_headline = false;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (Normalize(line).empty()) continue;
    if (!have_headline) {
      doc.headline = std::string(line);
      have_headline = true;
    } else {
      doc.lines.emplace_back(line);
    }
  }
  if (!have_headline || doc.lines.size() < min_lines) return std::nullopt;
  return doc;
}

std::optional<uint64_t> LineOpening(std::string_view normalized) {
  const size_t words = CountWords(normalized);
  if (words < 2 || words > 20) return std::nullopt;
  const size_t first_space = normalized.find(' ');
  const size_t second_space = normalized.find(' ', first_space + 1);
  return Hash64(normalized.substr(0, second_space), kSeed);
}

void BaseFilter::ReserveLine(std::string_view line) { lines_.insert(Hash64(Normalize(line), kSeed)); }

void BaseFilter::ReserveOpening(std::string_view prefix) {
  // The prefix alone may be a single word plus punctuation; a title always follows it.
  if (const auto opening = LineOpening(Normalize(std::string(prefix) + " title"))) {
    openings_[*opening] = options_.max_opening_documents;
  }
}

void BaseFilter::ReserveSentence(std::string_view sentence) {
  sentences_.push_back(absl::StrCat(" ", Normalize(sentence), " "));
}

bool BaseFilter::Admit(const BaseDocument& doc) {
  const Features f = Extract(doc, options_);
  if (f.too_long || f.repeats_itself) return false;
  for (const std::string_view line : Lines(doc)) {
    const std::string padded = absl::StrCat(" ", Normalize(line), " ");
    for (const std::string& sentence : sentences_) {
      if (padded.find(sentence) != std::string::npos) return false;
    }
  }
  for (const uint64_t line : f.lines) {
    if (lines_.contains(line)) return false;
  }
  for (const uint64_t opening : f.openings) {
    if (auto it = openings_.find(opening); it != openings_.end() && it->second >= options_.max_opening_documents) {
      return false;
    }
  }
  // Long lines are checked against earlier lines of the same document too, so that a paragraph
  // repeated nearly inside the document is refused as well.
  absl::flat_hash_set<uint64_t> own;
  for (const std::vector<uint32_t>& grams : f.long_line_grams) {
    const size_t known = KnownCount(grams, line_grams_, own);
    if (static_cast<double>(known) >= options_.line_overlap * static_cast<double>(grams.size())) return false;
    own.insert(grams.begin(), grams.end());
  }
  const size_t known = KnownCount(f.doc_grams, doc_grams_, {});
  if (static_cast<double>(known) >= options_.document_overlap * static_cast<double>(f.doc_grams.size())) {
    return false;
  }
  lines_.insert(f.lines.begin(), f.lines.end());
  line_grams_.insert(own.begin(), own.end());
  doc_grams_.insert(f.doc_grams.begin(), f.doc_grams.end());
  for (const uint64_t opening : f.openings) ++openings_[opening];
  return true;
}

}  // namespace neardup
