// `neardup check`: the detection of `report`, then the CI gates. Glue only: gates, baseline
// matching and every rendering live in the library.
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "absl/strings/str_format.h"
#include "cli/commands.h"
#include "cli/detect.h"
#include "cli/summary.h"
#include "neardup/check/baseline.h"
#include "neardup/io/atomic_file.h"
#include "neardup/check/render_check.h"
#include "neardup/check/render_junit.h"

namespace neardup::cli {
namespace {

// CLI11's own NonNegativeNumber names the largest double in its message; say it plainly.
CLI::Validator CountValidator() {
  return CLI::Validator(
      [](std::string& value) {
        const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
        return digits ? std::string() : absl::StrFormat("must be a whole number, 0 or more, got '%s'", value);
      },
      "N>=0");
}

template <typename T>
void AddLimit(CLI::App& cmd, const std::string& name, std::optional<T>& limit, const std::string& help,
              const CLI::Validator& check) {
  cmd.add_option_function<T>(name, [&limit](const T& value) { limit = value; }, help)->check(check);
}

absl::Status WriteOutputs(const CheckOptions& o, const Report& report, const CheckResult& result) {
  if (!o.junit.empty()) {
    if (absl::Status s = WriteFileAtomically(o.junit, RenderJunit(report, result)); !s.ok()) return s;
  }
  if (!o.markdown.empty()) {
    if (absl::Status s = WriteFileAtomically(o.markdown, RenderCheckMarkdown(report, result)); !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace

CLI::App* AddCheckCommand(CLI::App& app, CheckOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "check", "Detect as 'report' does, then fail (exit code 1) when the corpus is more "
               "duplicated than the limits allow. Without any --max-* option every limit is 0: "
               "nothing may be found (with --baseline: nothing new)");
  AddCommonOptions(*cmd, o.common);
  GateLimits& l = o.limits;
  AddLimit(*cmd, "--max-dup-docs", l.max_dup_docs, "Most duplicate documents allowed",
           CountValidator());
  AddLimit(*cmd, "--max-dup-ratio", l.max_dup_ratio,
           "Largest share of removed bytes (duplicate documents and passages) in all bytes read, "
           "0 to 1", CLI::Range(0.0, 1.0));
  AddLimit(*cmd, "--max-passages", l.max_passages, "Most removed passages allowed (all rules)",
           CountValidator());
  AddLimit(*cmd, "--max-boilerplate-ratio", l.max_boilerplate_ratio,
           "Largest share of removed boilerplate bytes in all bytes read, 0 to 1", CLI::Range(0.0, 1.0));
  cmd->add_option("--baseline", o.baseline,
                  "An earlier report.json (from 'report' or 'clean'): only findings not in it count. "
                  "Findings match by content fingerprint, so renamed or reordered files stay matched");
  cmd->add_option("--junit", o.junit,
                  "Write JUnit XML to FILE: a test case per gate, a failure per offending document");
  cmd->add_option("--markdown", o.markdown,
                  "Write the summary as Markdown to FILE (e.g. $GITHUB_STEP_SUMMARY)");
  cmd->add_option("--annotations", o.annotations,
                  "Print one annotation per counted finding on stdout: github writes "
                  "'::warning file=PATH,line=N::message' lines (printed even with --quiet)")
      ->check(CLI::IsMember({"github"}));
  return cmd;
}

int RunCheck(const CheckOptions& o) {
  const Messages messages(o.common);
  Baseline baseline;
  if (!o.baseline.empty()) {
    absl::StatusOr<Baseline> loaded = Baseline::Load(o.baseline);
    if (!loaded.ok()) {
      messages.Error(loaded.status());
      return kExitUsage;
    }
    baseline = *std::move(loaded);
  }
  const absl::StatusOr<Detection> detection = Detect(o.common);
  if (!detection.ok()) {
    messages.Error(detection.status());
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();
  const Report& report = detection->report;
  GateLimits limits = o.limits;
  if (!limits.any()) limits = {uint64_t{0}, 0.0, uint64_t{0}, 0.0};
  CheckResult result = EvaluateGates(report, limits, MatchBaseline(report, baseline));
  result.with_baseline = !o.baseline.empty();
  if (const absl::Status status = WriteOutputs(o, report, result); !status.ok()) {
    messages.Error(status);
    return kExitUsage;
  }
  std::string out = messages.quiet() ? std::string() : RenderCheckTable(report, result);
  if (o.annotations == "github") out += RenderGithubAnnotations(report, result);
  const double write_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  messages.Verbose(FormatTimings(detection->seconds, write_seconds));
  WriteAll(stdout, out);  // a closed pipe ends the run quietly; the exit code still tells
  return result.passed() ? kExitOk : kExitCheckFailed;
}

}  // namespace neardup::cli
