#include "neardup/engine/findings.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include <tbb/enumerable_thread_specific.h>

#include "neardup/passages/crossdoc.h"
#include "neardup/engine/doc_findings.h"
#include "neardup/store/set_store.h"
#include "neardup/text/normalize.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

using Decisions = BoilerplateCounter::Decisions;
using CrossMatch = CrossDocMatcher::Match;

// Passages of kept documents repeated from an earlier kept document. The first pass added every
// long passage that is not gone as a repeat within its document; those of kept documents that no
// rule of higher precedence touches take part.
absl::StatusOr<std::vector<CrossMatch>> MatchAcross(const DocumentSource& source, const CorpusSketch& c,
                                                    std::span<const uint32_t> kept_as, const Decisions& boilerplate,
                                                    const Analyzer& analyzer, const Config& config,
                                                    CrossDocMatcher& across, uint64_t& reread) {
  std::vector<bool> eligible(c.passage_count, false);
  PassageBlock block;
  DocFindings doc_findings;
  SpillFile::Cursor cursor(*c.passages);
  for (uint32_t doc = 0; doc < c.size(); ++doc) {
    if (kept_as[doc] != doc) continue;
    NEARDUP_RETURN_IF_ERROR(c.ReadPassages(doc, block, &cursor));
    doc_findings.Decide(block, c.source[doc], boilerplate, config.boilerplate.remove_patterns);
    for (uint32_t i = 0; i < block.passages.size(); ++i) eligible[c.first_gid[doc] + i] = doc_findings.Free(i);
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
    doc_findings_.Decide(block, c_.source[doc], boilerplate_, config_.boilerplate.remove_patterns);
    for (uint32_t i = 0; i < block.passages.size(); ++i) {
      const PassageSketch& p = block.passages[i];
      const uint64_t gid = c_.first_gid[doc] + i;
      // Later documents may copy this passage: its span is their copy_of.
      if (const auto it = targets_.find(gid); it != targets_.end()) it->second = {p.span.start, p.span.end};
      while (next_across_ < across_.size() && across_[next_across_].gid < gid) ++next_across_;
      if (next_across_ == across_.size() || across_[next_across_].gid != gid || !doc_findings_.Free(i)) continue;
      const CrossMatch& m = across_[next_across_];
      const auto [copy_start, copy_end] = targets_.at(m.copy);
      doc_findings_.AddAcross(i, c_.DocOfPassage(m.copy), copy_start, copy_end, m.similarity,
                              config_.cross_doc == CrossDocMode::kRemove);
    }
    doc_findings_.Emit(doc, out);
  }

 private:
  const CorpusSketch& c_;
  const Decisions& boilerplate_;
  const std::vector<CrossMatch>& across_;
  const Config& config_;
  size_t next_across_ = 0;
  absl::flat_hash_map<uint64_t, std::pair<uint32_t, uint32_t>> targets_;  // copy gid -> its span
  DocFindings doc_findings_;
};

// Where each boilerplate entry first occurs: the first matching unit of its first document.
// `hashes[e]` is entry e's fingerprint or opening hash.
void FirstSeen(const PassageBlock& block, const std::vector<size_t>& entries, const std::vector<uint64_t>& hashes,
               Report& report, std::vector<uint32_t>& first_unit) {
  std::vector<Unit> units;
  DocUnits(block.passages, block.pieces, units);
  for (const size_t e : entries) {
    BoilerplateEntry& entry = report.boilerplate[e];
    const auto matches = [&](uint32_t words, uint64_t fingerprint, uint64_t opening) {
      return words > 0 && (entry.pattern ? opening : fingerprint) == hashes[e];
    };
    // A whole passage is preferred over one of its sentences: that is where the rule found it.
    bool found = false;
    for (uint32_t i = 0; i < block.passages.size() && !found; ++i) {
      const PassageSketch& p = block.passages[i];
      if (!matches(p.words, p.fingerprint, p.opening)) continue;
      entry.first_start = p.span.start;
      entry.first_end = p.span.end;
      first_unit[e] = 2 * i;
      found = true;
    }
    for (uint32_t u = 0; u < units.size() && !found; ++u) {
      if (!matches(units[u].words, units[u].fingerprint, units[u].opening)) continue;
      entry.first_start = units[u].start;
      entry.first_end = units[u].end;
      first_unit[e] = 2 * units[u].passage + 1;
      found = true;
    }
  }
}

// Per source: its documents, and the clusters of duplicates among them (each counted once).
void SourceCounts(const CorpusSketch& c, std::span<const uint32_t> kept_as, std::vector<uint64_t>& documents,
                  std::vector<uint64_t>& clusters) {
  documents.assign(c.source_names.size(), 0);
  clusters.assign(c.source_names.size(), 0);
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (uint32_t doc = 0; doc < c.size(); ++doc) {
    ++documents[c.source[doc]];
    if (kept_as[doc] == doc) {
      ++clusters[c.source[doc]];
    } else {
      pairs.emplace_back(c.source[doc], kept_as[doc]);
    }
  }
  // A removed copy adds a cluster to its source only when no document of its cluster is there.
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  for (const auto& [source, kept] : pairs) {
    // A document kept in the index (kept >= size()) is of no source of this run.
    if (kept >= c.size() || c.source[kept] != source) ++clusters[source];
  }
}

}  // namespace

absl::Status ApplyPassageRules(const DocumentSource& source, const CorpusSketch& c, std::span<const uint32_t> kept_as,
                               BoilerplateCounter& counter, CrossDocMatcher& matcher, const Analyzer& analyzer,
                               const Config& config, Report& report, uint64_t& reread) {
  std::vector<uint64_t> per_source, source_clusters;
  SourceCounts(c, kept_as, per_source, source_clusters);
  NEARDUP_ASSIGN_OR_RETURN(const Decisions boilerplate,
                           counter.Decide(config.boilerplate, source_clusters, c.source, kept_as));
  NEARDUP_ASSIGN_OR_RETURN(const std::vector<CrossMatch> across,
                           MatchAcross(source, c, kept_as, boilerplate, analyzer, config, matcher, reread));

  // Boilerplate entries; the sweep finds where in their first document each occurs.
  std::map<uint32_t, std::vector<size_t>> first_docs;
  std::vector<uint64_t> hashes;
  for (const auto& e : boilerplate.entries()) {
    first_docs[e.first_doc].push_back(report.boilerplate.size());
    hashes.push_back(e.key);
    report.boilerplate.push_back({c.source_names[e.source], "", e.pattern, e.documents, source_clusters[e.source],
                                  e.first_doc, 0, 0});
  }
  std::vector<uint32_t> first_unit(report.boilerplate.size(), 0);

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
    const bool removed_doc = kept_as[doc] != doc;
    if (removed_doc && entries == first_docs.end()) continue;
    NEARDUP_RETURN_IF_ERROR(c.ReadPassages(doc, block, &cursor));
    if (entries != first_docs.end()) FirstSeen(block, entries->second, hashes, report, first_unit);
    if (removed_doc) continue;
    const size_t first = report.passages.size();
    sweep.Document(doc, block, report.passages);
    for (size_t i = first; i < report.passages.size(); ++i) Count(report.passages[i], s, s.sources[c.source[doc]]);
  }
  std::vector<size_t> order(report.boilerplate.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto& b = report.boilerplate;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return std::tuple(c.source[b[x].first_doc], b[x].first_doc, first_unit[x], b[x].pattern) <
           std::tuple(c.source[b[y].first_doc], b[y].first_doc, first_unit[y], b[y].pattern);
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
