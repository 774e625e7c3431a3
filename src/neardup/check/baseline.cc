#include "neardup/check/baseline.h"

#include <simdjson.h>

#include "absl/strings/str_format.h"
#include "neardup/io/byte_stream.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

constexpr std::string_view kDocumentKind = "document";

absl::Status Malformed(std::string_view name, std::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrFormat("%s: not a neardup report usable as a baseline: %s", name, what));
}

absl::StatusOr<uint64_t> ParseFingerprint(simdjson::dom::element entry, std::string_view name) {
  std::string_view hex;
  if (entry["fingerprint"].get_string().get(hex) != simdjson::SUCCESS || hex.size() != 16) {
    return Malformed(name, "a finding has no 16-digit \"fingerprint\" (written by neardup 0.1 or later)");
  }
  uint64_t value = 0;
  for (const char c : hex) {
    uint64_t digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<uint64_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<uint64_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<uint64_t>(c - 'A' + 10);
    } else {
      return Malformed(name, absl::StrFormat("bad fingerprint \"%s\"", hex));
    }
    value = value << 4 | digit;
  }
  return value;
}

absl::Status AddDocuments(simdjson::dom::element root, std::string_view name, Baseline& baseline) {
  simdjson::dom::array clusters;
  if (root["document_clusters"].get_array().get(clusters) != simdjson::SUCCESS) {
    return Malformed(name, "no \"document_clusters\" array");
  }
  for (const simdjson::dom::element cluster : clusters) {
    simdjson::dom::array removed;
    if (cluster["removed"].get_array().get(removed) != simdjson::SUCCESS) {
      return Malformed(name, "a document cluster has no \"removed\" array");
    }
    for (const simdjson::dom::element doc : removed) {
      NEARDUP_ASSIGN_OR_RETURN(const uint64_t fingerprint, ParseFingerprint(doc, name));
      baseline.Add({std::string(kDocumentKind), fingerprint});
    }
  }
  return absl::OkStatus();
}

absl::Status AddPassages(simdjson::dom::element root, std::string_view name, Baseline& baseline) {
  simdjson::dom::array passages;
  if (root["passages"].get_array().get(passages) != simdjson::SUCCESS) {
    return Malformed(name, "no \"passages\" array");
  }
  for (const simdjson::dom::element passage : passages) {
    std::string_view rule;
    if (passage["rule"].get_string().get(rule) != simdjson::SUCCESS) {
      return Malformed(name, "a passage has no \"rule\"");
    }
    NEARDUP_ASSIGN_OR_RETURN(const uint64_t fingerprint, ParseFingerprint(passage, name));
    baseline.Add({std::string(rule), fingerprint});
  }
  return absl::OkStatus();
}

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
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(json.data(), json.size());
  simdjson::dom::element root;
  if (const auto error = parser.parse(padded).get(root); error != simdjson::SUCCESS) {
    return Malformed(name, simdjson::error_message(error));
  }
  int64_t schema = 0;
  if (root["neardup"]["schema"].get_int64().get(schema) != simdjson::SUCCESS) {
    return Malformed(name, "no \"neardup\": {\"schema\": ...}");
  }
  if (schema != kReportSchema) {
    return Malformed(name, absl::StrFormat("schema %d, expected %d", schema, kReportSchema));
  }
  Baseline baseline;
  NEARDUP_RETURN_IF_ERROR(AddDocuments(root, name, baseline));
  NEARDUP_RETURN_IF_ERROR(AddPassages(root, name, baseline));
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
