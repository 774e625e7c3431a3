// The findings of an earlier report, named by content, so that `check --baseline` counts only
// what is new.
//
// A finding is named by what it contains, never by where it is: a duplicate document by the
// fingerprint of its normalized text, a passage by its rule and the fingerprint of its normalized
// text. Renaming, moving or reordering files therefore leaves old findings old, while a new copy
// of old text is new (each baseline finding absorbs one current finding, not all equal ones).
#ifndef NEARDUP_BASELINE_H_
#define NEARDUP_BASELINE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/report.h"

namespace neardup {

// "document" for a duplicate document, else the passage's rule name ("repeat-within", ...).
using FindingKey = std::pair<std::string, uint64_t>;

class Baseline {
 public:
  Baseline() = default;  // empty: every finding is new

  // Reads a report (schema 1, as `report` and `clean` write it). Errors name `name`: not JSON,
  // another schema, a finding without a 16-hex-digit fingerprint.
  static absl::StatusOr<Baseline> Parse(std::string_view json, std::string_view name);
  static absl::StatusOr<Baseline> Load(const std::string& path);

  void Add(const FindingKey& key);
  // How many findings of the baseline have this key.
  uint64_t count(const FindingKey& key) const;
  uint64_t size() const { return size_; }
  const std::map<FindingKey, uint64_t>& counts() const { return counts_; }

 private:
  std::map<FindingKey, uint64_t> counts_;
  uint64_t size_ = 0;
};

// Which findings of a report are new, i.e. not absorbed by a finding of the baseline.
struct NewFindings {
  std::vector<bool> documents;  // per document: a removed document that is new
  std::vector<bool> passages;   // per entry of report.passages
  uint64_t absorbed = 0;        // findings of the report matched in the baseline
};

// Every finding of `report` is new.
NewFindings AllNew(const Report& report);

// Matches findings against `baseline`, each baseline finding absorbing at most one. Removed
// documents are matched by their own fingerprint first; those left over may match by the
// fingerprint of the document kept in their place, since reordering inputs can swap which of
// two near duplicates is kept. Deterministic: report order decides which of equal findings stay
// new.
NewFindings MatchBaseline(const Report& report, const Baseline& baseline);

}  // namespace neardup

#endif  // NEARDUP_BASELINE_H_
