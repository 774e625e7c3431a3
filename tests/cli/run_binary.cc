#include "cli/run_binary.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "absl/strings/str_cat.h"

namespace neardup::testing {
namespace {

std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// The report.json a run of `args` wrote, or "" when it wrote none that can be audited.
std::string ReportOf(const std::vector<std::string>& args, const RunResult& result, const TempDir& io) {
  if (args.empty() || (args[0] != "clean" && args[0] != "report")) return "";
  std::string output, format = "json";
  for (size_t i = 1; i + 1 < args.size(); ++i) {
    if (args[i] == "-o" || args[i] == "--output") output = args[i + 1];
    if (args[i] == "--format") format = args[i + 1];
    if (args[i] == "-") return "";  // stdin cannot be read again
  }
  if (!args.empty() && args.back() == "-") return "";
  if (args[0] == "clean") {
    const std::filesystem::path report = std::filesystem::path(output) / "report.json";
    return !output.empty() && std::filesystem::is_regular_file(report) ? report.string() : "";
  }
  if (format != "json") return "";
  if (!output.empty()) return std::filesystem::is_regular_file(output) ? output : "";
  if (result.out.empty() || result.out[0] != '{') return "";  // --help, or nothing written
  const std::filesystem::path report = io.path() / "report.json";
  WriteFile(report, result.out);
  return report.string();
}

// Every report the tests produce is audited against its corpus (neardup/audit.h): each removal
// really repeats its copy, spans are valid and whole units, similarities recompute.
void AuditReport(const std::vector<std::string>& args, const RunResult& result, const TempDir& io) {
  if (result.exit_code != 0 && result.exit_code != 1) return;
  const std::string report = ReportOf(args, result, io);
  if (report.empty()) return;
  // absl::StrAppend rather than `"literal" + std::string`, which g++ 12 at -O3 flags with a false
  // -Wrestrict.
  std::string command = absl::StrCat(Quote(NEARDUP_AUDIT), " ", Quote(report));
  for (size_t i = 1; i < args.size(); ++i) absl::StrAppend(&command, " ", Quote(args[i]));
  absl::StrAppend(&command, " >", Quote(io / "audit"), " 2>&1");
  const int status = std::system(command.c_str());
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  const std::string message =
      absl::StrCat("the report of `neardup ", args[0], "` fails its audit:\n", ReadFile(io.path() / "audit"));
  CHECK_MESSAGE(code == 0, message);
}

}  // namespace

namespace {

// NEARDUP_TEST_BINARY runs the tests against another build, e.g. to see a regression test fail
// on the code before its fix.
std::string Binary() {
  const char* other = std::getenv("NEARDUP_TEST_BINARY");
  return other != nullptr && *other != '\0' ? other : NEARDUP_BINARY;
}

// Runs `command` with stdin, stdout and stderr redirected to the files of `io`.
RunResult RunRedirected(std::string command, const TempDir& io) {
  for (const auto& [redirect, name] : {std::pair{" <", "stdin"}, {" >", "out"}, {" 2>", "err"}}) {
    command += redirect;
    command += Quote(io / name);
  }
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(io.path() / "out");
  result.err = ReadFile(io.path() / "err");
  return result;
}

}  // namespace

std::string SourcePath(const std::string& relative) {
  return std::string(NEARDUP_SOURCE_DIR) + "/" + relative;
}

RunResult RunNeardup(const std::vector<std::string>& args, const std::string& stdin_text,
                     bool as_nobody) {
  TempDir io;
  WriteFile(io.path() / "stdin", stdin_text);
  std::string command;
  if (as_nobody && geteuid() == 0) command += "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  command += Quote(Binary());
  for (const auto& arg : args) {
    command += ' ';
    command += Quote(arg);
  }
  RunResult result = RunRedirected(std::move(command), io);
  AuditReport(args, result, io);
  return result;
}

RunResult RunShell(const std::string& script, const std::string& stdin_text) {
  TempDir io;
  WriteFile(io.path() / "stdin", stdin_text);
  WriteFile(io.path() / "script.sh", "set -o pipefail\n" + script + "\n");
  std::string command = "NEARDUP=" + Quote(Binary()) + " SRC=" + Quote(NEARDUP_SOURCE_DIR) + " bash " +
                        Quote(io / "script.sh");
  return RunRedirected(std::move(command), io);
}

std::vector<std::pair<std::string, std::string>> ReadTree(const std::filesystem::path& dir) {
  std::vector<std::pair<std::string, std::string>> files;
  if (!std::filesystem::exists(dir)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files.emplace_back(std::filesystem::relative(entry.path(), dir).string(), ReadFile(entry.path()));
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    const size_t end = nl == std::string::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

size_t LineStart(const std::string& text, int n) {
  size_t pos = 0;
  for (int line = 1; line < n; ++line) pos = text.find('\n', pos) + 1;
  return pos;
}

std::string WithoutLines(const std::string& text, const std::set<int>& drop) {
  std::string out;
  const auto lines = SplitLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (drop.count(static_cast<int>(i) + 1) == 0) out += lines[i];
  }
  return out;
}

Report ParseReport(const std::string& json) {
  absl::StatusOr<Report> report = ReadReportJson(json, "report.json");
  REQUIRE_MESSAGE(report.ok(), std::string(report.status().message()));
  return *std::move(report);
}

}  // namespace neardup::testing
