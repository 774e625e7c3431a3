#include "neardup/engine/index_dedup.h"

#include <algorithm>
#include <charconv>

#include "absl/strings/str_format.h"
#include "neardup/base/status_macros.h"
#include "neardup/engine/analyze.h"
#include "neardup/similarity/lsh.h"
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

}  // namespace neardup
