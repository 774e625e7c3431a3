#include "neardup/io/corpus.h"

#include <cstdint>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <filesystem>
#include <optional>
#include <memory>
#include <span>
#include <vector>
#include <string>
#include <utility>

#include "absl/strings/str_format.h"
#include "neardup/io/byte_stream.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

// Offsets into a document are 32-bit downstream (DecodedJsonString::raw_at, spans).
constexpr uint64_t kMaxDocumentBytes = uint64_t{1} << 32;

absl::Status CheckSize(const std::string& text, const std::string& location) {
  if (text.size() < kMaxDocumentBytes) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s: document is 4 GiB or larger; split it into smaller documents", location));
}

// "https://News.Example.com:443/a?b" -> "news.example.com": the site, for per-source boilerplate.
std::string UrlHost(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const size_t at = url.find_first_of("/?#");
  url = url.substr(0, at);
  if (const size_t user = url.rfind('@'); user != std::string_view::npos) url.remove_prefix(user + 1);
  if (const size_t port = url.rfind(':'); port != std::string_view::npos) url = url.substr(0, port);
  std::string host(url);
  for (char& c : host) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  return host;
}

// One JSONL parser per thread.
using Parsers = tbb::enumerable_thread_specific<JsonlParser>;

// A document's position: its file's index in the input set, and its line (0 for a text file).
constexpr int kLineBits = 40;
uint64_t Position(size_t file, uint64_t line) { return (uint64_t{file} << kLineBits) | line; }
size_t FileOf(uint64_t position) { return static_cast<size_t>(position >> kLineBits); }
uint64_t LineOf(uint64_t position) { return position & ((uint64_t{1} << kLineBits) - 1); }

absl::Status VisitTextFile(const InputFile& file, size_t index, const DocumentVisitor& visit) {
  Document doc;
  NEARDUP_ASSIGN_OR_RETURN(doc.text, ReadWholeFile(file.path, file.display, file.compression));
  NEARDUP_RETURN_IF_ERROR(CheckSize(doc.text, file.display));
  doc.id = TextDocumentId(file.relative);
  doc.location = file.display;
  // A site's pages usually sit in one directory.
  doc.source = std::filesystem::path(file.display).parent_path().string();
  doc.position = Position(index, 0);
  return visit(std::move(doc));
}

// One decoded JSONL line: a document, or nothing when it has no string text field; and which of
// the other fields it had, for ReadStats.
struct DecodedRecord {
  absl::StatusOr<std::optional<Document>> doc;
  bool has_source = false;
  bool has_url = false;
  bool has_keep = false;
  std::string repair;
};

// The document of a parsed record, or nothing when it has no string text field.
absl::StatusOr<std::optional<Document>> MakeDocument(const InputFile& file, size_t index, uint64_t line_number,
                                                     const std::string& location, JsonlRecord& record) {
  if (!record.has_text) return std::nullopt;
  NEARDUP_RETURN_IF_ERROR(CheckSize(record.text, location));
  Document doc;
  doc.id = record.id ? std::move(*record.id) : absl::StrFormat("%s:%d", TextDocumentId(file.relative), line_number);
  doc.text = std::move(record.text);
  doc.location = location;
  if (record.source) {
    doc.source = std::move(*record.source);
  } else if (record.url) {
    doc.source = UrlHost(*record.url);
  } else {
    doc.source = file.display;
  }
  doc.keep_key = std::move(record.keep);
  doc.position = Position(index, line_number);
  return doc;
}

// One JSONL line that is not blank. Thread-safe with one parser per thread.
DecodedRecord DecodeRecord(const InputFile& file, size_t index, uint64_t line_number, std::string_view line,
                           JsonlParser& parser) {
  const std::string location = absl::StrFormat("%s:%d", file.display, line_number);
  absl::StatusOr<JsonlRecord> record = parser.Parse(line);
  DecodedRecord out;
  if (!record.ok()) {
    out.doc = absl::InvalidArgumentError(
        absl::StrFormat("%s: %s", location, std::string(record.status().message())));
    return out;
  }
  out.has_source = record->source.has_value();
  out.has_url = record->url.has_value();
  out.has_keep = record->keep.has_value();
  out.repair = std::move(record->repair);
  out.doc = MakeDocument(file, index, line_number, location, *record);
  return out;
}

void Tally(FieldTally& tally, bool present, const InputFile& file, uint64_t line) {
  if (present) return;
  if (tally.missing++ == 0) tally.first_missing = absl::StrFormat("%s:%d", file.display, line);
}

// Lines read but not yet decoded. Reading is sequential; decoding (JSON parsing and unescaping,
// a good share of the first pass) runs on all threads of the current arena, and the documents
// are visited in line order, so the first malformed line is the one reported.
class LineBatch {
 public:
  static constexpr size_t kLines = 256;
  static constexpr size_t kBytes = size_t{4} << 20;

  // `stats` (may be null) tallies the fields of every record flushed.
  LineBatch(const InputFile& file, size_t index, Parsers& parsers, const JsonlOptions& options, ReadStats* stats)
      : file_(file), index_(index), parsers_(parsers), options_(options), stats_(stats) {}

