#include "cli/detect.h"

#include "absl/strings/str_format.h"
#include "cli/progress.h"
#include "neardup/io/corpus.h"
#include "neardup/base/status_macros.h"
#include "neardup/engine/index_dedup.h"

namespace neardup::cli {
namespace {

// A field missing from more than this share of records gets a warning.
constexpr double kMissingShare = 0.01;

// Warns about a field some records lack; an error when all of them lack it.
absl::Status CheckField(const FieldTally& tally, uint64_t records, const std::string& option,
                        const std::string& field, const char* records_name, const Messages& messages) {
  if (records == 0 || tally.missing == 0) return absl::OkStatus();
  if (tally.missing == records) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s %s: no %s has this field (the first is %s); check the field name", option, field, records_name,
        tally.first_missing));
  }
  if (static_cast<double>(tally.missing) > kMissingShare * static_cast<double>(records)) {
    messages.Warn(absl::StrFormat("%s %s: %d of %d %ss lack this field, e.g. %s", option, field, tally.missing,
                                  records, records_name, tally.first_missing));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckRead(const ReadStats& read, const CommonOptions& o, const Messages& messages) {
  for (const std::string& note : read.repaired) {
    messages.Warn(note + "; read anyway, its bytes compared as they are");
  }
  if (read.repaired_count > read.repaired.size()) {
    messages.Warn(absl::StrFormat("%d more records read despite invalid UTF-8 or lone surrogates",
                                  read.repaired_count - read.repaired.size()));
  }
  NEARDUP_RETURN_IF_ERROR(CheckField(read.text, read.records, "--text-field", o.text_field, "record", messages));
  if (!o.source_field.empty()) {
    NEARDUP_RETURN_IF_ERROR(CheckField(read.source, read.documents, "--source-field", o.source_field, "document", messages));
  }
  if (!o.url_field.empty()) {
    NEARDUP_RETURN_IF_ERROR(CheckField(read.url, read.documents, "--url-field", o.url_field, "document", messages));
  }
  if (o.keep.rfind("field:", 0) == 0) {
    NEARDUP_RETURN_IF_ERROR(CheckField(read.keep, read.documents, "--keep", o.keep, "document", messages));
  }
  return absl::OkStatus();
}

absl::StatusOr<Prepared> Prepare(const CommonOptions& options, const Messages& messages) {
  NEARDUP_ASSIGN_OR_RETURN(Config config, MakeConfig(options));
  ResolveOptions resolve;
  resolve.temp_dir = options.temp_dir;
  NEARDUP_ASSIGN_OR_RETURN(InputSet inputs, ResolveInputs(options.inputs, resolve));
  for (const std::string& note : inputs.notes()) messages.Verbose(note);
  return Prepared{std::move(config), std::move(inputs)};
}

absl::StatusOr<Detection> Detect(const CommonOptions& options, Prepared prepared, const Messages& messages,
                                 bool write_index) {
  Detection detection{std::move(prepared.inputs), {}, {}, {}, prepared.config, nullptr};
  if (!options.index.empty()) {
    NEARDUP_RETURN_IF_ERROR(CheckOutputDir(detection.inputs, options.index));
    NEARDUP_RETURN_IF_ERROR(CheckIndexConfig(prepared.config));
    NEARDUP_ASSIGN_OR_RETURN(
        detection.index,
        Index::Open(options.index, {write_index ? Index::Mode::kWrite : Index::Mode::kRead, options.index_wait}));
    NEARDUP_RETURN_IF_ERROR(detection.index->CheckParams(IndexParamsOf(prepared.config)));
  }
  absl::StatusOr<Report> report;
  {
    // The line is erased when this scope ends, before anything else is printed.
    ProgressLine progress(WantProgress(options), KnownInputBytes(detection.inputs));
    const InputCorpus corpus(detection.inputs, MakeJsonlOptions(options), &detection.read);
    report = detection.index != nullptr
                 ? DeduplicateWithIndex(corpus, prepared.config, *detection.index, progress.callback(), &detection.seconds)
                 : Deduplicate(corpus, prepared.config, progress.callback(), &detection.seconds);
  }
  if (!report.ok()) return report.status();
  NEARDUP_RETURN_IF_ERROR(CheckRead(detection.read, options, messages));
  detection.report = *std::move(report);
  return detection;
}

ThreadLimit::ThreadLimit(int threads) {
  if (threads > 0) {
    control_ = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                     static_cast<size_t>(threads));
  }
}

}  // namespace neardup::cli
