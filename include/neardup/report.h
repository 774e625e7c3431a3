// What a run found: the value the CLI prints, writes as report.json, and turns into edits.
//
// Document indices are corpus order. Every array is sorted by input order, so the report of a
// given input, config and seed is the same bytes whatever the thread count. The JSON layout is
// versioned by `kReportSchema` and documented in README.md.
//
// Public: depends on the standard library, absl::Status and config.h only.
#ifndef NEARDUP_REPORT_H_
#define NEARDUP_REPORT_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/config.h"

namespace neardup {

inline constexpr int kReportSchema = 1;

// How a removed document matched the one kept in its place.
enum class DocumentMatch {
  kExact,        // same normalized text
  kJaccard,      // shingle Jaccard >= threshold
  kContainment,  // share of its shingles contained in the kept document >= --containment
};
inline constexpr int kNumDocumentMatches = 3;
const char* MatchName(DocumentMatch match);  // "exact", "jaccard", "containment"

struct RemovedDocument {
  uint32_t doc = 0;
  double similarity = 0.0;  // exact Jaccard (or containment) of the shingle sets
  DocumentMatch match = DocumentMatch::kJaccard;
};

struct DocumentCluster {
  uint32_t kept = 0;
  std::vector<RemovedDocument> removed;  // ascending doc
  // The kept document is one of a persistent index (--index), not of this run's input: its text
  // is not at hand. JSON: "kept_in_index": true, written only when set.
  bool kept_in_index = false;
};

enum class PassageRule { kRepeatWithin, kRepeatAcross, kBoilerplate, kBoilerplatePattern };
inline constexpr int kNumPassageRules = 4;
// "repeat-within", "repeat-across", "boilerplate", "boilerplate-pattern"
const char* RuleName(PassageRule rule);

struct PassageFinding {
  uint32_t doc = 0;
  uint64_t start = 0;  // bytes [start, end) of the original text, terminator included
  uint64_t end = 0;
  uint32_t line = 0;   // 1-based line of `start` in the document's text
  PassageRule rule = PassageRule::kRepeatWithin;
  bool removed = true;    // false: reported only (e.g. --cross-doc report)
  bool has_copy = true;   // boilerplate has no single copy
  uint32_t copy_doc = 0;  // the kept copy: bytes [copy_start, copy_end) of copy_doc
  uint64_t copy_start = 0;
  uint64_t copy_end = 0;
  double similarity = 1.0;
  uint64_t fingerprint = 0;  // XXH3 of the normalized passage: names it across renames and moves
};

// A passage, or a templated line's opening words, that recurs across one source's documents.
struct BoilerplateEntry {
  std::string source;
  std::string text;      // the passage as first seen (original bytes), or the pattern's opening words
  bool pattern = false;  // templated: same opening words, varying tail
  uint64_t documents = 0;         // documents of the source containing it
  uint64_t source_documents = 0;  // documents of the source
  uint32_t first_doc = 0;         // where it was first seen: bytes [first_start, first_end)
  uint64_t first_start = 0;
  uint64_t first_end = 0;
};

struct RuleTotals {
  uint64_t passages = 0;  // found
  uint64_t bytes = 0;
  uint64_t removed_passages = 0;
  uint64_t removed_bytes = 0;
};

struct SourceTotals {
  std::string source;
  uint64_t documents = 0;
  uint64_t boilerplate_passages = 0;  // removed as boilerplate (either kind)
  uint64_t boilerplate_bytes = 0;
};

struct ReportStats {
  uint64_t documents = 0;
  uint64_t bytes = 0;
  uint64_t duplicate_documents = 0;
  uint64_t duplicate_document_bytes = 0;
  uint64_t removed_passages = 0;
  uint64_t removed_passage_bytes = 0;
  uint64_t exact_documents = 0;        // duplicate documents by how they matched
  uint64_t jaccard_documents = 0;
  uint64_t containment_documents = 0;
  RuleTotals rules[kNumPassageRules];  // indexed by PassageRule
  std::vector<SourceTotals> sources;   // sorted by source name

