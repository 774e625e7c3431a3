#include "neardup/io/clean_writer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/str_format.h"
#include "neardup/io/atomic_file.h"
#include "neardup/io/byte_stream.h"
#include "neardup/base/json_string.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

// The walk below must yield documents exactly as InputCorpus does (same files, same skipped
// lines, same size limit), or edits would land on the wrong documents.
constexpr uint64_t kMaxDocumentBytes = uint64_t{1} << 32;

using Cuts = std::vector<std::pair<size_t, size_t>>;

absl::Status CheckSize(const std::string& text, const std::string& location) {
  if (text.size() < kMaxDocumentBytes) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s: document is 4 GiB or larger; split it into smaller documents", location));
}

// Hands out edits in corpus order and notices when the two sequences disagree in length.
class EditCursor {
 public:
  explicit EditCursor(std::span<const DocumentEdit> edits) : edits_(edits) {}

  absl::StatusOr<const DocumentEdit*> Next(const std::string& location) {
    if (next_ == edits_.size()) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "%s: the inputs hold more than the %d documents read before; did they change?", location,
          edits_.size()));
    }
    return &edits_[next_++];
  }
  size_t used() const { return next_; }

 private:
  std::span<const DocumentEdit> edits_;
  size_t next_ = 0;
};

absl::Status CheckCuts(const Cuts& cuts, size_t size, const std::string& location) {
  size_t previous_end = 0;
  for (const auto& [start, end] : cuts) {
    if (start < previous_end || start > end || end > size) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s: cut [%d, %d) is not sorted, disjoint and within the %d-byte text",
                          location, start, end, size));
    }
    previous_end = end;
  }
  return absl::OkStatus();
}

std::string WithoutCuts(std::string_view text, const Cuts& cuts) {
  std::string out;
  out.reserve(text.size());
  size_t kept_from = 0;
  for (const auto& [start, end] : cuts) {
    out.append(text.substr(kept_from, start - kept_from));
    kept_from = end;
  }
  out.append(text.substr(kept_from));
  return out;
}

absl::Status WriteTextFile(const InputFile& file, EditCursor& cursor, const std::string& outdir) {
  NEARDUP_ASSIGN_OR_RETURN(const std::string text,
                           ReadWholeFile(file.path, file.display, file.compression));
  NEARDUP_RETURN_IF_ERROR(CheckSize(text, file.display));
  NEARDUP_ASSIGN_OR_RETURN(const DocumentEdit* edit, cursor.Next(file.display));
  if (edit->drop) return absl::OkStatus();
  NEARDUP_RETURN_IF_ERROR(CheckCuts(edit->cuts, text.size(), file.display));
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> out,
                           AtomicFile::Create(outdir + "/" + file.relative, file.compression));
  NEARDUP_RETURN_IF_ERROR(out->Write(edit->cuts.empty() ? text : WithoutCuts(text, edit->cuts)));
  return out->Commit();
}

// The line with the text literal of `record` replaced by one without the cut characters; every
// other byte of the line is copied.
absl::StatusOr<std::string> CutRecord(std::string_view line, const JsonlRecord& record,
                                      const Cuts& cuts, const std::string& location) {
  const std::string_view literal =
      line.substr(record.text_begin, record.text_end - record.text_begin);
  // Lenient as the parser is with a record it repaired (a lone surrogate escape).
  absl::StatusOr<DecodedJsonString> decoded = DecodeJsonString(literal, /*lenient=*/true);
  if (!decoded.ok()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: %s", location, std::string(decoded.status().message())));
  }
  // Guards the byte map: cuts are offsets into the text simdjson decoded.
  if (decoded->text != record.text) {
    return absl::InternalError(absl::StrFormat("%s: text field decodes inconsistently", location));
  }
  std::string out(line.substr(0, record.text_begin));
  out += CutJsonString(literal, *decoded, cuts);
  out.append(line.substr(record.text_end));
  return out;
}

// What becomes of one JSONL line.
struct LineFate {
  enum Action { kCopy, kDrop, kReplace } action = kCopy;
  std::string replacement;  // for kReplace
};

