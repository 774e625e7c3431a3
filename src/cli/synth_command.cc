#include <cstdio>

#include "absl/strings/str_format.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/quality_commands.h"
#include "cli/summary.h"
#include "cli/validators.h"
#include "neardup/io/corpus.h"
#include "neardup/io/atomic_file.h"
#include "neardup/io/inputs.h"

namespace neardup::cli {
namespace {

void AddRate(CLI::App& cmd, const char* name, double& value, const char* help) {
  Metavar(cmd.add_option(name, value, help), "R")->check(Fraction())->capture_default_str()->group("Injections");
}

void AddCount(CLI::App& cmd, const char* name, auto& value, const char* help, uint64_t min = 0) {
  Metavar(cmd.add_option(name, value, help), "N")->transform(WholeNumber(min))->capture_default_str()->group("Base corpus");
}

std::string Summary(const SynthCorpus& c, const std::string& outdir) {
  const SynthStats& s = c.stats;
  std::string out;
  out += absl::StrFormat("base documents      %8d read, %d usable, %d dropped for overlapping another\n",
                         s.base_documents, s.usable, s.overlapping);
  out += absl::StrFormat("documents           %8d: %d originals, %d exact copies, %d near copies, %d truncated\n",
                         c.documents.size(), s.originals, s.copies[static_cast<int>(Origin::kExactCopy)],
                         s.copies[static_cast<int>(Origin::kNearCopy)], s.copies[static_cast<int>(Origin::kTruncated)]);
  out += absl::StrFormat("truth               %8d kept, %d duplicate, %d ambiguous\n",
                         s.status[static_cast<int>(DocStatus::kKept)],
                         s.status[static_cast<int>(DocStatus::kDuplicate)],
                         s.status[static_cast<int>(DocStatus::kAmbiguous)]);
  out += "spans              ";
  for (int i = 0; i < kNumInjections; ++i) {
    absl::StrAppendFormat(&out, " %s %d%s", InjectionName(static_cast<Injection>(i)), s.spans[i],
                          i + 1 < kNumInjections ? "," : "\n");
  }
  out += "natural negatives  ";
  for (int i = 0; i < kNumNatural; ++i) {
    absl::StrAppendFormat(&out, " %s %d%s", NaturalName(static_cast<Natural>(i)), s.natural[i],
                          i + 1 < kNumNatural ? "," : "\n");
  }
  out += absl::StrFormat("glued documents     %8d, %d of them under 1,000 bytes\n", s.glued, s.glued_short);
  absl::StrAppendFormat(&out, "written             %s/corpus.jsonl, %s/truth.json\n", outdir, outdir);
  return out;
}

}  // namespace

CLI::App* AddSynthCommand(CLI::App& app, SynthCommandOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "synth", "Build a labelled corpus from a real base corpus: OUTDIR/corpus.jsonl and "
               "OUTDIR/truth.json (which documents and byte spans are duplicates).");
  SynthOptions& s = o.synth;
  const std::string base = "Base corpus";
  Metavar(cmd->add_option("--base", o.base, "Base corpus: text files, JSONL files or directories (as for clean)"),
          "INPUT")
      ->required()
      ->group(base);
  Metavar(cmd->add_option("-o,--output,--out", o.outdir,
                          "Output directory: OUTDIR/corpus.jsonl and OUTDIR/truth.json; must not be an input "
                          "or lie inside one"),
          "OUTDIR")
      ->required()
      ->group(base);
  Metavar(cmd->add_option("--seed", s.seed, "Seed of every choice; the same seed gives the same bytes"), "S")
      ->transform(WholeNumber())
      ->capture_default_str()
      ->group(base);
  Metavar(cmd->add_option("--text-field", o.text_field, "JSONL field holding a base document's text"), "FIELD")
      ->capture_default_str()
      ->group(base);
  Metavar(cmd->add_option("--id-field", o.id_field, "JSONL field holding a base document's id"), "FIELD")
      ->capture_default_str()
      ->group(base);
  AddCount(*cmd, "--max-base", s.max_base, "Base documents that become originals");
  AddCount(*cmd, "--reserve", s.reserve, "Further base documents, used only as paragraphs added to near copies");
  AddCount(*cmd, "--min-base-bytes", s.min_base_bytes, "Body bytes (headline excluded) a base document needs");
  AddCount(*cmd, "--sources", s.sources, "Sites, each with its own boilerplate lines", 1);
  AddRate(*cmd, "--exact-rate", s.exact_rate, "Share of originals re-scraped byte for byte");
  AddRate(*cmd, "--near-rate", s.near_rate, "Share of originals copied with edits");
  AddRate(*cmd, "--truncated-rate", s.truncated_rate, "Share of originals reprinted truncated");
  AddRate(*cmd, "--glued-rate", s.glued_rate,
          "Share of originals written as glued text (the body's paragraphs on one line, any length)...");
  AddRate(*cmd, "--glued-pasted-rate", s.glued_pasted_rate, "...of those, share pasted twice...");
  AddRate(*cmd, "--glued-space-rate", s.glued_space_rate,
          "...share whose paragraphs are joined with a space (the others: nothing between sentences)");
  AddRate(*cmd, "--glued-boilerplate-rate", s.glued_boilerplate_rate,
          "Chance that a glued document's boilerplate goes inside its line (after a sentence end, or at "
          "the end) rather than on a line of its own...");
  AddRate(*cmd, "--fused-rate", s.fused_rate,
          "...and, at the line's end, fused to a closing token such as '(ren)'");
  AddRate(*cmd, "--pasted-rate", s.pasted_rate,
          "Share of line-text originals with the body pasted twice");
  AddRate(*cmd, "--caption-rate", s.caption_rate, "Share of originals with a caption line scraped twice");
  AddRate(*cmd, "--tandem-rate", s.tandem_rate,
          "Share of originals with a caption printed twice in a row inside a line");
  AddRate(*cmd, "--near-paragraph-rate", s.near_paragraph_rate,
          "Share of originals with a paragraph repeated later, slightly edited");
  AddRate(*cmd, "--boilerplate-rate", s.boilerplate_rate,
          "Chance that a document carries each of its source's two boilerplate lines");
  AddRate(*cmd, "--template-rate", s.template_rate,
          "Chance that a document carries templated lines ('Read also: <title>')");
  AddRate(*cmd, "--restated-quote-rate", s.restated_quote_rate,
          "Natural negative: share of originals with a sentence restated once in a later paragraph");
  AddRate(*cmd, "--rhetoric-rate", s.rhetoric_rate,
          "Natural negative: share of originals with a phrase repeated inside one sentence");
  AddRate(*cmd, "--label-list-rate", s.label_list_rate,
          "Natural negative: share of originals with a list whose labels repeat with different values");
  AddRate(*cmd, "--edit-rate", s.edit_rate,
          "Near copies: highest share of words substituted, deleted or inserted");
  AddRate(*cmd, "--ambiguous-low", s.ambiguous_low, "Copies with true Jaccard at or above this...");
  AddRate(*cmd, "--ambiguous-high", s.ambiguous_high,
          "...and below this are ambiguous (not scored); at or above it they are duplicates");
  cmd->add_flag("-q,--quiet", o.quiet, "Print nothing but errors")->group("Run");
  return cmd;
}

