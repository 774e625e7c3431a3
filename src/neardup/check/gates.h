// The CI gates of `neardup check`: limits on what a report found, evaluated on the findings that
// count (all of them, or only those new since a baseline).
#ifndef NEARDUP_GATES_H_
#define NEARDUP_GATES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "neardup/check/baseline.h"
#include "neardup/render/render_common.h"
#include "neardup/report.h"

namespace neardup {

enum class Gate { kDupDocs, kDupRatio, kPassages, kBoilerplateRatio };
inline constexpr int kNumGates = 4;
// "max-dup-docs", "max-dup-ratio", "max-passages", "max-boilerplate-ratio": the flag names.
const char* GateName(Gate gate);
// What the gate measures, e.g. "duplicate documents".
const char* GateDescription(Gate gate);
bool IsRatioGate(Gate gate);

// Unset limits are not checked.
struct GateLimits {
  std::optional<uint64_t> max_dup_docs;
  std::optional<double> max_dup_ratio;          // removed bytes / total bytes
  std::optional<uint64_t> max_passages;         // removed passages
  std::optional<double> max_boilerplate_ratio;  // removed boilerplate bytes / total bytes

  bool any() const {
    return max_dup_docs || max_dup_ratio || max_passages || max_boilerplate_ratio;
  }
};

// One finding that counts against the gates: a removed duplicate document, or a removed passage.
struct CheckFinding {
  bool document = false;  // a whole duplicate document, else a passage
  uint32_t doc = 0;
  uint64_t bytes = 0;     // removed bytes
  uint32_t line = 1;      // 1-based line of the removed bytes in the document text
  size_t passage = 0;     // index into report.passages (passages only)
  uint32_t kept = 0;      // documents only: the document kept in its place, how it matched
  DocumentMatch match = DocumentMatch::kExact;
  double similarity = 1.0;
};
// Whether `finding` adds to the value of `gate`.
bool Counts(const Report& report, const CheckFinding& finding, Gate gate);

struct GateResult {
  Gate gate = Gate::kDupDocs;
  double value = 0;  // a count, or a ratio in [0, 1]
  double limit = 0;
  bool passed = true;  // value <= limit
};

struct CheckResult {
  std::vector<GateResult> gates;       // the limits that were set, in Gate order
  std::vector<CheckFinding> findings;  // counted findings: documents, then passages, report order
  bool with_baseline = false;
  uint64_t absorbed = 0;               // findings matched in the baseline, not counted

  bool passed() const;
  size_t failed_gates() const;
};

// Evaluates `limits` on the findings `fresh` marks as new. A ratio passes when it is at most the
// limit (with 1e-12 slack, so that a limit typed as 0.25 holds for exactly a quarter).
CheckResult EvaluateGates(const Report& report, const GateLimits& limits, const NewFindings& fresh);

// Indices into result.findings of the `n` largest by removed bytes (ties: report order).
std::vector<size_t> WorstFindings(const CheckResult& result, size_t n);

// Documents with a finding that counts against a failed gate, ascending; with their findings.
struct OffendingDocument {
  uint32_t doc = 0;
  std::vector<size_t> findings;  // indices into result.findings
  uint64_t bytes = 0;
};
std::vector<OffendingDocument> OffendingDocuments(const Report& report, const CheckResult& result);

// One line describing a finding, e.g. "repeat-within: 222 bytes repeat 002.txt bytes 341-562
// (similarity 1)" or "duplicate document of a.txt (jaccard 0.93)".
std::string DescribeFinding(const Report& report, const CheckFinding& finding);

// The file and 1-based line of a finding: for a JSONL record, the record's line.
FileLine FindingPosition(const Report& report, const CheckFinding& finding);

}  // namespace neardup

#endif  // NEARDUP_GATES_H_
