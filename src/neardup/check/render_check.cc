#include "neardup/check/render_check.h"

#include "absl/strings/str_format.h"
#include "neardup/base/json_writer.h"
#include "neardup/render/render_common.h"

namespace neardup {
namespace {

// `text` through EscapeControl, except that CR and LF stay for EscapeCommand to encode.
std::string EscapeControlKeepingBreaks(std::string_view text) {
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\r') continue;
    out += EscapeControl(text.substr(start, i - start));
    if (i < text.size()) out += text[i];
    start = i + 1;
  }
  return out;
}

// GitHub workflow commands: data escapes %, CR and LF; property values also ':' and ','. Other
// control characters (an escape sequence would recolour the log) are shown as escapes first.
std::string EscapeCommand(std::string_view raw, bool property) {
  const std::string text = EscapeControlKeepingBreaks(raw);
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

std::pair<std::string, std::string> FormatGateValues(const GateResult& g) {
  std::string value = FormatGateValue(g.gate, g.value);
  std::string limit = FormatGateValue(g.gate, g.limit);
  if (!IsRatioGate(g.gate) || g.passed) return {value, limit};
  for (int digits = 5; value == limit && digits <= 17; ++digits) {
    value = absl::StrFormat("%.*f", digits, g.value);
    limit = absl::StrFormat("%.*f", digits, g.limit);
  }
  if (value == limit) {
    value = absl::StrFormat("%.17g", g.value);
    limit = absl::StrFormat("%.17g", g.limit);
  }
  return {value, limit};
}

std::string RenderCheckTable(const Report& report, const CheckResult& result, size_t worst) {
  std::string out = absl::StrFormat("%-22s %10s %10s  %s\n", "gate", "value", "limit", "result");
  for (const GateResult& g : result.gates) {
    const auto [value, limit] = FormatGateValues(g);
    out += absl::StrFormat("%-22s %10s %10s  %s\n", GateName(g.gate), value, limit, g.passed ? "pass" : "FAIL");
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
      out += absl::StrFormat("%8d  %-32s %6d  %s\n", f.bytes, EscapeControl(report.ids[f.doc]),
                             FindingPosition(report, f).line, EscapeControl(DescribeFinding(report, f)));
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
    const auto [value, limit] = FormatGateValues(g);
    out += absl::StrFormat("| `--%s` | %s | %s | %s | %s |\n", GateName(g.gate), GateDescription(g.gate), value,
                           limit, g.passed ? "pass" : "**FAIL**");
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
    out += absl::StrFormat("| %d | %s | %d | %s |\n", f.bytes, EscapeMarkdownCell(report.ids[f.doc]),
                           FindingPosition(report, f).line,
                           EscapeMarkdownCell(DescribeFinding(report, f)));
  }
  return out;
}

void WriteCheckJson(const Report& report, const CheckResult& result,
                    const std::function<void(std::string_view)>& write) {
  JsonWriter w(2, write);
  w.BeginObject();
  w.Key("neardup").BeginObject().Key("version").String(NEARDUP_VERSION).EndObject();
  w.Key("passed").Bool(result.passed());
  w.Key("gates").BeginArray();
  for (const GateResult& g : result.gates) {
    w.BeginObject().Key("gate").String(GateName(g.gate)).Key("measures").String(GateDescription(g.gate));
    if (IsRatioGate(g.gate)) {
      w.Key("value").Double(g.value).Key("limit").Double(g.limit);
    } else {
      w.Key("value").Uint(static_cast<uint64_t>(g.value)).Key("limit").Uint(static_cast<uint64_t>(g.limit));
    }
    w.Key("passed").Bool(g.passed).EndObject();
  }
  w.EndArray();
  w.Key("counted").Uint(result.findings.size());
  if (result.with_baseline) w.Key("in_baseline").Uint(result.absorbed);
  w.Key("findings").BeginArray();
  for (const CheckFinding& f : result.findings) {
    const FileLine at = FindingPosition(report, f);
    w.BeginObject().Key("doc").String(report.ids[f.doc]).Key("file").String(at.path).Key("line").Uint(at.line);
    w.Key("bytes").Uint(f.bytes);
    w.Key("kind").String(f.document ? "document" : RuleName(report.passages[f.passage].rule));
    w.Key("description").String(DescribeFinding(report, f)).EndObject();
  }
  w.EndArray();
  w.EndObject();
  write(w.Finish());
}

}  // namespace neardup
