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
  doc.id = file.relative;
  doc.location = file.display;
  // A site's pages usually sit in one directory.
  doc.source = std::filesystem::path(file.display).parent_path().string();
  doc.position = Position(index, 0);
  return visit(std::move(doc));
}

// One JSONL line that is not blank: a document, or nothing when it has no string text field.
// Thread-safe with one parser per thread.
absl::StatusOr<std::optional<Document>> DecodeRecord(const InputFile& file, size_t index, uint64_t line_number,
                                                     std::string_view line, JsonlParser& parser) {
  const std::string location = absl::StrFormat("%s:%d", file.display, line_number);
  absl::StatusOr<JsonlRecord> record = parser.Parse(line);
  if (!record.ok()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: %s", location, std::string(record.status().message())));
  }
  if (!record->has_text) return std::nullopt;
  NEARDUP_RETURN_IF_ERROR(CheckSize(record->text, location));
  Document doc;
  doc.id = record->id ? std::move(*record->id) : absl::StrFormat("%s:%d", file.relative, line_number);
  doc.text = std::move(record->text);
  doc.location = location;
  if (record->source) {
    doc.source = std::move(*record->source);
  } else if (record->url) {
    doc.source = UrlHost(*record->url);
  } else {
    doc.source = file.display;
  }
  doc.keep_key = std::move(record->keep);
  doc.position = Position(index, line_number);
  return doc;
}

// Lines read but not yet decoded. Reading is sequential; decoding (JSON parsing and unescaping,
// a good share of the first pass) runs on all threads of the current arena, and the documents
// are visited in line order, so the first malformed line is the one reported.
class LineBatch {
 public:
  static constexpr size_t kLines = 256;
  static constexpr size_t kBytes = size_t{4} << 20;

  LineBatch(const InputFile& file, size_t index, Parsers& parsers) : file_(file), index_(index), parsers_(parsers) {}

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
      NEARDUP_RETURN_IF_ERROR(decoded_[i].status());
      if (*decoded_[i]) NEARDUP_RETURN_IF_ERROR(visit(std::move(**decoded_[i])));
    }
    return absl::OkStatus();
  }

 private:
  const InputFile& file_;
  size_t index_;
  Parsers& parsers_;
  std::vector<std::string> lines_;  // lines_[0, size_) are the batch; the rest keep their memory
  std::vector<uint64_t> numbers_;
  std::vector<absl::StatusOr<std::optional<Document>>> decoded_;
  size_t size_ = 0;
  size_t bytes_ = 0;
};

// The records of a JSONL file, all of them or (with `lines`, ascending) only those on these lines;
// the lines in between are read but not parsed.
absl::Status VisitJsonlFile(const InputFile& file, size_t index, Parsers& parsers,
                            std::span<const uint64_t> lines, bool all, const DocumentVisitor& visit) {
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<LineReader> reader,
                           LineReader::Open(file.path, file.display, file.compression));
  LineBatch batch(file, index, parsers);
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

InputCorpus::InputCorpus(const InputSet& inputs, JsonlOptions options)
    : inputs_(inputs), options_(std::move(options)) {}

absl::Status InputCorpus::ForEach(const DocumentVisitor& visit) const {
  Parsers parser(options_);
  const std::vector<InputFile>& files = inputs_.files();
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i].format == InputFormat::kText) {
      NEARDUP_RETURN_IF_ERROR(VisitTextFile(files[i], i, visit));
    } else {
      NEARDUP_RETURN_IF_ERROR(VisitJsonlFile(files[i], i, parser, {}, true, visit));
    }
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
      NEARDUP_RETURN_IF_ERROR(VisitJsonlFile(files[file], file, parser, lines, false, visit));
    }
  }
  return absl::OkStatus();
}

}  // namespace neardup
