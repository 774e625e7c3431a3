#include "neardup/check/render_junit.h"

#include "absl/strings/str_format.h"
#include "neardup/check/render_check.h"
#include "neardup/render/render_common.h"

namespace neardup {
namespace {

std::string Attr(std::string_view text) { return EscapeXml(text); }

void GateSuite(const CheckResult& result, std::string& out) {
  out += absl::StrFormat(
      "  <testsuite name=\"neardup.gates\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">\n",
      result.gates.size(), result.failed_gates());
  for (const GateResult& g : result.gates) {
    out += absl::StrFormat("    <testcase classname=\"neardup.gates\" name=\"%s\"", GateName(g.gate));
    const auto [value, limit] = FormatGateValues(g);
    if (g.passed) {
      out += absl::StrFormat(">\n      <system-out>%s: %s, limit %s</system-out>\n    </testcase>\n",
                             GateDescription(g.gate), value, limit);
      continue;
    }
    out += absl::StrFormat(">\n      <failure type=\"gate\" message=\"%s: %s, over the limit %s\">",
                           Attr(GateDescription(g.gate)), value, limit);
    out += absl::StrFormat("--%s %s failed: the corpus has %s (%s).</failure>\n    </testcase>\n",
                           GateName(g.gate), limit, value, Attr(GateDescription(g.gate)));
  }
  out += "  </testsuite>\n";
}

void DocumentSuite(const Report& report, const CheckResult& result,
                   const std::vector<OffendingDocument>& offending, std::string& out) {
  out += absl::StrFormat(
      "  <testsuite name=\"neardup.documents\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">\n",
      offending.size(), offending.size());
  for (const OffendingDocument& d : offending) {
    const FileLine at = FindingPosition(report, result.findings[d.findings.front()]);
    out += absl::StrFormat("    <testcase classname=\"neardup.documents\" name=\"%s\" file=\"%s\">\n",
                           Attr(report.ids[d.doc]), Attr(at.path));
    out += absl::StrFormat("      <failure type=\"duplication\" message=\"%d finding%s, %d bytes\">",
                           d.findings.size(), d.findings.size() == 1 ? "" : "s", d.bytes);
    for (const size_t i : d.findings) {
      const CheckFinding& f = result.findings[i];
      const FileLine line = FindingPosition(report, f);
      out += Attr(absl::StrFormat("%s:%d: %s\n", line.path, line.line, DescribeFinding(report, f)));
    }
    out += "</failure>\n    </testcase>\n";
  }
  out += "  </testsuite>\n";
}

}  // namespace

std::string RenderJunit(const Report& report, const CheckResult& result) {
  const std::vector<OffendingDocument> offending = OffendingDocuments(report, result);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += absl::StrFormat("<testsuites name=\"neardup check\" tests=\"%d\" failures=\"%d\" errors=\"0\">\n",
                         result.gates.size() + offending.size(),
                         result.failed_gates() + offending.size());
  GateSuite(result, out);
  DocumentSuite(report, result, offending, out);
  out += "</testsuites>\n";
  return out;
}

}  // namespace neardup
