#include "cli/summary.h"

#include "absl/strings/str_format.h"
#include "neardup/render/render_common.h"

namespace neardup::cli {
namespace {

// The option that removes what a rule only reports.
const char* RemovedBy(PassageRule rule) {
  switch (rule) {
    case PassageRule::kRepeatAcross: return "--cross-doc remove";
    case PassageRule::kBoilerplatePattern: return "--boilerplate-patterns remove";
    default: return "";
  }
}

std::string Line(std::string_view label, uint64_t count, uint64_t bytes, uint64_t total) {
  return absl::StrFormat("%-22s %10u  %12u bytes  %6s\n", label, count, bytes, FormatShare(bytes, total, 1));
}

}  // namespace

std::string FormatSummary(const Report& r) {
  const ReportStats& s = r.stats;
  std::string out;
  out += absl::StrFormat("%-22s %10u  %12u bytes\n", "documents", s.documents, s.bytes);
  out += Line("duplicate documents", s.duplicate_documents, s.duplicate_document_bytes, s.bytes);
  out += "passages removed, by rule:\n";
  for (int rule = 0; rule < kNumPassageRules; ++rule) {
    const RuleTotals& t = s.rules[rule];
    out += Line(absl::StrFormat("  %s", RuleName(static_cast<PassageRule>(rule))), t.removed_passages,
                t.removed_bytes, s.bytes);
  }
  out += absl::StrFormat("%-22s %10s  %12u bytes  %6s\n", "removed in total", "", s.removed_bytes(),
                         FormatShare(s.removed_bytes(), s.bytes, 1));
  std::string reported;
  for (int rule = 0; rule < kNumPassageRules; ++rule) {
    const RuleTotals& t = s.rules[rule];
    if (t.passages == t.removed_passages) continue;
    const auto name = static_cast<PassageRule>(rule);
    std::string line = Line(absl::StrFormat("  %s", RuleName(name)), t.passages - t.removed_passages,
                            t.bytes - t.removed_bytes, s.bytes);
    if (*RemovedBy(name) != '\0') {
      line.pop_back();
      line += absl::StrFormat("  (%s removes them)\n", RemovedBy(name));
    }
    reported += line;
  }
  if (!reported.empty()) out += "reported, not removed:\n" + reported;
  return out;
}

std::vector<std::string> FormatTimings(const RunProfile& t, double write_seconds) {
  return {absl::StrFormat("seconds: sign %.3f, candidates+verify %.3f, cluster %.3f, passages %.3f, write %.3f",
                          t.sign, t.verify, t.cluster, t.passages, write_seconds),
          absl::StrFormat("document pairs: %d candidates, %d verified; passage pairs across documents: %d "
                          "candidates, %d with agreeing sketches, %d verified; documents read again: %d",
                          t.document_pairs, t.document_matches, t.passage_pairs, t.passage_sketched,
                          t.passage_matches, t.documents_reread)};
}

}  // namespace neardup::cli
