// The corpus behind a set of input files, read as a DocumentSource.
#ifndef NEARDUP_IO_CORPUS_H_
#define NEARDUP_IO_CORPUS_H_

#include "neardup/document.h"
#include "neardup/io/inputs.h"
#include "neardup/io/jsonl.h"

namespace neardup {

// Text files are one document each (id = relative path). JSONL files yield one document per
// record with a string text field; ids come from the id field, else "relative:line". Blank lines
// and records without text are skipped here (the writer passes them through). A malformed line
// fails the whole read with "path:line: reason". Holds references: `inputs` must outlive it.
class InputCorpus : public DocumentSource {
 public:
  InputCorpus(const InputSet& inputs, JsonlOptions options);
  absl::Status ForEach(const DocumentVisitor& visit) const override;
  // Reads only the files holding the documents, and parses only their lines.
  absl::Status Revisit(std::span<const uint32_t> docs, std::span<const uint64_t> positions,
                       const DocumentVisitor& visit) const override;

 private:
  const InputSet& inputs_;
  JsonlOptions options_;
};

}  // namespace neardup

#endif  // NEARDUP_IO_CORPUS_H_
