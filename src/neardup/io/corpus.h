// The corpus behind a set of input files, read as a DocumentSource.
#ifndef NEARDUP_IO_CORPUS_H_
#define NEARDUP_IO_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "neardup/document.h"
#include "neardup/io/inputs.h"
#include "neardup/io/jsonl.h"

namespace neardup {

// How often a JSONL field is missing, and where first.
struct FieldTally {
  uint64_t missing = 0;
  std::string first_missing;  // "path:line" of the first record without it
};

// What a complete read of the JSONL inputs saw, for the warnings of the command-line program
// (a mistyped --text-field otherwise gives "0 documents" without a word).
struct ReadStats {
  bool complete = false;   // set once a whole ForEach() succeeded; later calls leave it alone
  uint64_t records = 0;    // JSONL lines that are not blank
  uint64_t documents = 0;  // ... of which have a string text field
  FieldTally text;         // over records: no text field, or not a string
  FieldTally source, url, keep;  // over documents, for the fields that are set in JsonlOptions
  // Records read although not valid JSON as they stood (invalid UTF-8, a lone surrogate):
  // "path:line: reason" for the first kMaxRepairNotes, and how many in all.
  static constexpr size_t kMaxRepairNotes = 20;
  std::vector<std::string> repaired;
  uint64_t repaired_count = 0;
};

// Text files are one document each (id = relative path, see TextDocumentId). JSONL files yield
// one document per record with a string text field; ids come from the id field, else
// "relative:line". Blank lines and records without text are skipped here (the writer passes them
// through). A malformed line fails the whole read with "path:line: reason". Holds references:
// `inputs` (and `stats`, when given) must outlive it.
class InputCorpus : public DocumentSource {
 public:
  // `stats`, when not null, receives the tallies of the first complete ForEach().
  InputCorpus(const InputSet& inputs, JsonlOptions options, ReadStats* stats = nullptr);
  absl::Status ForEach(const DocumentVisitor& visit) const override;
  // Reads only the files holding the documents, and parses only their lines.
  absl::Status Revisit(std::span<const uint32_t> docs, std::span<const uint64_t> positions,
                       const DocumentVisitor& visit) const override;

 private:
  const InputSet& inputs_;
  JsonlOptions options_;
  ReadStats* stats_;
};

}  // namespace neardup

#endif  // NEARDUP_IO_CORPUS_H_
