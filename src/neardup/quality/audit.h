// Audit of a report against the corpus it describes: is every removal what the report says it is?
//
// For every passage: both spans are valid byte ranges of their documents; a removal is whole
// sentences, lines or paragraphs, and never cuts a word (the exceptions are the second copy of a
// tandem repeat and a word fused at a glue point, which stay whole); a removal with a copy really
// repeats it: identical after normalization (similarity 1) or of word-shingle Jaccard equal to the
// reported similarity, recomputed from the bytes, and at least the passage threshold. For every
// duplicate document: the similarity recomputed from the two texts matches and reaches the
// threshold. The test suite runs this over every report it produces; it needs the texts in memory,
// so it is for test corpora, not for production runs.
#ifndef NEARDUP_AUDIT_H_
#define NEARDUP_AUDIT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/document.h"
#include "neardup/text/segment.h"
#include "neardup/text/shingle.h"

namespace neardup {

// What the audit reads of a report (report.json), with documents named by id.
struct AuditedReport {
  struct Params {
    uint64_t seed = 1;
    ShingleSpec shingle;
    double threshold = 0.8;
    double containment = 0.0;
    int passage_k = 3;
    double passage_threshold = 0.8;
    size_t near_min_words = 8;
    PassageMode mode = PassageMode::kLine;
  } params;
  struct Duplicate {
    std::string id, kept, match;
    double similarity = 0.0;
  };
  struct Finding {
    std::string doc, rule;
    uint64_t start = 0, end = 0;
    bool has_copy = false;
    std::string copy_doc;
    uint64_t copy_start = 0, copy_end = 0;
    double similarity = 1.0;
  };
  std::vector<Duplicate> duplicates;
  std::vector<Finding> passages;
};

// Every inconsistency found, one readable line each ("a.txt [120, 180): ..."); empty when the
// report holds. Errors: the source cannot be read.
absl::StatusOr<std::vector<std::string>> Audit(const AuditedReport& report, const DocumentSource& source);

}  // namespace neardup

#endif  // NEARDUP_AUDIT_H_