absl::StatusOr<LineFate> CleanLine(std::string_view line, const std::string& location,
                                   JsonlParser& parser, EditCursor& cursor) {
  // Blank lines and records without text are not documents (InputCorpus skips them too).
  if (IsBlankLine(line)) return LineFate{};
  absl::StatusOr<JsonlRecord> record = parser.Parse(line);
  if (!record.ok()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: %s", location, std::string(record.status().message())));
  }
  if (!record->has_text) return LineFate{};
  NEARDUP_RETURN_IF_ERROR(CheckSize(record->text, location));
  NEARDUP_ASSIGN_OR_RETURN(const DocumentEdit* edit, cursor.Next(location));
  if (edit->drop) return LineFate{LineFate::kDrop, {}};
  if (edit->cuts.empty()) return LineFate{};
  NEARDUP_RETURN_IF_ERROR(CheckCuts(edit->cuts, record->text.size(), location));
  // Only a record that loses passages needs the raw position of its text literal.
  absl::StatusOr<JsonlRecord> located = parser.Parse(line, /*literal=*/true);
  if (!located.ok()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: %s", location, std::string(located.status().message())));
  }
  NEARDUP_ASSIGN_OR_RETURN(std::string cut, CutRecord(line, *located, edit->cuts, location));
  return LineFate{LineFate::kReplace, std::move(cut)};
}

// Writes the cleaned lines of `file` to `out`; false in `terminated` when its last line had no
// "\n".
absl::Status CleanJsonlFile(const InputFile& file, JsonlParser& parser, EditCursor& cursor, AtomicFile& out,
                            bool& terminated) {
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<LineReader> reader,
                           LineReader::Open(file.path, file.display, file.compression));
  std::string line;
  terminated = true;
  while (true) {
    NEARDUP_ASSIGN_OR_RETURN(const bool more, reader->Next(line, terminated));
    if (!more) break;
    const std::string location = absl::StrFormat("%s:%d", file.display, reader->line_number());
    NEARDUP_ASSIGN_OR_RETURN(const LineFate fate, CleanLine(line, location, parser, cursor));
    if (fate.action == LineFate::kDrop) continue;
    NEARDUP_RETURN_IF_ERROR(out.Write(fate.action == LineFate::kCopy ? line : fate.replacement));
    // Each line keeps its own terminator: a last line without "\n" stays without one.
    NEARDUP_RETURN_IF_ERROR(out.Write(terminated ? "\n" : ""));
  }
  return absl::OkStatus();
}

absl::Status WriteJsonlFile(const InputFile& file, JsonlParser& parser, EditCursor& cursor,
                            const std::string& outdir) {
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> out,
                           AtomicFile::Create(outdir + "/" + file.relative, file.compression));
  bool terminated = true;
  NEARDUP_RETURN_IF_ERROR(CleanJsonlFile(file, parser, cursor, *out, terminated));
  return out->Commit();
}

absl::Status CheckAllUsed(const EditCursor& cursor, std::span<const DocumentEdit> edits) {
  if (cursor.used() == edits.size()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrFormat(
      "the inputs now hold %d documents, not the %d read before; did they change?", cursor.used(),
      edits.size()));
}

}  // namespace

absl::Status WriteCleaned(const InputSet& inputs, const JsonlOptions& options,
                          std::span<const DocumentEdit> edits, const std::string& outdir) {
  EditCursor cursor(edits);
  JsonlParser parser(options);
  for (const InputFile& file : inputs.files()) {
    if (file.format == InputFormat::kText) {
      NEARDUP_RETURN_IF_ERROR(WriteTextFile(file, cursor, outdir));
    } else {
      NEARDUP_RETURN_IF_ERROR(WriteJsonlFile(file, parser, cursor, outdir));
    }
  }
  return CheckAllUsed(cursor, edits);
}

absl::Status WriteCleanedJsonl(const InputSet& inputs, const JsonlOptions& options,
                               std::span<const DocumentEdit> edits, const std::string& output) {
  for (const InputFile& file : inputs.files()) {
    if (file.format != InputFormat::kJsonl) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s is a text file; only JSONL can be cleaned into one stream (%s)", file.display, output));
    }
  }
  EditCursor cursor(edits);
  JsonlParser parser(options);
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> out, AtomicFile::Create(output, Compression::kNone));
  bool terminated = true;
  for (const InputFile& file : inputs.files()) {
    // Records of the next file must not join an unterminated last line of this one.
    if (!terminated) NEARDUP_RETURN_IF_ERROR(out->Write("\n"));
    NEARDUP_RETURN_IF_ERROR(CleanJsonlFile(file, parser, cursor, *out, terminated));
  }
  NEARDUP_RETURN_IF_ERROR(CheckAllUsed(cursor, edits));
  return out->Commit();
}

}  // namespace neardup
