#include "neardup/engine/findings.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include <tbb/enumerable_thread_specific.h>

#include "neardup/passages/crossdoc.h"
#include "neardup/store/set_store.h"
#include "neardup/text/normalize.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

using Decisions = BoilerplateCounter::Decisions;
using CrossMatch = CrossDocMatcher::Match;

struct Decision {
  bool found = false;
  PassageRule rule = PassageRule::kRepeatWithin;
  bool removed = false;
  bool has_copy = false;
  uint32_t copy_doc = 0;
  uint64_t copy_start = 0, copy_end = 0;
  double similarity = 1.0;
};

bool ClaimedBefore(const PassageSketch& p, uint32_t source, const Decisions& boilerplate) {
  return boilerplate.IsBoilerplate(source, p.fingerprint) || boilerplate.IsPattern(source, p.opening) ||
         p.within_copy >= 0;
}

// Passages of kept documents repeated from an earlier kept document. The first pass added every
// long passage that is not a repeat within its document; those of kept documents that no rule of
// higher precedence claims take part.
absl::StatusOr<std::vector<CrossMatch>> MatchAcross(const DocumentSource& source, const CorpusSketch& c,
                                                    const std::vector<bool>& removed_doc,
                                                    const Decisions& boilerplate, const Analyzer& analyzer,
                                                    CrossDocMatcher& across, uint64_t& reread) {
  std::vector<bool> eligible(c.passage_count, false);
  PassageBlock block;
  SpillFile::Cursor cursor(*c.passages);
  for (uint32_t doc = 0; doc < c.size(); ++doc) {
    if (removed_doc[doc]) continue;
    NEARDUP_RETURN_IF_ERROR(c.ReadPassages(doc, block, &cursor));
    for (uint32_t i = 0; i < block.passages.size(); ++i) {
      eligible[c.first_gid[doc] + i] = !ClaimedBefore(block.passages[i], c.source[doc], boilerplate);
    }
  }
  // Verification reads the candidates' documents again and sketches their passages once more.
  const auto read_sets = [&](std::span<const uint64_t> gids, SetStore& store) -> absl::Status {
    std::vector<uint32_t> docs;
    for (const uint64_t gid : gids) docs.push_back(c.DocOfPassage(gid));
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    std::vector<uint64_t> positions;
    for (const uint32_t doc : docs) positions.push_back(c.positions[doc]);
    reread += docs.size();
    struct Local {
      Analyzer::Scratch scratch;
      std::vector<uint32_t> wanted;
      std::vector<std::vector<uint32_t>> sets;
    };
    tbb::enumerable_thread_specific<Local> local([&analyzer] { return Local{Analyzer::Scratch(analyzer), {}, {}}; });
    return RevisitSets(source, docs, positions, [&](uint32_t doc, const Document& d, KeyedSets& out) {
      Local& l = local.local();
      const uint64_t first = c.first_gid[doc];
      const uint64_t end = doc + 1 < c.size() ? c.first_gid[doc + 1] : c.passage_count;
      l.wanted.clear();
      for (auto it = std::lower_bound(gids.begin(), gids.end(), first); it != gids.end() && *it < end; ++it) {
        l.wanted.push_back(static_cast<uint32_t>(*it - first));
      }
      analyzer.PassageSets(d.text, l.scratch, l.wanted, l.sets);
      for (size_t i = 0; i < l.wanted.size(); ++i) out.emplace_back(first + l.wanted[i], std::move(l.sets[i]));
    }, store);
  };
  return across.Matches(eligible, [&c](uint64_t gid) { return c.DocOfPassage(gid); }, read_sets);
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

// The sweep over kept documents in corpus order that turns decisions into findings.
class FindingsSweep {
 public:
  FindingsSweep(const CorpusSketch& c, const Decisions& boilerplate, const std::vector<CrossMatch>& across,
                const Config& config)
      : c_(c), boilerplate_(boilerplate), across_(across), config_(config) {
    for (const CrossMatch& m : across) targets_.try_emplace(m.copy, std::pair<uint32_t, uint32_t>{0, 0});
  }

  // Findings of kept document `doc`, in text order.
  void Document(uint32_t doc, const PassageBlock& block, std::vector<PassageFinding>& out) {
    const std::vector<PassageSketch>& passages = block.passages;
    decisions_.assign(passages.size(), Decision{});
    removed_.assign(passages.size(), false);
    for (uint32_t i = 0; i < passages.size(); ++i) {
      decisions_[i] = Decide(doc, i, passages);
      removed_[i] = decisions_[i].found && decisions_[i].removed;
    }
    const size_t first = out.size();
    for (uint32_t i = 0; i < passages.size(); ++i) {
      const Decision& d = decisions_[i];
      if (!d.found) continue;
      const PassageSketch& p = passages[i];
      const auto [start, end] =
          d.removed ? RemovalSpan(passages, removed_, i) : std::pair<size_t, size_t>{p.span.start, p.span.removal_end};
      PassageFinding f{doc, start, end, p.line, d.rule, d.removed, d.has_copy};
      f.copy_doc = d.copy_doc;
      f.copy_start = d.copy_start;
      f.copy_end = d.copy_end;
      f.similarity = d.similarity;
      f.fingerprint = p.fingerprint;
      out.push_back(f);
    }
    AddRuns(doc, block.runs, first, out);
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
              [](const PassageFinding& a, const PassageFinding& b) { return a.start < b.start; });
  }

 private:
  // The rules in order of precedence: boilerplate removes every copy, so it comes first.
  Decision Decide(uint32_t doc, uint32_t i, const std::vector<PassageSketch>& passages) {
    const PassageSketch& p = passages[i];
    const uint64_t gid = c_.first_gid[doc] + i;
    if (const auto it = targets_.find(gid); it != targets_.end()) it->second = {p.span.start, p.span.end};
    Decision d;
    if (p.words == 0) return d;
    d.found = true;
    const uint32_t source = c_.source[doc];
    while (next_across_ < across_.size() && across_[next_across_].gid < gid) ++next_across_;
    if (boilerplate_.IsBoilerplate(source, p.fingerprint)) {
      d.rule = PassageRule::kBoilerplate;
      d.removed = true;
    } else if (boilerplate_.IsPattern(source, p.opening)) {
      d.rule = PassageRule::kBoilerplatePattern;
      d.removed = config_.boilerplate.remove_patterns;
    } else if (p.within_copy >= 0) {
      const Passage& copy = passages[static_cast<size_t>(p.within_copy)].span;
      d.rule = PassageRule::kRepeatWithin;
      d.removed = true;
      d.has_copy = true;
      d.copy_doc = doc;
      d.copy_start = copy.start;
      d.copy_end = copy.end;
      d.similarity = p.within_similarity;
    } else if (next_across_ < across_.size() && across_[next_across_].gid == gid) {
      const CrossMatch& m = across_[next_across_];
      const auto [copy_start, copy_end] = targets_.at(m.copy);
      d.rule = PassageRule::kRepeatAcross;
      d.removed = config_.cross_doc == CrossDocMode::kRemove;
      d.has_copy = true;
      d.copy_doc = c_.DocOfPassage(m.copy);
      d.copy_start = copy_start;
      d.copy_end = copy_end;
      d.similarity = m.similarity;
    } else {
      d.found = false;
    }
    return d;
  }

  // Glued runs count for the bytes no passage rule already removes: a run is cut around them.
  static void AddRuns(uint32_t doc, const std::vector<RepeatedRun>& runs, size_t first,
                      std::vector<PassageFinding>& out) {
    std::vector<std::pair<uint64_t, uint64_t>> gone;
    for (size_t i = first; i < out.size(); ++i) {
      if (out[i].removed) gone.emplace_back(out[i].start, out[i].end);
    }
    std::sort(gone.begin(), gone.end());
    for (const RepeatedRun& run : runs) {
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
  }

  const CorpusSketch& c_;
  const Decisions& boilerplate_;
  const std::vector<CrossMatch>& across_;
  const Config& config_;
  size_t next_across_ = 0;
  absl::flat_hash_map<uint64_t, std::pair<uint32_t, uint32_t>> targets_;  // copy gid -> its span
  std::vector<Decision> decisions_;
  std::vector<bool> removed_;
};

// Where each boilerplate entry first occurs: the first matching passage of its first document.
// `hashes[e]` is entry e's passage fingerprint or opening hash.
void FirstSeen(const PassageBlock& block, const std::vector<size_t>& entries, const std::vector<uint64_t>& hashes,
               Report& report, std::vector<uint32_t>& first_passage) {
  const std::vector<PassageSketch>& passages = block.passages;
  for (const size_t e : entries) {
    BoilerplateEntry& entry = report.boilerplate[e];
    for (uint32_t i = 0; i < passages.size(); ++i) {
      const PassageSketch& p = passages[i];
      if (p.words == 0 || (entry.pattern ? p.opening : p.fingerprint) != hashes[e]) continue;
      entry.first_start = p.span.start;
      entry.first_end = p.span.end;
      first_passage[e] = i;
      break;
    }
  }
}

}  // namespace

