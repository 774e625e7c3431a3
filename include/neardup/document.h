// The unit of deduplication and the interface through which the pipeline reads a corpus.
//
// Sources are read in one streaming pass per call to ForEach(), in a fixed order, so that a
// second pass (writing) sees the same documents under the same indices. Nothing here holds a
// whole corpus in memory.
//
// Public: depends on the standard library and absl::Status only.
#ifndef NEARDUP_DOCUMENT_H_
#define NEARDUP_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace neardup {

struct Document {
  std::string id;        // text file: path relative to its input root; JSONL: the id field
  std::string text;      // original bytes, never modified
  std::string location;  // for messages: "path" or "path:line"
  std::string source;    // the site it comes from, for boilerplate: see InputCorpus
  std::optional<std::string> keep_key;  // --keep field:NAME value, when present
  uint64_t position = 0;  // where the source finds it again (Revisit); opaque to everyone else
};

using DocumentVisitor = std::function<absl::Status(Document&&)>;

class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  // Calls `visit` for every document in corpus order; stops at and returns the first error,
  // its own or the visitor's. Each call reads the source afresh and yields the same sequence.
  virtual absl::Status ForEach(const DocumentVisitor& visit) const = 0;

  // Calls `visit` for the documents with corpus indices `docs` (ascending), whose Document
  // positions ForEach gave as `positions` (same length). Reading stops after the last one. The
  // default reads everything through ForEach and skips; a source that can seek or skip parsing
  // (InputCorpus) does less.
  virtual absl::Status Revisit(std::span<const uint32_t> docs, std::span<const uint64_t> positions,
                               const DocumentVisitor& visit) const;
};

// What to do with one document to clean the corpus (CleanEdits() makes them from a report).
struct DocumentEdit {
  bool drop = false;                               // removed as a duplicate document
  std::vector<std::pair<size_t, size_t>> cuts;     // sorted, disjoint byte ranges of its text
};

// Documents held in memory: tests, benchmarks, and callers that already have their texts. Each
// ForEach() hands out copies, as a reader hands out freshly read documents; Revisit is the
// default one.
class MemorySource : public DocumentSource {
 public:
  explicit MemorySource(std::vector<Document> documents) : documents_(std::move(documents)) {}
  // One document per text, with ids "0", "1", ... and no location, source or keep key.
  static MemorySource FromTexts(std::vector<std::string> texts);

  absl::Status ForEach(const DocumentVisitor& visit) const override;

 private:
  std::vector<Document> documents_;
};

}  // namespace neardup

#endif  // NEARDUP_DOCUMENT_H_
