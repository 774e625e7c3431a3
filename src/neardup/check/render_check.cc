#include "neardup/check/render_check.h"

#include "absl/strings/str_format.h"
#include "neardup/render/render_common.h"

namespace neardup {
namespace {

// GitHub workflow commands: data escapes %, CR and LF; property values also ':' and ','.
std::string EscapeCommand(std::string_view text, bool property) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string Verdict(const CheckResult& result) {
  if (result.passed()) {
    return absl::StrFormat("check passed: %d of %d gates hold\n", result.gates.size(),
                           result.gates.size());
  }
  return absl::StrFormat("check FAILED: %d of %d gates over their limits\n", result.failed_gates(),
                         result.gates.size());
}

std::string Counted(const CheckResult& result) {
  std::string out = absl::StrFormat("%d findings count against the gates", result.findings.size());
  if (result.with_baseline) {
    out += absl::StrFormat(" (%d more are in the baseline)", result.absorbed);
  }
  return out;
}

}  // namespace

std::string FormatGateValue(Gate gate, double value) {
  if (IsRatioGate(gate)) return absl::StrFormat("%.4f", value);
  return absl::StrFormat("%.0f", value);
}

std::string RenderCheckTable(const Report& report, const CheckResult& result, size_t worst) {
  std::string out = absl::StrFormat("%-22s %10s %10s  %s\n", "gate", "value", "limit", "result");
  for (const GateResult& g : result.gates) {
    out += absl::StrFormat("%-22s %10s %10s  %s\n", GateName(g.gate), FormatGateValue(g.gate, g.value),
                           FormatGateValue(g.gate, g.limit), g.passed ? "pass" : "FAIL");
  }
  out += '\n';
  out += Counted(result);
  const std::vector<size_t> shown = WorstFindings(result, worst);
  if (shown.empty()) {
    out += ".\n";
  } else {
    out += absl::StrFormat("; the %d largest:\n", shown.size());
    out += absl::StrFormat("%8s  %-32s %6s  %s\n", "bytes", "document", "line", "finding");
    for (const size_t i : shown) {
      const CheckFinding& f = result.findings[i];
      out += absl::StrFormat("%8d  %-32s %6d  %s\n", f.bytes, report.ids[f.doc], f.line,
                             DescribeFinding(report, f));
    }
  }
  out += '\n';
  out += Verdict(result);
  return out;
}

std::string RenderGithubAnnotations(const Report& report, const CheckResult& result) {
  std::string out;
  for (const CheckFinding& f : result.findings) {
    const FileLine at = FindingPosition(report, f);
    out += "::warning file=";
    out += EscapeCommand(at.path, true);
    out += absl::StrFormat(",line=%d::", at.line);
    std::string message = "neardup ";
    message += DescribeFinding(report, f);
    out += EscapeCommand(message, false);
    out += '\n';
  }
  return out;
}

std::string RenderCheckMarkdown(const Report& report, const CheckResult& result) {
  std::string out = absl::StrFormat("## neardup check: %s\n\n", result.passed() ? "passed" : "FAILED");
  out += "| gate | measures | value | limit | result |\n|---|---|---:|---:|---|\n";
  for (const GateResult& g : result.gates) {
    out += absl::StrFormat("| `--%s` | %s | %s | %s | %s |\n", GateName(g.gate), GateDescription(g.gate),
                           FormatGateValue(g.gate, g.value), FormatGateValue(g.gate, g.limit),
                           g.passed ? "pass" : "**FAIL**");
  }
  out += absl::StrFormat("\n%d findings count against the gates", result.findings.size());
  if (result.with_baseline) out += absl::StrFormat(" (%d more are in the baseline)", result.absorbed);
  const std::vector<size_t> shown = WorstFindings(result, kWorstFindingsShown);
  if (shown.empty()) {
    out += ".\n";
    return out;
  }
  out += absl::StrFormat("; the %d largest:\n\n| bytes | document | line | finding |\n|---:|---|---:|---|\n",
                         shown.size());
  for (const size_t i : shown) {
    const CheckFinding& f = result.findings[i];
    out += absl::StrFormat("| %d | %s | %d | %s |\n", f.bytes, EscapeMarkdownCell(report.ids[f.doc]), f.line,
                           EscapeMarkdownCell(DescribeFinding(report, f)));
  }
  return out;
}

}  // namespace neardup