  uint64_t removed_bytes() const { return duplicate_document_bytes + removed_passage_bytes; }
  double duplicate_byte_ratio() const {
    return bytes == 0 ? 0.0 : static_cast<double>(removed_bytes()) / static_cast<double>(bytes);
  }
};

// Many short strings (document ids, locations) in a few large blocks: a std::string each would
// cost 32 bytes of header and often a heap block, which at millions of documents is most of the
// memory a run needs. Blocks never move once written, so growing the table copies nothing.
class StringTable {
 public:
  StringTable() = default;
  StringTable(std::initializer_list<std::string_view> strings) {
    for (const std::string_view s : strings) push_back(s);
  }

  void push_back(std::string_view s) {
    if (blocks_.empty() || blocks_.back().capacity() - blocks_.back().size() < s.size()) {
      blocks_.emplace_back();
      blocks_.back().reserve(std::max(kBlockBytes, s.size()));
    }
    std::string& block = blocks_.back();
    entries_.push_back({static_cast<uint32_t>(blocks_.size() - 1), static_cast<uint32_t>(block.size()),
                        static_cast<uint32_t>(s.size())});
    block.append(s);
  }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // Const, so that `table[i] = x` does not compile as an assignment to a temporary.
  const std::string_view operator[](size_t i) const {
    const Entry& e = entries_[i];
    return std::string_view(blocks_[e.block]).substr(e.offset, e.length);
  }

 private:
  static constexpr size_t kBlockBytes = size_t{1} << 20;
  struct Entry {
    uint32_t block, offset, length;
  };
  std::vector<std::string> blocks_;
  std::vector<Entry> entries_;
};

struct Report {
  Config config;
  LshParams lsh;
  StringTable ids;                     // per document
  std::vector<uint64_t> sizes;         // bytes per document
  StringTable locations;               // per document: "path" or "path:line", for messages
  std::vector<uint64_t> fingerprints;  // per document: XXH3 of its normalized text
  std::vector<DocumentCluster> clusters;   // ascending kept
  std::vector<PassageFinding> passages;    // ascending (doc, start)
  std::vector<BoilerplateEntry> boilerplate;  // ascending (source, pattern, text)
  ReportStats stats;
  // --index: the documents of the index that documents of this run duplicate. They follow the
  // input's documents in ids, sizes, locations and fingerprints (the last `indexed_documents`
  // entries), and only clusters with kept_in_index name them.
  uint32_t indexed_documents = 0;
};

// The report as JSON (one object, two-space indented, trailing newline). Deterministic.
std::string ReportToJson(const Report& report);
// The same, handed to `write` in pieces of about a megabyte: a report of millions of findings is
// never held whole.
void WriteReportJson(const Report& report, const std::function<void(std::string_view)>& write);

// What ReadReportJson() asks of a report.
struct ReadReportOptions {
  // True: a report neardup wrote, as `check --baseline` matches on it: "neardup": {"schema": 1}
  // and a 16-hex-digit "fingerprint" on every removed document and passage. False: only what any
  // tool can write, so that `eval` scores other tools' reports alike: document_clusters[] {kept,
  // removed[].id} and passages[] {doc, start, end, rule}; "removed" may be left out (true).
  bool neardup_only = true;
  // When not null, receives the names of the "params" the report has, in the order written:
  // another tool's report may have a few or none, and the config keeps its defaults for the rest.
  std::vector<std::string>* params_found = nullptr;
};

// Reads a report: the one parser of the schema WriteReportJson() writes. The documents are the
// ones the report names, numbered in order of first mention (kept, removed, passages, copies,
// first_seen); their sizes and locations are not in the JSON (0, empty), their fingerprints only
// for removed documents (0 for the others). Optional parts (params, stats, boilerplate) keep
// their defaults when absent. Errors (InvalidArgument) name `name` and what is wrong: not JSON,
// another schema, a missing or mistyped field, an unknown rule, match or param value.
// Writing what it reads gives back the same bytes for any report WriteReportJson() wrote.
absl::StatusOr<Report> ReadReportJson(std::string_view json, std::string_view name,
                                      const ReadReportOptions& options = {});

}  // namespace neardup

#endif  // NEARDUP_REPORT_H_
