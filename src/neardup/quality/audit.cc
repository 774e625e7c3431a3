#include "neardup/quality/audit.h"

#include <cmath>
#include <map>
#include <string_view>

#include "absl/strings/str_format.h"
#include "neardup/text/normalize.h"
#include "neardup/similarity/verify.h"

namespace neardup {
namespace {

constexpr double kTolerance = 1e-9;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Whether `token` (original bytes) shows a glue point: a lowercase letter or digit directly
// followed by a capital ("terakhirKorut").
bool Glued(std::string_view token) {
  for (size_t i = 1; i < token.size(); ++i) {
    const char x = token[i - 1], y = token[i];
    if (((x >= 'a' && x <= 'z') || (x >= '0' && x <= '9')) && y >= 'A' && y <= 'Z') return true;
  }
  return false;
}

class Auditor {
 public:
  Auditor(const AuditedReport& report, std::map<std::string, std::string> texts)
      : r_(report), texts_(std::move(texts)) {}

  std::vector<std::string> Run() {
    for (const AuditedReport::Duplicate& d : r_.duplicates) Duplicate(d);
    for (const AuditedReport::Finding& f : r_.passages) Finding(f);
    return std::move(problems_);
  }

 private:
  template <typename... Args>
  void Problem(const absl::FormatSpec<Args...>& format, const Args&... args) {
    problems_.push_back(absl::StrFormat(format, args...));
  }

  const std::string* Text(const std::string& id) {
    const auto it = texts_.find(id);
    if (it == texts_.end()) {
      Problem("%s: no such document in the corpus", id);
      return nullptr;
    }
    return &it->second;
  }

  std::vector<uint32_t> Set(std::string_view text, const ShingleSpec& spec) const {
    return Shingles(Normalize(text), spec, r_.params.seed);
  }

  void Duplicate(const AuditedReport::Duplicate& d) {
    const std::string* removed = Text(d.id);
    const std::string* kept = Text(d.kept);
    if (removed == nullptr || kept == nullptr) return;
    if (d.match == "exact") {
      if (Normalize(*removed) != Normalize(*kept)) Problem("%s: 'exact' copy of %s differs after normalization", d.id, d.kept);
      return;
    }
    const std::vector<uint32_t> a = Set(*removed, r_.params.shingle), b = Set(*kept, r_.params.shingle);
    const bool containment = d.match == "containment";
    const double s = containment ? static_cast<double>(IntersectionSize(a, b)) / static_cast<double>(a.size())
                                 : Jaccard(a, b);
    const double needed = containment ? r_.params.containment : r_.params.threshold;
    if (std::fabs(s - d.similarity) > kTolerance || s < needed - kTolerance) {
      Problem("%s: reported %s %.6f with %s, recomputed %.6f (threshold %.2f)", d.id, d.match, d.similarity, d.kept, s,
              needed);
    }
  }

  void Finding(const AuditedReport::Finding& f) {
    const std::string* text = Text(f.doc);
    if (text == nullptr) return;
    const std::string name = absl::StrFormat("%s [%d, %d) %s", f.doc, f.start, f.end, f.rule);
    if (f.start >= f.end || f.end > text->size()) {
      Problem("%s: not a span of the document (%d bytes)", name, text->size());
      return;
    }
    const std::string_view removed = std::string_view(*text).substr(f.start, f.end - f.start);
    bool exception = false;
    if (f.has_copy) {
      const std::string* copy_text = Text(f.copy_doc);
      if (copy_text == nullptr) return;
      if (f.copy_start >= f.copy_end || f.copy_end > copy_text->size()) {
        Problem("%s: copy_of [%d, %d) is not a span of %s", name, f.copy_start, f.copy_end, f.copy_doc);
        return;
      }
      if (f.copy_doc == f.doc && f.copy_end > f.start) Problem("%s: copy_of [%d, %d) does not come before it", name, f.copy_start, f.copy_end);
      const std::string_view copy = std::string_view(*copy_text).substr(f.copy_start, f.copy_end - f.copy_start);
      Similarity(name, removed, copy, f.similarity);
      if (f.copy_doc == f.doc) exception = GlueOrTandem(*text, f);
    }
    Unit(name, *text, f.start, f.end, exception);
  }

