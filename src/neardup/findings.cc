#include "neardup/findings.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "neardup/boilerplate.h"
#include "neardup/crossdoc.h"
#include "neardup/normalize.h"
#include "neardup/status_macros.h"

namespace neardup {
namespace {

struct Decision {
  bool found = false;
  PassageRule rule = PassageRule::kRepeatWithin;
  bool removed = false;
  PassageRef copy;
  bool has_copy = false;
  double similarity = 1.0;
};

BoilerplateCounter::Decisions CountBoilerplate(const CorpusSketch& c, const Config& config) {
  BoilerplateCounter counter;
  std::vector<uint64_t> per_source(c.source_names.size(), 0);
  for (uint32_t doc = 0; doc < c.size(); ++doc) {
    counter.Add(doc, c.source[doc], c.passages[doc]);
    ++per_source[c.source[doc]];
  }
  return counter.Decide(config.boilerplate, per_source);
}

// The rules in order of precedence: boilerplate removes every copy, so it comes first.
Decision Decide(const PassageSketch& p, uint32_t doc, uint32_t source, const CorpusSketch& c,
                const BoilerplateCounter::Decisions& boilerplate, const CrossDocIndex& index,
                const Config& config) {
  Decision d;
  if (p.words == 0) return d;
  d.found = true;
  if (boilerplate.IsBoilerplate(source, p.fingerprint)) {
    d.rule = PassageRule::kBoilerplate;
    d.removed = true;
  } else if (boilerplate.IsPattern(source, p.opening)) {
    d.rule = PassageRule::kBoilerplatePattern;
    d.removed = config.boilerplate.remove_patterns;
  } else if (p.within_copy >= 0) {
    d.rule = PassageRule::kRepeatWithin;
    d.removed = true;
    d.has_copy = true;
    d.copy = {doc, static_cast<uint32_t>(p.within_copy)};
    d.similarity = p.within_similarity;
  } else if (const auto match = index.Find(p)) {
    d.rule = PassageRule::kRepeatAcross;
    d.removed = config.cross_doc == CrossDocMode::kRemove;
    d.has_copy = true;
    d.copy = match->copy;
    d.similarity = match->similarity;
  } else {
    d.found = false;
  }
  (void)c;
  return d;
}

void Count(const PassageFinding& f, ReportStats& s, SourceTotals& source) {
  RuleTotals& t = s.rules[static_cast<int>(f.rule)];
  const uint64_t bytes = f.end - f.start;
  ++t.passages;
  t.bytes += bytes;
  if (!f.removed) return;
  ++t.removed_passages;
  t.removed_bytes += bytes;
  ++s.removed_passages;
  s.removed_passage_bytes += bytes;
  if (f.rule == PassageRule::kBoilerplate || f.rule == PassageRule::kBoilerplatePattern) {
    ++source.boilerplate_passages;
    source.boilerplate_bytes += bytes;
  }
}

// Findings of one kept document, in text order.
std::vector<PassageFinding> DocumentFindings(uint32_t doc, const CorpusSketch& c,
                                             const BoilerplateCounter::Decisions& boilerplate,
                                             CrossDocIndex& index, const Config& config) {
  const auto& passages = c.passages[doc];
  std::vector<Decision> decisions(passages.size());
  std::vector<bool> removed(passages.size());
  for (uint32_t i = 0; i < passages.size(); ++i) {
    decisions[i] = Decide(passages[i], doc, c.source[doc], c, boilerplate, index, config);
    removed[i] = decisions[i].found && decisions[i].removed;
  }
  std::vector<PassageFinding> out;
  for (uint32_t i = 0; i < passages.size(); ++i) {
    const Decision& d = decisions[i];
    if (!d.found) {
      if (passages[i].words > 0) index.Add({doc, i});  // later documents may repeat it
      continue;
    }
    const PassageSketch& p = passages[i];
    const auto [start, end] = d.removed ? RemovalSpan(passages, removed, i)
                                        : std::pair{p.span.start, p.span.removal_end};
    PassageFinding f{doc, start, end, p.line, d.rule, d.removed, d.has_copy};
    if (d.has_copy) {
      const Passage& copy = c.passages[d.copy.doc][d.copy.passage].span;
      f.copy_doc = d.copy.doc;
      f.copy_start = copy.start;
      f.copy_end = copy.end;
    }
    f.similarity = d.similarity;
    f.fingerprint = p.fingerprint;
    out.push_back(f);
  }
  // Glued runs count for the bytes no passage rule already removes: a run is cut around them.
  std::vector<std::pair<uint64_t, uint64_t>> gone;
  for (const PassageFinding& f : out) {
    if (f.removed) gone.emplace_back(f.start, f.end);
  }
  std::sort(gone.begin(), gone.end());
  for (const RepeatedRun& run : c.runs[doc]) {
    uint64_t from = run.start;
    for (size_t g = 0; g <= gone.size() && from < run.end; ++g) {
      const uint64_t until = g < gone.size() ? std::min<uint64_t>(gone[g].first, run.end) : run.end;
      if (g < gone.size() && gone[g].second <= from) continue;
      if (until > from) {
        out.push_back({doc, from, until, run.line, PassageRule::kRepeatWithin, true, true, doc,
                       run.copy_start, run.copy_end, 1.0, run.fingerprint});
      }
      if (g < gone.size()) from = std::max(from, gone[g].second);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const PassageFinding& a, const PassageFinding& b) { return a.start < b.start; });
  return out;
}

}  // namespace

void ApplyPassageRules(const CorpusSketch& c, const std::vector<bool>& removed_doc,
                       const Config& config, Report& report) {
  const BoilerplateCounter::Decisions boilerplate = CountBoilerplate(c, config);
  CrossDocIndex index(c.passages, config.passages.near_threshold);
  ReportStats& s = report.stats;
  s.sources.resize(c.source_names.size());
  for (uint32_t i = 0; i < c.source_names.size(); ++i) s.sources[i].source = c.source_names[i];
  for (uint32_t doc = 0; doc < c.size(); ++doc) {
    ++s.sources[c.source[doc]].documents;
    if (removed_doc[doc]) continue;
    for (PassageFinding& f : DocumentFindings(doc, c, boilerplate, index, config)) {
      Count(f, s, s.sources[c.source[doc]]);
      report.passages.push_back(f);
    }
  }
  std::vector<uint64_t> per_source(c.source_names.size(), 0);
  for (uint32_t doc = 0; doc < c.size(); ++doc) ++per_source[c.source[doc]];
  for (const auto& e : boilerplate.entries()) {
    const Passage& first = c.passages[e.first_doc][e.first_passage].span;
    report.boilerplate.push_back({c.source_names[e.source], "", e.pattern, e.documents,
                                  per_source[e.source], e.first_doc, first.start, first.end});
  }
  std::sort(s.sources.begin(), s.sources.end(),
            [](const SourceTotals& a, const SourceTotals& b) { return a.source < b.source; });
}

absl::Status FillBoilerplateText(const DocumentSource& source, const Config& config, Report& report) {
  if (report.boilerplate.empty()) return absl::OkStatus();
  std::map<uint32_t, std::vector<size_t>> wanted;  // document -> entries first seen there
  for (size_t i = 0; i < report.boilerplate.size(); ++i) wanted[report.boilerplate[i].first_doc].push_back(i);
  uint32_t doc = 0;
  return source.ForEach([&](Document&& d) -> absl::Status {
    if (auto it = wanted.find(doc++); it != wanted.end()) {
      for (const size_t i : it->second) {
        BoilerplateEntry& e = report.boilerplate[i];
        const std::string_view text =
            std::string_view(d.text).substr(e.first_start, e.first_end - e.first_start);
        if (!e.pattern) {
          e.text = std::string(text);
          continue;
        }
        // A template is named by its normalized opening words.
        const std::string normalized = Normalize(text);
        size_t end = 0;
        for (size_t w = 0; w < config.boilerplate.pattern_words && end != std::string::npos; ++w) {
          end = normalized.find(' ', end == 0 ? 0 : end + 1);
        }
        e.text = normalized.substr(0, end) + " …";
      }
    }
    return absl::OkStatus();
  });
}

}  // namespace neardup
