// `neardup check`: the detection of `report`, then the CI gates. Glue only: gates, baseline
// matching and every rendering live in the library.
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli/baseline_params.h"
#include "cli/commands.h"
#include "cli/detect.h"
#include "cli/index_commands.h"
#include "cli/output.h"
#include "cli/summary.h"
#include "cli/validators.h"
#include "neardup/check/baseline.h"
#include "neardup/io/atomic_file.h"
#include "neardup/check/render_check.h"
#include "neardup/check/render_junit.h"
#include "neardup/render/render_markdown.h"
#include "neardup/base/status_macros.h"

namespace neardup::cli {
namespace {

template <typename T>
CLI::Option* AddLimit(CLI::App& cmd, const std::string& name, std::optional<T>& limit, const std::string& help) {
  return cmd.add_option_function<T>(name, [&limit](const T& value) { limit = value; }, help)->group("Gates");
}

// The files check writes besides its table, by option name.
std::vector<std::pair<std::string, std::string>> OutputFiles(const CheckOptions& o) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [name, path] : {std::pair<std::string, const std::string*>{"--junit", &o.junit},
                                   {"--markdown", &o.markdown},
                                   {"--json", &o.json}}) {
    if (!path->empty()) files.emplace_back(name, *path);
  }
  return files;
}

// True when one of the files goes to stdout, which then carries it instead of the table.
bool FileOnStdout(const CheckOptions& o) {
  for (const auto& [name, path] : OutputFiles(o)) {
    if (path == "-") return true;
  }
  return false;
}

absl::Status CheckOutputs(const CheckOptions& o, const InputSet& inputs) {
  int on_stdout = 0;
  for (const auto& [name, path] : OutputFiles(o)) {
    on_stdout += path == "-" ? 1 : 0;
    NEARDUP_RETURN_IF_ERROR(CheckOutputPath(path));
    NEARDUP_RETURN_IF_ERROR(CheckNotAnInput(inputs, path, name));
  }
  if (on_stdout > 1) return absl::InvalidArgumentError("only one of --junit, --markdown and --json can be -");
  if (on_stdout == 1 && o.annotations == "github") {
    return absl::InvalidArgumentError("--annotations github prints on stdout, which a file given as - already uses");
  }
  return absl::OkStatus();
}

absl::Status WriteOutputs(const CheckOptions& o, const Report& report, const CheckResult& result) {
  if (!o.junit.empty()) NEARDUP_RETURN_IF_ERROR(WriteFileAtomically(o.junit, RenderJunit(report, result)));
  if (!o.markdown.empty()) NEARDUP_RETURN_IF_ERROR(WriteFileAtomically(o.markdown, RenderCheckMarkdown(report, result)));
  if (!o.json.empty()) {
    NEARDUP_RETURN_IF_ERROR(WriteFileAtomically(
        o.json, [&](const PieceWriter& write) { WriteCheckJson(report, result, write); }));
  }
  return absl::OkStatus();
}

// The baseline, read once: for its findings, and for the options it was made with.
absl::StatusOr<Baseline> LoadBaseline(const std::string& path, const Config& config, const Messages& messages) {
  NEARDUP_ASSIGN_OR_RETURN(const std::string head, ReadHead(path, path, Compression::kNone, 16));
  NEARDUP_ASSIGN_OR_RETURN(const std::string json, ReadWholeFile(path, path, CompressionFromMagic(head)));
  NEARDUP_ASSIGN_OR_RETURN(Baseline baseline, Baseline::Parse(json, path));
  const std::vector<std::string> differing = DifferingParams(json, config);
  if (!differing.empty()) {
    messages.Warn(absl::StrFormat("%s was made with other options, so its findings may not match: %s", path,
                                  absl::StrJoin(differing, ", ")));
  }
  return baseline;
}

}  // namespace

CLI::App* AddCheckCommand(CLI::App& app, CheckOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "check", "Detect as 'report' does, then fail (exit code 1) when the corpus is more duplicated than "
               "the limits allow. Without any --max-* option every limit is 0: nothing may be found "
               "(with --baseline: nothing new).");
  AddCommonOptions(*cmd, o.common);
  AddIndexRunOptions(*cmd, o.common, /*writer=*/false);
  GateLimits& l = o.limits;
  Metavar(AddLimit(*cmd, "--max-dup-docs", l.max_dup_docs, "Most duplicate documents allowed"), "N")
      ->transform(WholeNumber());
  Metavar(AddLimit(*cmd, "--max-dup-ratio", l.max_dup_ratio,
                   "Largest share of removed bytes (duplicate documents and passages) in all bytes read"),
          "R")
      ->check(Fraction());
  Metavar(AddLimit(*cmd, "--max-passages", l.max_passages, "Most removed passages allowed (all rules)"), "N")
      ->transform(WholeNumber());
  Metavar(AddLimit(*cmd, "--max-boilerplate-ratio", l.max_boilerplate_ratio,
                   "Largest share of removed boilerplate bytes in all bytes read"),
          "R")
      ->check(Fraction());
  Metavar(cmd->add_option("--baseline", o.baseline,
                          "An earlier report.json (from 'report' or 'clean'): only findings not in it count. "
                          "Findings match by content fingerprint, so renamed or reordered files stay matched"),
          "REPORT")
      ->group("Gates");
  const std::string output = "Output";
  Metavar(cmd->add_option("--junit", o.junit,
                          "Write JUnit XML to FILE: a test case per gate, a failure per offending document"),
          "FILE")
      ->group(output);
  Metavar(cmd->add_option("--markdown", o.markdown,
                          "Write the summary as Markdown to FILE (e.g. $GITHUB_STEP_SUMMARY)"),
          "FILE")
      ->group(output);
  Metavar(cmd->add_option("--json", o.json,
                          "Write the gate results and the counted findings as JSON to FILE, for machines"),
          "FILE")
      ->group(output);
  Metavar(cmd->add_option("--annotations", o.annotations,
                          "Print one annotation per counted finding on stdout: github writes "
                          "'::warning file=PATH,line=N::message' lines (printed even with --quiet)"),
          "github")
      ->check(CLI::IsMember({"github"}).description(""))
      ->group(output);
  return cmd;
}

int RunCheck(const CheckOptions& o) {
  const Messages messages(o.common);
  const ThreadLimit threads(o.common.threads);
  absl::StatusOr<Prepared> prepared = Prepare(o.common, messages);
  absl::Status status = prepared.status();
  if (status.ok()) status = CheckOutputs(o, prepared->inputs);
  Baseline baseline;
  if (status.ok() && !o.baseline.empty()) {
    absl::StatusOr<Baseline> loaded = LoadBaseline(o.baseline, prepared->config, messages);
    status = loaded.status();
    if (loaded.ok()) baseline = *std::move(loaded);
  }
  if (!status.ok()) {
    messages.Error(status);
    return kExitUsage;
  }
  const absl::StatusOr<Detection> detection = Detect(o.common, *std::move(prepared), messages);
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
  const int verdict = result.passed() ? kExitOk : kExitCheckFailed;
  // A closed stdout ends the run quietly; the exit code still tells the verdict.
  if (status = WriteOutputs(o, report, result); !status.ok()) return ExitAfterWrite(status, messages, verdict);
  std::string out = messages.quiet() || FileOnStdout(o) ? std::string() : RenderCheckTable(report, result);
  if (o.annotations == "github") out += RenderGithubAnnotations(report, result);
  const double write_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const std::string& line : FormatTimings(detection->seconds, write_seconds)) messages.Verbose(line);
  return ExitAfterWrite(WriteStdout(out), messages, verdict);
}

}  // namespace neardup::cli