  // Copies `line`; true when the batch is full.
  bool Add(std::string_view line, uint64_t number) {
    if (size_ == lines_.size()) lines_.emplace_back();
    lines_[size_].assign(line);
    numbers_.resize(size_ + 1);
    numbers_[size_] = number;
    bytes_ += lines_[size_].size();
    ++size_;
    return size_ >= kLines || bytes_ >= kBytes;
  }

  absl::Status Flush(const DocumentVisitor& visit) {
    decoded_.resize(size_);
    tbb::parallel_for(size_t{0}, size_, [&](size_t i) {
      decoded_[i] = DecodeRecord(file_, index_, numbers_[i], lines_[i], parsers_.local());
    });
    const size_t n = size_;
    size_ = 0;
    bytes_ = 0;
    for (size_t i = 0; i < n; ++i) {
      DecodedRecord& record = decoded_[i];
      NEARDUP_RETURN_IF_ERROR(record.doc.status());
      if (stats_ != nullptr) Count(record, numbers_[i]);
      if (*record.doc) NEARDUP_RETURN_IF_ERROR(visit(std::move(**record.doc)));
    }
    return absl::OkStatus();
  }

 private:
  void Count(const DecodedRecord& record, uint64_t line) {
    ReadStats& s = *stats_;
    ++s.records;
    const bool document = record.doc->has_value();
    Tally(s.text, document, file_, line);
    if (!record.repair.empty() && s.repaired_count++ < ReadStats::kMaxRepairNotes) {
      s.repaired.push_back(absl::StrFormat("%s:%d: %s", file_.display, line, record.repair));
    }
    if (!document) return;
    ++s.documents;
    if (!options_.source_field.empty()) Tally(s.source, record.has_source, file_, line);
    if (!options_.url_field.empty()) Tally(s.url, record.has_url, file_, line);
    if (!options_.keep_field.empty()) Tally(s.keep, record.has_keep, file_, line);
  }

  const InputFile& file_;
  size_t index_;
  Parsers& parsers_;
  const JsonlOptions& options_;
  ReadStats* stats_;
  std::vector<std::string> lines_;  // lines_[0, size_) are the batch; the rest keep their memory
  std::vector<uint64_t> numbers_;
  std::vector<DecodedRecord> decoded_;
  size_t size_ = 0;
  size_t bytes_ = 0;
};

// The records of a JSONL file, all of them or (with `lines`, ascending) only those on these lines;
// the lines in between are read but not parsed.
absl::Status VisitJsonlFile(const InputFile& file, size_t index, Parsers& parsers, const JsonlOptions& options,
                            ReadStats* stats, std::span<const uint64_t> lines, bool all,
                            const DocumentVisitor& visit) {
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<LineReader> reader,
                           LineReader::Open(file.path, file.display, file.compression));
  LineBatch batch(file, index, parsers, options, stats);
  std::string_view line;
  bool terminated = false;
  size_t next = 0;
  while (all || next < lines.size()) {
    NEARDUP_ASSIGN_OR_RETURN(const bool more, reader->NextView(line, terminated));
    if (!more) break;
    const uint64_t number = reader->line_number();
    if (!all) {
      if (number != lines[next]) continue;
      ++next;
    }
    if (IsBlankLine(line)) continue;
    if (batch.Add(line, number)) NEARDUP_RETURN_IF_ERROR(batch.Flush(visit));
  }
  return batch.Flush(visit);
}

}  // namespace

InputCorpus::InputCorpus(const InputSet& inputs, JsonlOptions options, ReadStats* stats)
    : inputs_(inputs), options_(std::move(options)), stats_(stats) {}

absl::Status InputCorpus::ForEach(const DocumentVisitor& visit) const {
  Parsers parser(options_);
  // Tallied only until one read has gone through completely; later reads would say the same.
  ReadStats tally;
  ReadStats* stats = stats_ != nullptr && !stats_->complete ? &tally : nullptr;
  const std::vector<InputFile>& files = inputs_.files();
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i].format == InputFormat::kText) {
      NEARDUP_RETURN_IF_ERROR(VisitTextFile(files[i], i, visit));
    } else {
      NEARDUP_RETURN_IF_ERROR(VisitJsonlFile(files[i], i, parser, options_, stats, {}, true, visit));
    }
  }
  if (stats != nullptr) {
    tally.complete = true;
    *stats_ = std::move(tally);
  }
  return absl::OkStatus();
}

absl::Status InputCorpus::Revisit(std::span<const uint32_t> /*docs*/, std::span<const uint64_t> positions,
                                  const DocumentVisitor& visit) const {
  Parsers parser(options_);
  const std::vector<InputFile>& files = inputs_.files();
  std::vector<uint64_t> lines;
  for (size_t lo = 0, hi; lo < positions.size(); lo = hi) {
    const size_t file = FileOf(positions[lo]);
    lines.clear();
    for (hi = lo; hi < positions.size() && FileOf(positions[hi]) == file; ++hi) lines.push_back(LineOf(positions[hi]));
    if (file >= files.size()) return absl::InternalError("revisiting a document that was never read");
    if (files[file].format == InputFormat::kText) {
      NEARDUP_RETURN_IF_ERROR(VisitTextFile(files[file], file, visit));
    } else {
      NEARDUP_RETURN_IF_ERROR(VisitJsonlFile(files[file], file, parser, options_, nullptr, lines, false, visit));
    }
  }
  return absl::OkStatus();
}

}  // namespace neardup