absl::Status ApplyPassageRules(const DocumentSource& source, const CorpusSketch& c,
                               const std::vector<bool>& removed_doc, BoilerplateCounter& counter,
                               CrossDocMatcher& matcher, const Analyzer& analyzer, const Config& config,
                               Report& report, uint64_t& reread) {
  std::vector<uint64_t> per_source(c.source_names.size(), 0);
  for (uint32_t doc = 0; doc < c.size(); ++doc) ++per_source[c.source[doc]];
  NEARDUP_ASSIGN_OR_RETURN(const Decisions boilerplate, counter.Decide(config.boilerplate, per_source, c.source));
  NEARDUP_ASSIGN_OR_RETURN(const std::vector<CrossMatch> across,
                           MatchAcross(source, c, removed_doc, boilerplate, analyzer, matcher, reread));

  // Boilerplate entries; the sweep finds where in their first document each occurs.
  std::map<uint32_t, std::vector<size_t>> first_docs;
  std::vector<uint64_t> hashes;
  for (const auto& e : boilerplate.entries()) {
    first_docs[e.first_doc].push_back(report.boilerplate.size());
    hashes.push_back(e.key);
    report.boilerplate.push_back({c.source_names[e.source], "", e.pattern, e.documents, per_source[e.source],
                                  e.first_doc, 0, 0});
  }
  std::vector<uint32_t> first_passage(report.boilerplate.size(), 0);

  ReportStats& s = report.stats;
  s.sources.resize(c.source_names.size());
  for (uint32_t i = 0; i < c.source_names.size(); ++i) {
    s.sources[i].source = c.source_names[i];
    s.sources[i].documents = per_source[i];
  }
  FindingsSweep sweep(c, boilerplate, across, config);
  PassageBlock block;
  SpillFile::Cursor cursor(*c.passages);
  for (uint32_t doc = 0; doc < c.size(); ++doc) {
    const auto entries = first_docs.find(doc);
    if (removed_doc[doc] && entries == first_docs.end()) continue;
    NEARDUP_RETURN_IF_ERROR(c.ReadPassages(doc, block, &cursor));
    if (entries != first_docs.end()) FirstSeen(block, entries->second, hashes, report, first_passage);
    if (removed_doc[doc]) continue;
    const size_t first = report.passages.size();
    sweep.Document(doc, block, report.passages);
    for (size_t i = first; i < report.passages.size(); ++i) Count(report.passages[i], s, s.sources[c.source[doc]]);
  }
  std::vector<size_t> order(report.boilerplate.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto& b = report.boilerplate;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return std::tuple(c.source[b[x].first_doc], b[x].first_doc, first_passage[x], b[x].pattern) <
           std::tuple(c.source[b[y].first_doc], b[y].first_doc, first_passage[y], b[y].pattern);
  });
  std::vector<BoilerplateEntry> sorted;
  sorted.reserve(order.size());
  for (const size_t i : order) sorted.push_back(std::move(report.boilerplate[i]));
  report.boilerplate = std::move(sorted);
  std::sort(s.sources.begin(), s.sources.end(),
            [](const SourceTotals& a, const SourceTotals& b) { return a.source < b.source; });
  return absl::OkStatus();
}

absl::Status FillBoilerplateText(const DocumentSource& source, const Config& config, Report& report) {
  if (report.boilerplate.empty()) return absl::OkStatus();
  std::map<uint32_t, std::vector<size_t>> wanted;  // document -> entries first seen there
  for (size_t i = 0; i < report.boilerplate.size(); ++i) wanted[report.boilerplate[i].first_doc].push_back(i);
  const uint32_t last = wanted.rbegin()->first;
  // Reading stops after the last document wanted; this status says so and is not an error.
  const absl::Status done = absl::CancelledError("neardup: boilerplate texts read");
  uint32_t doc = 0;
  const absl::Status status = source.ForEach([&](Document&& d) -> absl::Status {
    if (auto it = wanted.find(doc); it != wanted.end()) {
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
    return doc++ == last ? done : absl::OkStatus();
  });
  return status == done ? absl::OkStatus() : status;
}

}  // namespace neardup
