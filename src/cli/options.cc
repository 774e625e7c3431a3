#include "cli/options.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "absl/strings/str_format.h"
#include "cli/validators.h"
#include "neardup/render/render_common.h"

namespace neardup::cli {

CLI::Option* Metavar(CLI::Option* option, const std::string& name) { return option->type_name(name); }

void AddCommonOptions(CLI::App& command, CommonOptions& o) {
  const auto option = [&](const std::string& names, auto& value, const std::string& metavar,
                          const std::string& help, const std::string& group) {
    return Metavar(command.add_option(names, value, help), metavar)->group(group);
  };
  Metavar(command.add_option("INPUT", o.inputs,
                             "Text files (.txt), JSONL files (.jsonl, .ndjson, .json), either plain or "
                             "compressed (.gz, .zst, .xz, .bz2, .lz4); directories (searched recursively); "
                             "- for JSONL on stdin"),
          "INPUT")
      ->required();
  const std::string detection = "Detection";
  option("--threshold", o.threshold, "J",
         "Jaccard similarity of word shingles at or above which a document is a near duplicate", detection)
      ->capture_default_str();
  option("--num-perm", o.num_perm, "N", "MinHash permutations per signature", detection)
      ->transform(WholeNumber(1, 1024))
      ->capture_default_str();
  option("--shingle", o.shingle, "word:K|char:K", "Document shingles: word or character K-grams", detection)
      ->capture_default_str();
  option("--seed", o.seed, "S", "Seed for hashing and permutations (0 to 2^64-1)", detection)
      ->transform(WholeNumber())
      ->capture_default_str();
  option("--keep", o.keep, "first|longest|field:NAME",
         "Which document of a duplicate cluster stays: the first, the longest, or the one with the "
         "smallest value of a JSONL field (field:date keeps the earliest)",
         detection)
      ->capture_default_str();
  option("--containment", o.containment, "C",
         "Also remove a document when at least this share of its shingles lies in a larger kept "
         "document (a truncated reprint); 0 turns it off",
         detection)
      ->check(Fraction())
      ->capture_default_str();
  const std::string passages = "Passages";
  option("--passages", o.passages, "line|paragraph",
         "Passage unit: lines, or paragraphs separated by blank lines", passages)
      ->check(CLI::IsMember({"line", "paragraph"}).description(""))
      ->capture_default_str();
  option("--cross-doc", o.cross_doc, "report|remove",
         "Passages repeating a passage of an earlier kept document: report them, or also remove them",
         passages)
      ->check(CLI::IsMember({"report", "remove"}).description(""))
      ->capture_default_str();
  option("--boilerplate-min-docs", o.boilerplate_min_docs, "N",
         "A passage is boilerplate when it recurs in at least N documents of one source...", passages)
      ->transform(WholeNumber(2))
      ->capture_default_str();
  option("--boilerplate-min-share", o.boilerplate_min_share, "R",
         "...and in at least this share of the source's documents", passages)
      ->check(Fraction())
      ->capture_default_str();
  option("--boilerplate-patterns", o.boilerplate_patterns, "report|remove",
         "Templated lines such as 'Baca Juga: <title>': report them, or also remove them", passages)
      ->check(CLI::IsMember({"report", "remove"}).description(""))
      ->capture_default_str();
  option("--min-tandem-words", o.min_tandem_words, "N",
         "Inside a sentence: the fewest words of a span printed twice in a row that is removed (a caption "
         "or title pasted twice)",
         passages)
      ->transform(WholeNumber(2))
      ->capture_default_str();
  const std::string jsonl = "JSONL";
  option("--text-field", o.text_field, "FIELD", "JSONL field holding the document text", jsonl)
      ->capture_default_str();
  option("--id-field", o.id_field, "FIELD",
         "JSONL field holding the document id (records without one are named FILE:LINE)", jsonl)
      ->capture_default_str();
  option("--source-field", o.source_field, "FIELD",
         "JSONL field naming a document's source (site), for boilerplate; default: the file (text "
         "files: their directory)",
         jsonl);
  option("--url-field", o.url_field, "FIELD", "JSONL field holding a URL whose host is the document's source",
         jsonl);
  const std::string run = "Run";
  option("--threads", o.threads, "N", "Worker threads; 0 uses every core. The output is the same for every N",
         run)
      ->transform(WholeNumber(0, 1024))
      ->capture_default_str();
  option("--temp-dir", o.temp_dir, "DIR",
         "Directory for temporary files: large runs' spills (deleted as they are created) and the "
         "copy of stdin; default: $TMPDIR, else /tmp",
         run);
  command.add_flag("-q,--quiet", o.quiet, "Print nothing but errors")->group(run);
  command.add_flag("-v,--verbose", o.verbose,
                   "Also print the seconds per stage, and the files a directory walk skipped")
      ->group(run);
  command.add_flag("--progress", o.progress,
                   "Show progress on stderr even when it is not a terminal (then as a plain line every "
                   "few seconds); never with --quiet")
      ->group(run);
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
  // Messages carry ids and file names, which may hold any bytes: nothing in them may move the
  // cursor, recolour the terminal or start a line that a CI runner reads as a command.
  const std::string line = "neardup: " + EscapeControl(message) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

void Messages::Error(const absl::Status& status) const {
  const absl::string_view message = status.message();
  Error(std::string_view(message.data(), message.size()));
}

void Messages::Info(std::string_view message) const {
  if (!quiet_) Error(message);
}

void Messages::Warn(std::string_view message) const { Info("warning: " + std::string(message)); }

void Messages::Verbose(std::string_view message) const {
  if (verbose_ && !quiet_) Error(message);
}

}  // namespace neardup::cli
