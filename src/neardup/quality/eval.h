// `neardup eval`: scores a run (a report in neardup's format, from neardup or any other tool)
// against the truth of a labelled corpus.
//
// Documents. Copies of one original form a group of n documents of which a perfect run removes
// any n - 1: true positives are min(removed, n - 1) per group, the excess are false positives, as
// is every removed document the truth keeps. Ambiguous documents are left out entirely. When a
// run removes the original and keeps one of its copies, the copy takes the original's place for
// the byte measures below.
//
// Spans (bytes, per kind). Over the documents the truth keeps: a run's passages of a kind, found
// or removed, against the truth spans of that kind. Bytes inside ambiguous truth spans count for
// neither side. A document the run removes contributes no passages.
//
// Collateral damage: bytes a run removes from documents the truth keeps that lie outside every
// truth span, as a share of those documents' bytes outside every truth span.
//
// Clean text: the bytes a run removes (whole documents, and passages marked removed) against the
// bytes a perfect run removes (duplicate documents and every non-ambiguous truth span).
//
// Layouts: the span scores again, split between glued documents (body on one line) and
// line-structured ones, so that a rule that only works on lines shows.
//
// Natural negatives: bytes a run removes inside the truth's natural spans (restated quotes,
// rhetoric, lists with repeated labels), as a share of those spans' bytes, per kind. They are part
// of the collateral damage as well; this isolates the collateral that natural repetition causes.
//
// Precision with nothing predicted and recall with nothing to find are 1; F1 is 0 when both
// precision and recall are 0.
#ifndef NEARDUP_EVAL_H_
#define NEARDUP_EVAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/quality/synth_truth.h"

namespace neardup {

struct RunPassage {
  std::string doc;
  uint64_t start = 0;
  uint64_t end = 0;
  SpanKind kind = SpanKind::kWithin;
  bool removed = true;  // false: reported only
};

// What eval needs of a report.
struct Run {
  std::string description;  // e.g. "threshold 0.8, cross-doc report": from the report's params
  std::vector<std::string> removed_documents;
  std::vector<RunPassage> passages;
};

// Reads the removed documents and the passages {doc, start, end, rule, removed} of a report
// through ReadReportJson() with neardup_only false: any tool that writes document_clusters[]
// {kept, removed[].id} and passages[] {doc, start, end, rule} ("removed" may be left out: true)
// is scored alike. Errors name `name` and what is missing, or an unknown rule.
absl::StatusOr<Run> ParseRunReport(std::string_view json, std::string_view name);

struct Score {
  uint64_t true_positives = 0;
  uint64_t false_positives = 0;
  uint64_t false_negatives = 0;

  double precision() const;
  double recall() const;
  double f1() const;
};

// Documents of one origin or one true-Jaccard bucket, by truth status, and how many the run
// removed. For duplicates "removed" means found: removed, or kept while its original was removed.
struct DocumentTally {
  double low = 0.0;   // buckets only: true Jaccard in [low, high); high == low means exactly low
  double high = 0.0;
  uint64_t documents[3] = {};  // by DocStatus
  uint64_t removed[3] = {};
};

struct NaturalTally {
  uint64_t spans = 0;  // natural spans in documents the truth keeps
  uint64_t bytes = 0;
  uint64_t touched_spans = 0;  // spans the run removed any byte of
  uint64_t removed_bytes = 0;
};

enum class Layout { kLine, kGlued };
inline constexpr int kNumLayouts = 2;
const char* LayoutName(Layout layout);  // "line", "glued"

struct InjectionTally {
  uint64_t spans = 0;  // non-ambiguous spans in documents the truth keeps
  uint64_t bytes = 0;
  uint64_t found_bytes = 0;  // covered by a passage of the span's kind
};

struct EvalResult {
  std::string run;
  Score documents;
  uint64_t ambiguous_documents = 0;
  Score spans[kNumSpanKinds];  // bytes, by SpanKind
  Score all_spans;             // bytes, kinds ignored
  uint64_t collateral_bytes = 0;
  uint64_t kept_bytes = 0;     // bytes of kept documents outside every truth span
  Score clean_text;            // bytes
  Score layout_spans[kNumLayouts][kNumSpanKinds];  // bytes, by Layout and SpanKind
  NaturalTally natural[kNumNatural];
  InjectionTally injections[kNumInjections];
  DocumentTally origins[kNumOrigins];  // [kBase] is unused
  std::vector<DocumentTally> buckets;  // copies by true Jaccard, ascending

  double collateral() const {
    return kept_bytes == 0 ? 0.0 : static_cast<double>(collateral_bytes) / static_cast<double>(kept_bytes);
  }
  NaturalTally natural_total() const;
  // Removed bytes of natural spans over their bytes; 0 when there are none.
  double natural_collateral() const;
};

// Errors: the run names a document the truth does not have, or a passage outside its document.
absl::StatusOr<EvalResult> Evaluate(const Truth& truth, const Run& run);

// Markdown tables: the scores, then recall by injection, by origin and by true Jaccard.
std::string FormatEvalTable(const EvalResult& result);

// The same figures as JSON (schema 1). Deterministic.
std::string EvalToJson(const EvalResult& result);

}  // namespace neardup

#endif  // NEARDUP_EVAL_H_
