#include "neardup/check/baseline.h"

#include "neardup/io/byte_stream.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

constexpr std::string_view kDocumentKind = "document";

// Takes one finding with `key` from `left`, if any remains.
bool Take(std::map<FindingKey, uint64_t>& left, const FindingKey& key) {
  const auto it = left.find(key);
  if (it == left.end() || it->second == 0) return false;
  --it->second;
  return true;
}

}  // namespace

void Baseline::Add(const FindingKey& key) {
  ++counts_[key];
  ++size_;
}

uint64_t Baseline::count(const FindingKey& key) const {
  const auto it = counts_.find(key);
  return it == counts_.end() ? 0 : it->second;
}

absl::StatusOr<Baseline> Baseline::Parse(std::string_view json, std::string_view name) {
  NEARDUP_ASSIGN_OR_RETURN(const Report report, ReadReportJson(json, name, {.neardup_only = true}));
  Baseline baseline;
  for (const DocumentCluster& c : report.clusters) {
    for (const RemovedDocument& d : c.removed) baseline.Add({std::string(kDocumentKind), report.fingerprints[d.doc]});
  }
  for (const PassageFinding& p : report.passages) baseline.Add({RuleName(p.rule), p.fingerprint});
  return baseline;
}

absl::StatusOr<Baseline> Baseline::Load(const std::string& path) {
  NEARDUP_ASSIGN_OR_RETURN(const std::string json,
                           ReadWholeFile(path, path, CompressionFromName(path)));
  return Parse(json, path);
}

NewFindings AllNew(const Report& report) {
  NewFindings out;
  out.documents.assign(report.ids.size(), false);
  for (const DocumentCluster& c : report.clusters) {
    for (const RemovedDocument& d : c.removed) out.documents[d.doc] = true;
  }
  out.passages.assign(report.passages.size(), true);
  return out;
}

NewFindings MatchBaseline(const Report& report, const Baseline& baseline) {
  NewFindings out = AllNew(report);
  std::map<FindingKey, uint64_t> left = baseline.counts();
  const std::string document(kDocumentKind);
  // Own fingerprints first, for every document, so that a fallback match below never takes a
  // baseline entry that a document's own text would have claimed.
  for (const DocumentCluster& c : report.clusters) {
    for (const RemovedDocument& d : c.removed) {
      if (Take(left, {document, report.fingerprints[d.doc]})) {
        out.documents[d.doc] = false;
        ++out.absorbed;
      }
    }
  }
  for (size_t i = 0; i < report.passages.size(); ++i) {
    const PassageFinding& p = report.passages[i];
    if (Take(left, {RuleName(p.rule), p.fingerprint})) {
      out.passages[i] = false;
      ++out.absorbed;
    }
  }
  for (const DocumentCluster& c : report.clusters) {
    for (const RemovedDocument& d : c.removed) {
      if (out.documents[d.doc] && Take(left, {document, report.fingerprints[c.kept]})) {
        out.documents[d.doc] = false;
        ++out.absorbed;
      }
    }
  }
  return out;
}

}  // namespace neardup
