#include "cli/options.h"

#include <cstdio>

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
  command.add_option("--id-field", o.id_field, "JSONL field holding the document id")
      ->capture_default_str();
  command.add_option("--text-field", o.text_field, "JSONL field holding the document text")
      ->capture_default_str();
  command.add_flag("-q,--quiet", o.quiet, "Print nothing but errors");
  command.add_flag("-v,--verbose", o.verbose, "Also print timings per stage");
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
  config.seed = o.seed;
  config.passages.seed = o.seed;
  if (const absl::Status status = Validate(config); !status.ok()) return status;
  return config;
}

JsonlOptions MakeJsonlOptions(const CommonOptions& o) { return {o.text_field, o.id_field}; }

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
