// What a run found: the value the CLI prints, writes as report.json, and turns into edits.
//
// Document indices are corpus order. Every array is sorted by input order, so the report of a
// given input, config and seed is the same bytes whatever the thread count. The JSON layout is
// versioned by `kReportSchema` and documented in README.md.
#ifndef NEARDUP_REPORT_H_
#define NEARDUP_REPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "neardup/config.h"
#include "neardup/lsh.h"

namespace neardup {

inline constexpr int kReportSchema = 1;

struct RemovedDocument {
  uint32_t doc = 0;
  double similarity = 0.0;  // exact Jaccard of the shingle sets with the kept document
};

struct DocumentCluster {
  uint32_t kept = 0;
  std::vector<RemovedDocument> removed;  // ascending doc
};

enum class PassageRule { kRepeatWithin };
const char* RuleName(PassageRule rule);  // "repeat-within"

struct PassageFinding {
  uint32_t doc = 0;
  uint64_t start = 0;  // removed bytes [start, end) of the original text, terminator included
  uint64_t end = 0;
  PassageRule rule = PassageRule::kRepeatWithin;
  uint32_t copy_doc = 0;  // the kept copy: bytes [copy_start, copy_end) of copy_doc
  uint64_t copy_start = 0;
  uint64_t copy_end = 0;
  double similarity = 1.0;
};

struct ReportStats {
  uint64_t documents = 0;
  uint64_t bytes = 0;
  uint64_t duplicate_documents = 0;
  uint64_t duplicate_document_bytes = 0;
  uint64_t removed_passages = 0;
  uint64_t removed_passage_bytes = 0;

  uint64_t removed_bytes() const { return duplicate_document_bytes + removed_passage_bytes; }
  double duplicate_byte_ratio() const {
    return bytes == 0 ? 0.0 : static_cast<double>(removed_bytes()) / static_cast<double>(bytes);
  }
};

struct Report {
  Config config;
  LshParams lsh;
  std::vector<std::string> ids;     // per document
  std::vector<uint64_t> sizes;      // bytes per document
  std::vector<DocumentCluster> clusters;   // ascending kept
  std::vector<PassageFinding> passages;    // ascending (doc, start)
  ReportStats stats;
};

// The report as JSON (one object, two-space indented, trailing newline). Deterministic.
std::string ReportToJson(const Report& report);

}  // namespace neardup

#endif  // NEARDUP_REPORT_H_
