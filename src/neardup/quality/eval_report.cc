// Reading a run's report for eval: only the fields eval scores, so that other tools can write
// the same few fields and be scored alike.
#include <simdjson.h>

#include "absl/strings/str_format.h"
#include "neardup/quality/eval.h"

namespace neardup {
namespace {

absl::Status Malformed(std::string_view name, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrFormat("%s: not a usable report: %s", name, what));
}

std::optional<SpanKind> KindOfRule(std::string_view rule) {
  if (rule == "repeat-within") return SpanKind::kWithin;
  if (rule == "repeat-across") return SpanKind::kAcross;
  if (rule == "boilerplate" || rule == "boilerplate-pattern") return SpanKind::kBoilerplate;
  return std::nullopt;
}

// "threshold 0.8, cross-doc report, ..." from whichever params the report has.
std::string Describe(simdjson::dom::element root) {
  simdjson::dom::object params;
  if (root["params"].get(params) != simdjson::SUCCESS) return "";
  std::string out;
  const auto append = [&](const std::string& part) {
    if (!out.empty()) out += ", ";
    out += part;
  };
  double number = 0;
  std::string_view text;
  if (params["threshold"].get(number) == simdjson::SUCCESS) append(absl::StrFormat("threshold %g", number));
  if (params["cross_doc"].get(text) == simdjson::SUCCESS) append(absl::StrFormat("cross-doc %s", text));
  if (params["boilerplate_patterns"].get(text) == simdjson::SUCCESS) {
    append(absl::StrFormat("boilerplate patterns %s", text));
  }
  if (params["containment"].get(number) == simdjson::SUCCESS && number > 0) {
    append(absl::StrFormat("containment %g", number));
  }
  return out;
}

absl::Status ReadClusters(simdjson::dom::element root, std::string_view name, Run& run) {
  simdjson::dom::array clusters;
  if (root["document_clusters"].get(clusters) != simdjson::SUCCESS) {
    return Malformed(name, "no \"document_clusters\" array");
  }
  for (const simdjson::dom::element cluster : clusters) {
    simdjson::dom::array removed;
    if (cluster["removed"].get(removed) != simdjson::SUCCESS) {
      return Malformed(name, "a document cluster has no \"removed\" array");
    }
    for (const simdjson::dom::element doc : removed) {
      std::string_view id;
      if (doc["id"].get(id) != simdjson::SUCCESS) return Malformed(name, "a removed document has no \"id\"");
      run.removed_documents.emplace_back(id);
    }
  }
  return absl::OkStatus();
}

absl::Status ReadPassages(simdjson::dom::element root, std::string_view name, Run& run) {
  simdjson::dom::array passages;
  if (root["passages"].get(passages) != simdjson::SUCCESS) return Malformed(name, "no \"passages\" array");
  for (const simdjson::dom::element p : passages) {
    RunPassage passage;
    std::string_view doc, rule;
    if (p["doc"].get(doc) != simdjson::SUCCESS || p["start"].get(passage.start) != simdjson::SUCCESS ||
        p["end"].get(passage.end) != simdjson::SUCCESS || p["rule"].get(rule) != simdjson::SUCCESS) {
      return Malformed(name, "a passage lacks one of \"doc\", \"start\", \"end\", \"rule\"");
    }
    // A tool that only lists what it removes need not say so.
    if (const auto error = p["removed"].get(passage.removed); error == simdjson::NO_SUCH_FIELD) {
      passage.removed = true;
    } else if (error != simdjson::SUCCESS) {
      return Malformed(name, "a passage's \"removed\" is not true or false");
    }
    const std::optional<SpanKind> kind = KindOfRule(rule);
    if (!kind) return Malformed(name, absl::StrFormat("unknown passage rule \"%s\"", rule));
    passage.doc = std::string(doc);
    passage.kind = *kind;
    run.passages.push_back(std::move(passage));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Run> ParseRunReport(std::string_view json, std::string_view name) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (const auto error = parser.parse(json.data(), json.size()).get(root); error != simdjson::SUCCESS) {
    return Malformed(name, simdjson::error_message(error));
  }
  Run run;
  run.description = Describe(root);
  if (absl::Status s = ReadClusters(root, name, run); !s.ok()) return s;
  if (absl::Status s = ReadPassages(root, name, run); !s.ok()) return s;
  return run;
}

}  // namespace neardup