int RunSynth(const SynthCommandOptions& o) {
  CommonOptions common;
  common.quiet = o.quiet;
  const Messages messages(common);
  if (const absl::Status status = ValidateSynthOptions(o.synth); !status.ok()) {
    messages.Error(status);
    return kExitUsage;
  }
  const absl::StatusOr<InputSet> inputs = ResolveInputs(o.base);
  if (!inputs.ok()) {
    messages.Error(inputs.status());
    return kExitUsage;
  }
  absl::Status checked = CheckOutputDir(*inputs, o.outdir);
  if (checked.ok()) checked = CheckOutputPath(o.outdir + "/corpus.jsonl");
  if (const absl::Status status = checked; !status.ok()) {
    messages.Error(status);
    return kExitUsage;
  }
  JsonlOptions jsonl;
  jsonl.text_field = o.text_field;
  jsonl.id_field = o.id_field;
  const InputCorpus source(*inputs, jsonl);
  absl::StatusOr<std::vector<std::string>> texts = ReadBaseTexts(source);
  if (!texts.ok()) {
    messages.Error(texts.status());
    return kExitUsage;
  }
  const absl::StatusOr<SynthCorpus> corpus = Synthesize(*texts, o.synth);
  absl::Status status = corpus.status();
  if (status.ok()) status = WriteSynthCorpus(*corpus, o.synth, o.outdir);
  if (!status.ok()) {
    messages.Error(status);
    return kExitUsage;
  }
  if (o.quiet) return kExitOk;
  return ExitAfterWrite(WriteStdout(Summary(*corpus, o.outdir)), messages, kExitOk);
}

}  // namespace neardup::cli
