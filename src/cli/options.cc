#include "cli/options.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "absl/strings/str_format.h"

namespace neardup::cli {

void AddCommonOptions(CLI::App& command, CommonOptions& o) {
  command.add_option("INPUT", o.inputs,
                     "Text files, JSONL files (.jsonl, .jsonl.gz, .jsonl.zst), directories "
                     "(searched recursively), or - for JSONL on stdin")
      ->required();
  command.add_option("--threshold", o.threshold,
                     "Jaccard similarity of word shingles at or above which a document is a "
                     "near duplicate")
      ->capture_default_str();
  command.add_option("--num-perm", o.num_perm, "MinHash permutations per signature")
      ->capture_default_str();
  command.add_option("--shingle", o.shingle, "Document shingles: word:K or char:K")
      ->capture_default_str();
  command.add_option("--passages", o.passages,
                     "Passage unit: line, or paragraph (separated by blank lines)")
      ->check(CLI::IsMember({"line", "paragraph"}))
      ->capture_default_str();
  command.add_option("--threads", o.threads, "Worker threads; 0 uses every core")
      ->capture_default_str();
  command.add_option("--seed", o.seed, "Seed for hashing and permutations")->capture_default_str();
  command.add_option("--temp-dir", o.temp_dir,
                     "Directory for the temporary files large corpora spill to (default: $TMPDIR, else "
                     "/tmp); they are deleted as they are created");
  command.add_option("--id-field", o.id_field, "JSONL field holding the document id")
      ->capture_default_str();
  command.add_option("--text-field", o.text_field, "JSONL field holding the document text")
      ->capture_default_str();
  command.add_option("--cross-doc", o.cross_doc,
                     "Passages repeating a passage of an earlier kept document: report them, or "
                     "also remove them")
      ->check(CLI::IsMember({"report", "remove"}))
      ->capture_default_str();
  command.add_option("--boilerplate-min-docs", o.boilerplate_min_docs,
                     "A passage is boilerplate when it recurs in at least this many documents of "
                     "one source...")
      ->capture_default_str();
  command.add_option("--boilerplate-min-share", o.boilerplate_min_share,
                     "...and in at least this share of the source's documents")
      ->capture_default_str();
  command.add_option("--boilerplate-patterns", o.boilerplate_patterns,
                     "Templated lines such as 'Baca Juga: <title>': report them, or also remove them")
      ->check(CLI::IsMember({"report", "remove"}))
      ->capture_default_str();
  command.add_option("--source-field", o.source_field,
                     "JSONL field naming a document's source (site); default: the file (text "
                     "files: their directory)");
  command.add_option("--url-field", o.url_field,
                     "JSONL field holding a URL whose host is the document's source");
  command.add_option("--containment", o.containment,
                     "Also remove a document when at least this share of its shingles lies in a "
                     "larger kept document (a truncated reprint); 0 turns it off")
      ->capture_default_str();
  command.add_option("--keep", o.keep,
                     "Which document of a duplicate cluster stays: first, longest, or field:NAME "
                     "(smallest value of a JSONL field, e.g. field:date for the earliest)")
      ->capture_default_str();
  command.add_option("--min-tandem-words", o.min_tandem_words,
                     "Inside a sentence: the fewest words of a span printed twice in a row that "
                     "is removed (a caption or title pasted twice)")
      ->capture_default_str();
  command.add_flag("-q,--quiet", o.quiet, "Print nothing but errors");
  command.add_flag("-v,--verbose", o.verbose, "Also print timings per stage at the end");
  command.add_flag("--progress", o.progress,
                   "Show the progress line on stderr even when it is not a terminal (it is shown "
                   "on a terminal anyway, and never with --quiet)");
}

absl::StatusOr<Config> MakeConfig(const CommonOptions& o) {
  Config config;
  config.threshold = o.threshold;
  config.num_perm = o.num_perm;
  const absl::StatusOr<ShingleSpec> shingle = ParseShingleSpec(o.shingle);
  if (!shingle.ok()) return shingle.status();
  config.shingle = *shingle;
  config.passages.segment.mode = o.passages == "paragraph" ? PassageMode::kParagraph : PassageMode::kLine;
  config.threads = o.threads;
  // Checked now: a corpus only spills once it is large, and an error then would waste the run.
  if (!o.temp_dir.empty() &&
      (!std::filesystem::is_directory(o.temp_dir) || ::access(o.temp_dir.c_str(), W_OK | X_OK) != 0)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("--temp-dir %s: not a writable directory", o.temp_dir));
  }
  config.temp_dir = o.temp_dir;
  config.cross_doc = o.cross_doc == "remove" ? CrossDocMode::kRemove : CrossDocMode::kReport;
  config.boilerplate.min_docs = o.boilerplate_min_docs;
  config.boilerplate.min_share = o.boilerplate_min_share;
  config.boilerplate.remove_patterns = o.boilerplate_patterns == "remove";
  config.containment = o.containment;
  config.min_tandem_words = o.min_tandem_words;
  if (o.keep == "first") {
    config.keep = KeepPolicy::kFirst;
  } else if (o.keep == "longest") {
    config.keep = KeepPolicy::kLongest;
  } else if (o.keep.rfind("field:", 0) == 0) {
    config.keep = KeepPolicy::kField;
    config.keep_field = o.keep.substr(6);
  } else {
    return absl::InvalidArgumentError(
        "--keep must be first, longest or field:NAME, got '" + o.keep + "'");
  }
  config.seed = o.seed;
  config.passages.seed = o.seed;
  if (const absl::Status status = Validate(config); !status.ok()) return status;
  return config;
}

JsonlOptions MakeJsonlOptions(const CommonOptions& o) {
  JsonlOptions options;
  options.text_field = o.text_field;
  options.id_field = o.id_field;
  options.source_field = o.source_field;
  options.url_field = o.url_field;
  if (o.keep.rfind("field:", 0) == 0) options.keep_field = o.keep.substr(6);
  return options;
}

void Messages::Error(std::string_view message) const {
  std::fprintf(stderr, "neardup: %.*s\n", static_cast<int>(message.size()), message.data());
}

void Messages::Error(const absl::Status& status) const {
  const absl::string_view message = status.message();
  Error(std::string_view(message.data(), message.size()));
}

void Messages::Info(std::string_view message) const {
  if (!quiet_) Error(message);
}

void Messages::Verbose(std::string_view message) const {
  if (verbose_ && !quiet_) Error(message);
}

}  // namespace neardup::cli