  void Similarity(const std::string& name, std::string_view removed, std::string_view copy, double reported) {
    const std::string a = Normalize(removed), b = Normalize(copy);
    if (a == b) {
      if (reported != 1.0) Problem("%s: identical to its copy, reported similarity %.6f", name, reported);
      return;
    }
    const ShingleSpec spec{ShingleKind::kWord, r_.params.passage_k};
    const double s = Jaccard(Shingles(a, spec, r_.params.seed), Shingles(b, spec, r_.params.seed));
    if (std::fabs(s - reported) > kTolerance) Problem("%s: reported similarity %.6f, recomputed %.6f", name, reported, s);
    if (s < r_.params.passage_threshold - kTolerance) Problem("%s: similarity %.6f under the threshold", name, s);
    if (CountWords(a) < r_.params.near_min_words) Problem("%s: a near copy of fewer than %d words", name, r_.params.near_min_words);
  }

  // A tandem (its copy ends right before it, nothing but separators or one fused word between)
  // or a removal that starts after a fused word: both may begin inside a sentence.
  bool GlueOrTandem(const std::string& text, const AuditedReport::Finding& f) const {
    std::string_view between = std::string_view(text).substr(f.copy_end, f.start - f.copy_end);
    if (Normalize(between).empty()) return true;
    size_t word_end = f.start;
    while (word_end > 0 && IsSpace(text[word_end - 1])) --word_end;
    size_t word_start = word_end;
    while (word_start > 0 && !IsSpace(text[word_start - 1])) --word_start;
    return Glued(std::string_view(text).substr(word_start, word_end - word_start));
  }

  // Whole sentences of one line (paragraph), never a cut word.
  void Unit(const std::string& name, const std::string& text, uint64_t start, uint64_t end, bool exception) {
    TokenizedText tokens;
    Tokenize(text, tokens);
    for (const Token& t : tokens.tokens) {
      if ((t.begin < start && start < t.end) || (t.begin < end && end < t.end)) {
        Problem("%s: cuts the word at [%d, %d)", name, t.begin, t.end);
        return;
      }
    }
    uint64_t s = start, e = end;
    while (s < e && IsSpace(text[s])) ++s;
    while (e > s && IsSpace(text[e - 1])) --e;
    if (s == e) {
      Problem("%s: removes nothing but whitespace", name);
      return;
    }
    uint64_t block_start = s, block_end = s;
    Block(text, s, block_start, block_end);
    std::vector<Sentence> sentences;
    SplitSentences(text, block_start, block_end, sentences);
    bool starts = exception, ends = exception;
    for (const Sentence& sentence : sentences) {
      starts = starts || sentence.start == s;
      ends = ends || sentence.end == e;
    }
    if (!starts || !ends || e > block_end) Problem("%s: not whole sentences of its line", name);
  }

  // The line (paragraph) holding byte `at`.
  void Block(const std::string& text, uint64_t at, uint64_t& start, uint64_t& end) const {
    const std::string_view view(text);
    if (r_.params.mode == PassageMode::kLine) {
      start = view.rfind('\n', at);
      start = start == std::string_view::npos ? 0 : start + 1;
      end = view.find('\n', at);
      if (end == std::string_view::npos) end = text.size();
      return;
    }
    start = view.rfind("\n\n", at);
    start = start == std::string_view::npos ? 0 : start + 2;
    end = view.find("\n\n", at);
    if (end == std::string_view::npos) end = text.size();
  }

  const AuditedReport& r_;
  std::map<std::string, std::string> texts_;
  std::vector<std::string> problems_;
};

}  // namespace

absl::StatusOr<std::vector<std::string>> Audit(const AuditedReport& report, const DocumentSource& source) {
  std::map<std::string, std::string> texts;
  absl::Status status = source.ForEach([&texts](Document&& d) {
    texts.emplace(std::move(d.id), std::move(d.text));
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return Auditor(report, std::move(texts)).Run();
}

}  // namespace neardup
