#include "cli/baseline_params.h"

#include <simdjson.h>

#include <map>

#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "neardup/report.h"

namespace neardup::cli {
namespace {

// Each member of the "params" object, as minified JSON.
std::map<std::string, std::string> Params(std::string_view json) {
  std::map<std::string, std::string> params;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(simdjson::padded_string(json)).get(root) != simdjson::SUCCESS) return params;
  simdjson::dom::object object;
  if (root["params"].get_object().get(object) != simdjson::SUCCESS) return params;
  for (const simdjson::dom::key_value_pair field : object) {
    params.emplace(std::string(field.key), simdjson::minify(field.value));
  }
  return params;
}

// "passage_threshold" -> "passage threshold", "cross_doc" -> "--cross-doc": the report's keys
// that are options are named as options.
std::string OptionName(const std::string& key) {
  static const std::map<std::string, std::string> kInternal = {
      {"passage_shingle", "passage shingles"},
      {"passage_threshold", "passage threshold"},
      {"passage_near_min_words", "passage minimum words"}};
  if (const auto it = kInternal.find(key); it != kInternal.end()) return it->second;
  return "--" + absl::StrReplaceAll(key, {{"_", "-"}});
}

// A JSON string without its quotes; other values as they are.
std::string Plain(const std::string& json) {
  if (json.size() >= 2 && json.front() == '"' && json.back() == '"') return json.substr(1, json.size() - 2);
  return json;
}

}  // namespace

std::vector<std::string> DifferingParams(std::string_view baseline_json, const Config& config) {
  const std::map<std::string, std::string> baseline = Params(baseline_json);
  // The run's own params, as the report writes them: a report with no documents in it.
  Report head;
  head.config = config;
  const std::map<std::string, std::string> run = Params(ReportToJson(head));
  std::vector<std::string> out;
  for (const auto& [key, value] : run) {
    if (key == "bands" || key == "rows") continue;
    const auto it = baseline.find(key);
    if (it == baseline.end() || it->second == value) continue;
    out.push_back(absl::StrFormat("%s %s (the baseline: %s)", OptionName(key), Plain(value), Plain(it->second)));
  }
  return out;
}

}  // namespace neardup::cli
