// ReadReportJson: the one parser of the report schema that report.cc writes. `check --baseline`,
// `eval` and the end-to-end tests all read reports through it.
#include <simdjson.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "neardup/base/status_macros.h"
#include "neardup/report.h"

namespace neardup {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;

// The value of E named `name` by `name_of`, among the first `count` values.
template <typename E>
std::optional<E> FromName(std::string_view name, const char* (*name_of)(E), int count) {
  for (int i = 0; i < count; ++i) {
    if (name == name_of(static_cast<E>(i))) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Reads one report into `report`. Documents get indices in order of first mention.
class ReportReader {
 public:
  ReportReader(std::string_view name, const ReadReportOptions& options, Report& report)
      : name_(name), options_(options), report_(report) {}

  absl::Status Read(element root);

 private:
  absl::Status Malformed(std::string_view what) const {
    return absl::InvalidArgumentError(absl::StrFormat("%s: not a neardup report: %s", name_, what));
  }
  // The value of `key` in `parent` as T, or an error naming `where`. `required` false: an absent
  // key leaves `out` alone.
  template <typename T>
  absl::Status Field(element parent, std::string_view key, std::string_view where, bool required, T& out) const {
    const auto value = parent[key];
    if (value.error() == simdjson::NO_SUCH_FIELD && !required) return absl::OkStatus();
    if (value.error() == simdjson::NO_SUCH_FIELD) {
      return Malformed(absl::StrFormat("%s has no \"%s\"", where, key));
    }
    // simdjson reads 64-bit numbers; narrower fields take them when they fit.
    using Read = std::conditional_t<std::is_same_v<T, int>, int64_t,
                                    std::conditional_t<std::is_same_v<T, uint32_t>, uint64_t, T>>;
    Read read{};
    if (value.get(read) != simdjson::SUCCESS || !Fits<T>(read)) {
      return Malformed(absl::StrFormat("%s: \"%s\" has the wrong type", where, key));
    }
    out = static_cast<T>(read);
    return absl::OkStatus();
  }
  template <typename T, typename Read>
  static bool Fits(const Read& read) {
    if constexpr (std::is_same_v<T, Read>) {
      return true;
    } else {
      return read >= std::numeric_limits<T>::min() && read <= std::numeric_limits<T>::max();
    }
  }
  uint32_t Doc(std::string_view id);
  absl::Status DocField(element parent, std::string_view key, std::string_view where, uint32_t& doc);
  absl::Status Fingerprint(element entry, std::string_view where, uint64_t& out) const;
  absl::Status Header(element root) const;
  absl::Status Params(element root);
  absl::Status NumberParams(element params);
  absl::Status WordParams(element params);
  absl::Status ParamChoice(element params, std::string_view key, std::string_view a, std::string_view b, bool& is_b);
  absl::Status Stats(element root);
  absl::Status RuleStats(element stats);
  absl::Status Clusters(element root);
  absl::Status Removed(element doc, DocumentCluster& cluster);
  absl::Status Passages(element root);
  absl::Status Passage(element p);
  absl::Status Boilerplate(element root);

  std::string_view name_;
  const ReadReportOptions& options_;
  Report& report_;
  // Keys view the ids in report_.ids, whose blocks never move.
  absl::flat_hash_map<std::string_view, uint32_t> doc_of_;
};

uint32_t ReportReader::Doc(std::string_view id) {
  if (const auto it = doc_of_.find(id); it != doc_of_.end()) return it->second;
  const auto doc = static_cast<uint32_t>(report_.ids.size());
  report_.ids.push_back(id);
  report_.sizes.push_back(0);
  report_.locations.push_back("");
  report_.fingerprints.push_back(0);
  doc_of_.emplace(report_.ids[doc], doc);
  return doc;
}

absl::Status ReportReader::DocField(element parent, std::string_view key, std::string_view where, uint32_t& doc) {
  std::string_view id;
  NEARDUP_RETURN_IF_ERROR(Field(parent, key, where, true, id));
  doc = Doc(id);
  return absl::OkStatus();
}

absl::Status ReportReader::Fingerprint(element entry, std::string_view where, uint64_t& out) const {
  std::string_view hex;
  if (entry["fingerprint"].get(hex) != simdjson::SUCCESS || hex.size() != 16) {
    if (!options_.neardup_only && entry["fingerprint"].error() == simdjson::NO_SUCH_FIELD) return absl::OkStatus();
    return Malformed(absl::StrFormat("%s has no 16-digit \"fingerprint\" (written by neardup 0.1 or later)", where));
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
      return Malformed(absl::StrFormat("bad fingerprint \"%s\"", hex));
    }
    value = value << 4 | digit;
  }
  out = value;
  return absl::OkStatus();
}

absl::Status ReportReader::Header(element root) const {
  int64_t schema = 0;
  const auto header = root["neardup"];
  if (header.error() == simdjson::NO_SUCH_FIELD && !options_.neardup_only) return absl::OkStatus();
  if (header["schema"].get(schema) != simdjson::SUCCESS) return Malformed("no \"neardup\": {\"schema\": ...}");
  if (schema != kReportSchema) return Malformed(absl::StrFormat("schema %d, expected %d", schema, kReportSchema));
  return absl::OkStatus();
}

// A param that is one of two words: sets `is_b` when it is the second.
absl::Status ReportReader::ParamChoice(element params, std::string_view key, std::string_view a, std::string_view b,
                                       bool& is_b) {
  std::string_view value;
  NEARDUP_RETURN_IF_ERROR(Field(params, key, "params", false, value));
  if (value.empty()) return absl::OkStatus();
  if (value != a && value != b) {
    return Malformed(absl::StrFormat("params: \"%s\" is \"%s\", not \"%s\" or \"%s\"", key, value, a, b));
  }
  is_b = value == b;
  return absl::OkStatus();
}

absl::Status ReportReader::NumberParams(element params) {
  Config& c = report_.config;
  NEARDUP_RETURN_IF_ERROR(Field(params, "threshold", "params", false, c.threshold));
  NEARDUP_RETURN_IF_ERROR(Field(params, "num_perm", "params", false, c.num_perm));
  NEARDUP_RETURN_IF_ERROR(Field(params, "bands", "params", false, report_.lsh.bands));
  NEARDUP_RETURN_IF_ERROR(Field(params, "rows", "params", false, report_.lsh.rows));
  NEARDUP_RETURN_IF_ERROR(Field(params, "seed", "params", false, c.seed));
  NEARDUP_RETURN_IF_ERROR(Field(params, "passage_threshold", "params", false, c.passages.near_threshold));
  NEARDUP_RETURN_IF_ERROR(Field(params, "passage_near_min_words", "params", false, c.passages.near_min_words));
  NEARDUP_RETURN_IF_ERROR(Field(params, "boilerplate_min_docs", "params", false, c.boilerplate.min_docs));
  NEARDUP_RETURN_IF_ERROR(Field(params, "boilerplate_min_share", "params", false, c.boilerplate.min_share));
  NEARDUP_RETURN_IF_ERROR(Field(params, "containment", "params", false, c.containment));
  NEARDUP_RETURN_IF_ERROR(Field(params, "min_tandem_words", "params", false, c.min_tandem_words));
  c.passages.seed = c.seed;
  return absl::OkStatus();
}

absl::Status ReportReader::WordParams(element params) {
  Config& c = report_.config;
  std::string_view shingle, passage_shingle, keep;
  bool paragraph = false, remove_across = false;
  NEARDUP_RETURN_IF_ERROR(Field(params, "shingle", "params", false, shingle));
  NEARDUP_RETURN_IF_ERROR(Field(params, "passage_shingle", "params", false, passage_shingle));
  NEARDUP_RETURN_IF_ERROR(Field(params, "keep", "params", false, keep));
  NEARDUP_RETURN_IF_ERROR(ParamChoice(params, "passages", "line", "paragraph", paragraph));
  NEARDUP_RETURN_IF_ERROR(ParamChoice(params, "cross_doc", "report", "remove", remove_across));
  NEARDUP_RETURN_IF_ERROR(ParamChoice(params, "boilerplate_patterns", "report", "remove", c.boilerplate.remove_patterns));
  c.passages.segment.mode = paragraph ? PassageMode::kParagraph : PassageMode::kLine;
  c.cross_doc = remove_across ? CrossDocMode::kRemove : CrossDocMode::kReport;
  if (!shingle.empty()) {
    const absl::StatusOr<ShingleSpec> spec = ParseShingleSpec(shingle);
    if (!spec.ok()) return Malformed(absl::StrFormat("params: bad \"shingle\" \"%s\"", shingle));
    c.shingle = *spec;
  }
  if (!passage_shingle.empty()) {
    const absl::StatusOr<ShingleSpec> spec = ParseShingleSpec(passage_shingle);
    if (!spec.ok() || spec->kind != ShingleKind::kWord) {
      return Malformed(absl::StrFormat("params: bad \"passage_shingle\" \"%s\"", passage_shingle));
    }
    c.passages.shingle_words = spec->k;
  }
  if (keep.starts_with("field:")) {
    c.keep = KeepPolicy::kField;
    c.keep_field = std::string(keep.substr(6));
  } else if (keep == "longest") {
    c.keep = KeepPolicy::kLongest;
  } else if (!keep.empty() && keep != "first") {
    return Malformed(absl::StrFormat("params: unknown \"keep\" \"%s\"", keep));
  }
  return absl::OkStatus();
}

absl::Status ReportReader::Params(element root) {
  if (root["params"].error() == simdjson::NO_SUCH_FIELD) return absl::OkStatus();
  simdjson::dom::object params;
  if (root["params"].get(params) != simdjson::SUCCESS) return Malformed("\"params\" is not an object");
  // Which params a report has matters to eval, which describes a run by them.
  if (options_.params_found != nullptr) {
    for (const auto field : params) options_.params_found->emplace_back(field.key);
  }
  NEARDUP_RETURN_IF_ERROR(NumberParams(root["params"].value_unsafe()));
  return WordParams(root["params"].value_unsafe());
}

absl::Status ReportReader::RuleStats(element stats) {
  if (stats["rules"].error() == simdjson::NO_SUCH_FIELD) return absl::OkStatus();
  for (int rule = 0; rule < kNumPassageRules; ++rule) {
    const char* name = RuleName(static_cast<PassageRule>(rule));
    const auto totals = stats["rules"][name];
    if (totals.error() == simdjson::NO_SUCH_FIELD) continue;
    RuleTotals& t = report_.stats.rules[rule];
    const std::string where = absl::StrFormat("stats.rules.%s", name);
    NEARDUP_RETURN_IF_ERROR(Field(totals.value_unsafe(), "passages", where, false, t.passages));
    NEARDUP_RETURN_IF_ERROR(Field(totals.value_unsafe(), "bytes", where, false, t.bytes));
    NEARDUP_RETURN_IF_ERROR(Field(totals.value_unsafe(), "removed_passages", where, false, t.removed_passages));
    NEARDUP_RETURN_IF_ERROR(Field(totals.value_unsafe(), "removed_bytes", where, false, t.removed_bytes));
  }
  return absl::OkStatus();
}

// removed_bytes and duplicate_byte_ratio are not read: ReportStats derives them.
absl::Status ReportReader::Stats(element root) {
  if (root["stats"].error() == simdjson::NO_SUCH_FIELD) return absl::OkStatus();
  if (!root["stats"].is_object()) return Malformed("\"stats\" is not an object");
  const element stats = root["stats"].value_unsafe();
  ReportStats& s = report_.stats;
  NEARDUP_RETURN_IF_ERROR(Field(stats, "documents", "stats", false, s.documents));
  NEARDUP_RETURN_IF_ERROR(Field(stats, "bytes", "stats", false, s.bytes));
  NEARDUP_RETURN_IF_ERROR(Field(stats, "duplicate_documents", "stats", false, s.duplicate_documents));
  NEARDUP_RETURN_IF_ERROR(Field(stats, "duplicate_document_bytes", "stats", false, s.duplicate_document_bytes));
  NEARDUP_RETURN_IF_ERROR(Field(stats, "removed_passages", "stats", false, s.removed_passages));
  NEARDUP_RETURN_IF_ERROR(Field(stats, "removed_passage_bytes", "stats", false, s.removed_passage_bytes));
  if (const auto by_match = stats["duplicate_documents_by_match"]; by_match.error() == simdjson::SUCCESS) {
    const std::string_view where = "stats.duplicate_documents_by_match";
    NEARDUP_RETURN_IF_ERROR(Field(by_match.value_unsafe(), "exact", where, false, s.exact_documents));
    NEARDUP_RETURN_IF_ERROR(Field(by_match.value_unsafe(), "jaccard", where, false, s.jaccard_documents));
    NEARDUP_RETURN_IF_ERROR(Field(by_match.value_unsafe(), "containment", where, false, s.containment_documents));
  }
  NEARDUP_RETURN_IF_ERROR(RuleStats(stats));
  array sources;
  if (stats["boilerplate_by_source"].get(sources) != simdjson::SUCCESS) return absl::OkStatus();
  for (const element source : sources) {
    SourceTotals& t = s.sources.emplace_back();
    std::string_view name;
    NEARDUP_RETURN_IF_ERROR(Field(source, "source", "a source's totals", true, name));
    t.source = std::string(name);
    NEARDUP_RETURN_IF_ERROR(Field(source, "documents", "a source's totals", false, t.documents));
    NEARDUP_RETURN_IF_ERROR(Field(source, "removed_passages", "a source's totals", false, t.boilerplate_passages));
    NEARDUP_RETURN_IF_ERROR(Field(source, "removed_bytes", "a source's totals", false, t.boilerplate_bytes));
  }
  return absl::OkStatus();
}

absl::Status ReportReader::Removed(element doc, DocumentCluster& cluster) {
  RemovedDocument& d = cluster.removed.emplace_back();
  std::string_view match;
  uint64_t fingerprint = 0;
  NEARDUP_RETURN_IF_ERROR(Fingerprint(doc, "a removed document", fingerprint));
  NEARDUP_RETURN_IF_ERROR(DocField(doc, "id", "a removed document", d.doc));
  report_.fingerprints[d.doc] = fingerprint;
  NEARDUP_RETURN_IF_ERROR(Field(doc, "similarity", "a removed document", false, d.similarity));
  NEARDUP_RETURN_IF_ERROR(Field(doc, "match", "a removed document", false, match));
  if (match.empty()) return absl::OkStatus();
  const std::optional<DocumentMatch> known = FromName(match, MatchName, kNumDocumentMatches);
  if (!known) return Malformed(absl::StrFormat("unknown document match \"%s\"", match));
  d.match = *known;
  return absl::OkStatus();
}

absl::Status ReportReader::Clusters(element root) {
  array clusters;
  if (root["document_clusters"].get(clusters) != simdjson::SUCCESS) return Malformed("no \"document_clusters\" array");
  for (const element c : clusters) {
    DocumentCluster& cluster = report_.clusters.emplace_back();
    array removed;
    NEARDUP_RETURN_IF_ERROR(DocField(c, "kept", "a document cluster", cluster.kept));
    bool in_index = false;
    if (c["kept_in_index"].get(in_index) == simdjson::SUCCESS) cluster.kept_in_index = in_index;
    if (c["removed"].get(removed) != simdjson::SUCCESS) return Malformed("a document cluster has no \"removed\" array");
    for (const element doc : removed) NEARDUP_RETURN_IF_ERROR(Removed(doc, cluster));
  }
  return absl::OkStatus();
}

absl::Status ReportReader::Passage(element p) {
  PassageFinding& f = report_.passages.emplace_back();
  std::string_view rule;
  NEARDUP_RETURN_IF_ERROR(Field(p, "rule", "a passage", true, rule));
  NEARDUP_RETURN_IF_ERROR(Fingerprint(p, "a finding", f.fingerprint));
  NEARDUP_RETURN_IF_ERROR(DocField(p, "doc", "a passage", f.doc));
  NEARDUP_RETURN_IF_ERROR(Field(p, "start", "a passage", true, f.start));
  NEARDUP_RETURN_IF_ERROR(Field(p, "end", "a passage", true, f.end));
  NEARDUP_RETURN_IF_ERROR(Field(p, "line", "a passage", false, f.line));
  // A tool that only lists what it removes need not say so.
  NEARDUP_RETURN_IF_ERROR(Field(p, "removed", "a passage", false, f.removed));
  NEARDUP_RETURN_IF_ERROR(Field(p, "similarity", "a passage", false, f.similarity));
  const std::optional<PassageRule> known = FromName(rule, RuleName, kNumPassageRules);
  if (!known) return Malformed(absl::StrFormat("unknown passage rule \"%s\"", rule));
  f.rule = *known;
  const auto copy = p["copy_of"];
  f.has_copy = copy.error() != simdjson::NO_SUCH_FIELD;
  if (!f.has_copy) return absl::OkStatus();
  NEARDUP_RETURN_IF_ERROR(DocField(copy.value_unsafe(), "doc", "a passage's copy_of", f.copy_doc));
  NEARDUP_RETURN_IF_ERROR(Field(copy.value_unsafe(), "start", "a passage's copy_of", true, f.copy_start));
  return Field(copy.value_unsafe(), "end", "a passage's copy_of", true, f.copy_end);
}

absl::Status ReportReader::Passages(element root) {
  array passages;
  if (root["passages"].get(passages) != simdjson::SUCCESS) return Malformed("no \"passages\" array");
  for (const element p : passages) NEARDUP_RETURN_IF_ERROR(Passage(p));
  return absl::OkStatus();
}

absl::Status ReportReader::Boilerplate(element root) {
  array entries;
  if (root["boilerplate"].error() == simdjson::NO_SUCH_FIELD) return absl::OkStatus();
  if (root["boilerplate"].get(entries) != simdjson::SUCCESS) return Malformed("\"boilerplate\" is not an array");
  for (const element e : entries) {
    BoilerplateEntry& b = report_.boilerplate.emplace_back();
    std::string_view source, text, kind;
    NEARDUP_RETURN_IF_ERROR(Field(e, "source", "a boilerplate entry", true, source));
    NEARDUP_RETURN_IF_ERROR(Field(e, "text", "a boilerplate entry", true, text));
    NEARDUP_RETURN_IF_ERROR(Field(e, "kind", "a boilerplate entry", false, kind));
    NEARDUP_RETURN_IF_ERROR(Field(e, "documents", "a boilerplate entry", false, b.documents));
    NEARDUP_RETURN_IF_ERROR(Field(e, "source_documents", "a boilerplate entry", false, b.source_documents));
    b.source = std::string(source);
    b.text = std::string(text);
    b.pattern = kind == "pattern";
    if (const auto first = e["first_seen"]; first.error() == simdjson::SUCCESS) {
      NEARDUP_RETURN_IF_ERROR(DocField(first.value_unsafe(), "doc", "a boilerplate entry's first_seen", b.first_doc));
      NEARDUP_RETURN_IF_ERROR(Field(first.value_unsafe(), "start", "first_seen", false, b.first_start));
      NEARDUP_RETURN_IF_ERROR(Field(first.value_unsafe(), "end", "first_seen", false, b.first_end));
    }
  }
  return absl::OkStatus();
}

// The order in which documents are first mentioned (kept, removed, passages, copies, first_seen)
// numbers them; the JSON names documents only by id, so writing the result gives the same text.
absl::Status ReportReader::Read(element root) {
  NEARDUP_RETURN_IF_ERROR(Header(root));
  NEARDUP_RETURN_IF_ERROR(Params(root));
  NEARDUP_RETURN_IF_ERROR(Stats(root));
  NEARDUP_RETURN_IF_ERROR(Clusters(root));
  NEARDUP_RETURN_IF_ERROR(Passages(root));
  return Boilerplate(root);
}

}  // namespace

absl::StatusOr<Report> ReadReportJson(std::string_view json, std::string_view name, const ReadReportOptions& options) {
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(json.data(), json.size());
  element root;
  if (const auto error = parser.parse(padded).get(root); error != simdjson::SUCCESS) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: not a neardup report: %s", name, simdjson::error_message(error)));
  }
  Report report;
  NEARDUP_RETURN_IF_ERROR(ReportReader(name, options, report).Read(root));
  return report;
}

}  // namespace neardup
