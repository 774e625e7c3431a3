// Writing the cleaned corpus: the second pass over the inputs.
#ifndef NEARDUP_IO_CLEAN_WRITER_H_
#define NEARDUP_IO_CLEAN_WRITER_H_

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "neardup/document.h"
#include "neardup/io/inputs.h"
#include "neardup/io/jsonl.h"

namespace neardup {

// Mirrors every input under `outdir` at InputFile::relative. Text files: written minus their cuts,
// not written at all when dropped. JSONL: every line in order, dropped records left out, cut
// records with only their text literal changed (see CutJsonString), all other lines and fields
// byte for byte; the file keeps its compression. Every file is written atomically.
// `edits.size()` must equal the number of documents InputCorpus yields for `inputs`.
absl::Status WriteCleaned(const InputSet& inputs, const JsonlOptions& options,
                          std::span<const DocumentEdit> edits, const std::string& outdir);

// The cleaned records of every input, all JSONL, one after the other as plain (uncompressed)
// JSONL to `output` ("-" for stdout; see AtomicFile for other targets). Lines are written as
// WriteCleaned writes them; a file whose last line has no "\n" gets one when another follows.
// InvalidArgument when an input is a text file.
absl::Status WriteCleanedJsonl(const InputSet& inputs, const JsonlOptions& options,
                               std::span<const DocumentEdit> edits, const std::string& output);

}  // namespace neardup

#endif  // NEARDUP_IO_CLEAN_WRITER_H_
