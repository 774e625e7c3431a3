#include "neardup/io/corpus.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_format.h"
#include "neardup/io/byte_stream.h"
#include "neardup/status_macros.h"

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

absl::Status VisitTextFile(const InputFile& file, const DocumentVisitor& visit) {
  Document doc;
  NEARDUP_ASSIGN_OR_RETURN(doc.text, ReadWholeFile(file.path, file.display, file.compression));
  NEARDUP_RETURN_IF_ERROR(CheckSize(doc.text, file.display));
  doc.id = file.relative;
  doc.location = file.display;
  // A site's pages usually sit in one directory.
  doc.source = std::filesystem::path(file.display).parent_path().string();
  return visit(std::move(doc));
}

absl::Status VisitJsonlFile(const InputFile& file, JsonlParser& parser,
                            const DocumentVisitor& visit) {
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<LineReader> reader,
                           LineReader::Open(file.path, file.display, file.compression));
  std::string line;
  bool terminated = false;
  while (true) {
    NEARDUP_ASSIGN_OR_RETURN(const bool more, reader->Next(line, terminated));
    if (!more) return absl::OkStatus();
    if (IsBlankLine(line)) continue;
    const std::string location = absl::StrFormat("%s:%d", file.display, reader->line_number());
    absl::StatusOr<JsonlRecord> record = parser.Parse(line);
    if (!record.ok()) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s: %s", location, std::string(record.status().message())));
    }
    if (!record->has_text) continue;
    NEARDUP_RETURN_IF_ERROR(CheckSize(record->text, location));
    Document doc;
    doc.id = record->id ? std::move(*record->id)
                        : absl::StrFormat("%s:%d", file.relative, reader->line_number());
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
    NEARDUP_RETURN_IF_ERROR(visit(std::move(doc)));
  }
}

}  // namespace

InputCorpus::InputCorpus(const InputSet& inputs, JsonlOptions options)
    : inputs_(inputs), options_(std::move(options)) {}

absl::Status InputCorpus::ForEach(const DocumentVisitor& visit) const {
  JsonlParser parser(options_);
  for (const InputFile& file : inputs_.files()) {
    if (file.format == InputFormat::kText) {
      NEARDUP_RETURN_IF_ERROR(VisitTextFile(file, visit));
    } else {
      NEARDUP_RETURN_IF_ERROR(VisitJsonlFile(file, parser, visit));
    }
  }
  return absl::OkStatus();
}

}  // namespace neardup
