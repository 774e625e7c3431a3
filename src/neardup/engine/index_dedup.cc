#include "neardup/engine/index_dedup.h"

#include <tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <charconv>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "neardup/base/status_macros.h"
#include "neardup/neardup.h"
#include "neardup/similarity/lsh.h"
#include "neardup/store/set_store.h"
#include "neardup/similarity/verify.h"

namespace neardup {
namespace {

// The shortest text that reads back as `value`, as a user would type it ("0.8").
std::string ShortestDouble(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// Finds a document's duplicates in the index, one document at a time, with buffers reused.
class Matcher {
 public:
  Matcher(const Config& config, const Index& index) : config_(config), index_(index), analyzer_(config), scratch_(analyzer_) {}

  // Computes the keys of `text`; then its duplicates in the index into `out` (replaced),
  // ascending. With `first_only`, stops at the first (the one keep-first names).
  absl::Status Match(std::string_view text, bool first_only, std::vector<IndexMatch>& out) {
    analyzer_.IndexKeys(text, scratch_, exact_, band_keys_, set_);
    out.clear();
    candidates_.clear();
    for (const uint64_t key : band_keys_) NEARDUP_RETURN_IF_ERROR(index_.Lookup(key, candidates_));
    std::sort(candidates_.begin(), candidates_.end());
    candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
    for (const uint32_t doc : candidates_) {
      NEARDUP_RETURN_IF_ERROR(index_.Get(doc, stored_));
      const bool exact = stored_.exact == exact_;
      const double similarity = exact ? 1.0 : JaccardAtLeast(set_, stored_.shingles, config_.threshold);
      if (!exact && similarity < config_.threshold) continue;
      out.push_back({doc, stored_.id, stored_.source, similarity, exact ? DocumentMatch::kExact : DocumentMatch::kJaccard});
      if (first_only) break;
    }
    return absl::OkStatus();
  }

  // The record of the document last matched.
  StoredDoc Record(const Document& doc) const {
    StoredDoc record;
    record.id = doc.id;
    record.source = doc.source;
    record.exact = exact_;
    record.size = doc.text.size();
    record.shingles = set_;
    return record;
  }
  const std::vector<uint64_t>& band_keys() const { return band_keys_; }

 private:
  const Config& config_;
  const Index& index_;
  Analyzer analyzer_;
  Analyzer::Scratch scratch_;
  uint64_t exact_ = 0;
  std::vector<uint64_t> band_keys_;
  std::vector<uint32_t> set_;
  std::vector<uint32_t> candidates_;
  StoredDoc stored_;
};

}  // namespace

IndexParams IndexParamsOf(const Config& config) {
  const LshParams lsh = ChooseBands(config.threshold, config.num_perm);
  return {{"seed", absl::StrFormat("%d", config.seed)},
          {"num_perm", absl::StrFormat("%d", config.num_perm)},
          {"shingle", config.shingle.ToString()},
          {"threshold", ShortestDouble(config.threshold)},
          {"bands", absl::StrFormat("%d", lsh.bands)},
          {"rows", absl::StrFormat("%d", lsh.rows)},
          {"containment", ShortestDouble(config.containment)}};
}

absl::Status CheckIndexConfig(const Config& config) {
  if (config.containment > 0) {
    return absl::InvalidArgumentError("--containment does not work with an index yet; leave it at 0");
  }
  if (config.keep != KeepPolicy::kFirst) {
    return absl::InvalidArgumentError(
        "an index keeps the earliest document (--keep first): an indexed document is always the one kept");
  }
  return absl::OkStatus();
}

absl::StatusOr<IndexAddResult> AddToIndex(const DocumentSource& source, const Config& config, Index& index,
                                          const ProgressFn& progress) {
  NEARDUP_RETURN_IF_ERROR(CheckIndexConfig(config));
  const IndexParams params = IndexParamsOf(config);
  NEARDUP_RETURN_IF_ERROR(index.CheckParams(params));
  Matcher matcher(config, index);
  IndexAddResult result;
  uint64_t bytes = 0;
  std::vector<IndexMatch> matches;
  NEARDUP_RETURN_IF_ERROR(source.ForEach([&](Document&& doc) -> absl::Status {
    ++result.documents;
    bytes += doc.text.size();
    NEARDUP_RETURN_IF_ERROR(matcher.Match(doc.text, /*first_only=*/true, matches));
    if (matches.empty()) {
      NEARDUP_RETURN_IF_ERROR(index.Add(matcher.Record(doc), matcher.band_keys()));
      ++result.added;
    } else {
      ++result.duplicates;
    }
    if (progress) progress({"index", result.documents, bytes});
    return absl::OkStatus();
  }));
  NEARDUP_RETURN_IF_ERROR(index.Commit(params));
  return result;
}

absl::Status QueryIndex(const DocumentSource& source, const Config& config, const Index& index,
                        const IndexMatchVisitor& visit, const ProgressFn& progress) {
  NEARDUP_RETURN_IF_ERROR(CheckIndexConfig(config));
  NEARDUP_RETURN_IF_ERROR(index.CheckParams(IndexParamsOf(config)));
  Matcher matcher(config, index);
  uint64_t documents = 0;
  uint64_t bytes = 0;
  std::vector<IndexMatch> matches;
  return source.ForEach([&](Document&& doc) -> absl::Status {
    NEARDUP_RETURN_IF_ERROR(matcher.Match(doc.text, /*first_only=*/false, matches));
    NEARDUP_RETURN_IF_ERROR(visit(doc, matches));
    bytes += doc.text.size();
    if (progress) progress({"query", ++documents, bytes});
    return absl::OkStatus();
  });
}

absl::StatusOr<IndexHits> MatchIndex(const DocumentSource& source, const CorpusSketch& sketch,
                                     std::span<const uint32_t> docs, const Analyzer& analyzer, const Config& config,
                                     const Index& index, const SpillOptions& spill, uint64_t& documents_reread) {
  NEARDUP_RETURN_IF_ERROR(CheckIndexConfig(config));
  NEARDUP_RETURN_IF_ERROR(index.CheckParams(IndexParamsOf(config)));
  // Candidates first, from the band keys the first pass kept; only their documents are read again.
  const size_t bands = static_cast<size_t>(analyzer.lsh().bands);
  std::vector<uint32_t> with_candidates;
  std::vector<uint64_t> positions;
  std::vector<std::vector<uint32_t>> candidates;
  std::vector<uint32_t> found;
  for (const uint32_t doc : docs) {
    found.clear();
    for (size_t b = 0; b < bands; ++b) NEARDUP_RETURN_IF_ERROR(index.Lookup(sketch.band_keys[doc * bands + b], found));
    if (found.empty()) continue;
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    with_candidates.push_back(doc);
    positions.push_back(sketch.positions[doc]);
    candidates.push_back(found);
  }
  documents_reread += with_candidates.size();
  SetStore sets(spill);
  tbb::enumerable_thread_specific<Analyzer::Scratch> scratch([&analyzer] { return Analyzer::Scratch(analyzer); });
  NEARDUP_RETURN_IF_ERROR(RevisitSets(source, with_candidates, positions,
                                      [&](uint32_t doc, const Document& d, KeyedSets& out) {
                                        out.emplace_back(doc, std::vector<uint32_t>());
                                        analyzer.ShingleSet(d.text, scratch.local(), out.back().second);
                                      },
                                      sets));
  IndexHits hits;
  std::vector<uint32_t> set;
  StoredDoc stored;
  absl::flat_hash_map<uint32_t, uint32_t> slot_of;  // indexed number -> slot in hits.indexed
  for (size_t i = 0; i < with_candidates.size(); ++i) {
    const uint32_t doc = with_candidates[i];
    NEARDUP_RETURN_IF_ERROR(sets.Get(doc, set));
    for (const uint32_t indexed : candidates[i]) {
      NEARDUP_RETURN_IF_ERROR(index.Get(indexed, stored));
      const bool exact = stored.exact == sketch.exact[doc];
      const double similarity = exact ? 1.0 : JaccardAtLeast(set, stored.shingles, config.threshold);
      if (!exact && similarity < config.threshold) continue;
      // The earliest indexed document that verifies is the one kept in its place.
      const auto [at, inserted] = slot_of.emplace(indexed, static_cast<uint32_t>(hits.indexed.size()));
      if (inserted) {
        stored.shingles.clear();
        hits.indexed.push_back(stored);
      }
      hits.docs.push_back(doc);
      hits.kept.push_back(at->second);
      hits.similarity.push_back(similarity);
      hits.match.push_back(exact ? DocumentMatch::kExact : DocumentMatch::kJaccard);
      break;
    }
  }
  return hits;
}

absl::StatusOr<uint64_t> AddKeptToIndex(const DocumentSource& source, const Config& config, const Report& report,
                                        Index& index) {
  NEARDUP_RETURN_IF_ERROR(CheckIndexConfig(config));
  const IndexParams params = IndexParamsOf(config);
  NEARDUP_RETURN_IF_ERROR(index.CheckParams(params));
  const std::vector<DocumentEdit> edits = CleanEdits(report);
  const Analyzer analyzer(config);
  Analyzer::Scratch scratch(analyzer);
  StoredDoc record;
  std::vector<uint64_t> band_keys;
  uint64_t doc = 0;
  uint64_t added = 0;
  NEARDUP_RETURN_IF_ERROR(source.ForEach([&](Document&& d) -> absl::Status {
    if (doc >= edits.size()) return absl::FailedPreconditionError("the inputs changed during the run");
    if (!edits[doc++].drop) {
      record.id = d.id;
      record.source = d.source;
      record.size = d.text.size();
      analyzer.IndexKeys(d.text, scratch, record.exact, band_keys, record.shingles);
      NEARDUP_RETURN_IF_ERROR(index.Add(record, band_keys));
      ++added;
    }
    return absl::OkStatus();
  }));
  NEARDUP_RETURN_IF_ERROR(index.Commit(params));
  return added;
}

}  // namespace neardup
