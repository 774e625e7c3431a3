// Reading a run's report for eval: only the fields eval scores, so that other tools can write
// the same few fields and be scored alike. ReadReportJson() parses; this keeps what eval needs.
#include <algorithm>
#include <optional>

#include "absl/strings/str_format.h"
#include "neardup/base/status_macros.h"
#include "neardup/quality/eval.h"
#include "neardup/report.h"

namespace neardup {
namespace {

SpanKind KindOfRule(PassageRule rule) {
  switch (rule) {
    case PassageRule::kRepeatWithin:
      return SpanKind::kWithin;
    case PassageRule::kRepeatAcross:
      return SpanKind::kAcross;
    case PassageRule::kBoilerplate:
    case PassageRule::kBoilerplatePattern:
      return SpanKind::kBoilerplate;
  }
  return SpanKind::kWithin;
}

// "threshold 0.8, cross-doc report, ..." from whichever params the report has.
std::string Describe(const Config& c, const std::vector<std::string>& params) {
  const auto has = [&](std::string_view name) { return std::find(params.begin(), params.end(), name) != params.end(); };
  std::string out;
  const auto append = [&](const std::string& part) {
    if (!out.empty()) out += ", ";
    out += part;
  };
  if (has("threshold")) append(absl::StrFormat("threshold %g", c.threshold));
  if (has("cross_doc")) append(c.cross_doc == CrossDocMode::kRemove ? "cross-doc remove" : "cross-doc report");
  if (has("boilerplate_patterns")) {
    append(c.boilerplate.remove_patterns ? "boilerplate patterns remove" : "boilerplate patterns report");
  }
  if (has("containment") && c.containment > 0) append(absl::StrFormat("containment %g", c.containment));
  return out;
}

}  // namespace

absl::StatusOr<Run> ParseRunReport(std::string_view json, std::string_view name) {
  std::vector<std::string> params;
  NEARDUP_ASSIGN_OR_RETURN(const Report report,
                           ReadReportJson(json, name, {.neardup_only = false, .params_found = &params}));
  Run run;
  run.description = Describe(report.config, params);
  for (const DocumentCluster& c : report.clusters) {
    for (const RemovedDocument& d : c.removed) run.removed_documents.emplace_back(report.ids[d.doc]);
  }
  for (const PassageFinding& p : report.passages) {
    run.passages.push_back({std::string(report.ids[p.doc]), p.start, p.end, KindOfRule(p.rule), p.removed});
  }
  return run;
}

}  // namespace neardup
