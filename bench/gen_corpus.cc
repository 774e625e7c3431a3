// neardup_gen_corpus: writes the seeded JSONL corpora of the end-to-end benchmark
// (scripts/bench.sh) and, on request, their truth. See gen_corpus_doc.h for the profiles and what
// a corpus holds, gen_corpus_text.h for where its text comes from.
//
//   neardup_gen_corpus --docs N --seed S --out FILE.jsonl [--truth FILE.tsv] [--base PATH]
//                      [--profile default|wire|near-identical|record] [--passage-truth FILE.tsv]
//                      [--lang en|id] [--doc-bytes 3000] [--sources 50] [--exact-rate 0.05] ...
//
// Output line: {"id": "<16 hex digits>", "source": "site-NN", "text": "..."}. Truth line:
// id<TAB>kind<TAB>id of the original (for wire: of the story) or "-", kind one of original,
// exact, near, pasted, wire. Passage truth line (wire profile; empty for the others):
// id<TAB>line<TAB>start<TAB>end<TAB>id of the first document with the passage<TAB>jaccard.
// The same arguments give the same bytes. Exit codes: 0 written, 1 cannot write, 2 usage or base.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <utility>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "gen_corpus_doc.h"
#include "gen_corpus_out.h"
#include "gen_corpus_pool.h"
#include "gen_corpus_stress.h"
#include "gen_corpus_text.h"
#include "gen_corpus_wire.h"

namespace neardup::bench {
namespace {

// Bump when the same arguments start giving different bytes: scripts/bench.sh keeps corpora
// whose stamp (this number and the arguments) still matches.
constexpr int kFormatVersion = 1;

constexpr int kExitWrite = 1;
constexpr int kExitUsage = 2;

struct Flags {
  std::string base;
  std::string lang = "en";
  std::string out;
  std::string truth;
  std::string passage_truth;
  std::string profile = "default";
  size_t docs = 0;
  bool quiet = false;
  GeneratorOptions given;      // what the flags said; only those given count
  GeneratorOptions generator;  // the profile's defaults, overridden by the flags given
};

void AppendHex(uint64_t value, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4) out.push_back(kHex[(value >> shift) & 15]);
}

constexpr std::pair<const char*, Profile> kProfiles[] = {
    {"default", Profile::kDefault},
    {"wire", Profile::kWire},
    {"near-identical", Profile::kNearIdentical},
    {"record", Profile::kRecord},
};

Profile ProfileNamed(const std::string& name) {
  for (const auto& [profile_name, profile] : kProfiles) {
    if (name == profile_name) return profile;
  }
  return Profile::kDefault;  // unreachable: CLI11 checks the name
}

std::string Show(double value) { return absl::StrFormat("%g", value); }
std::string Show(size_t value) { return absl::StrFormat("%d", value); }

// " (default X, wire Y, ...)" for an option whose default depends on the profile; the rates are
// used by the default and wire profiles only.
template <typename Field>
std::string PerProfile(Field GeneratorOptions::*field, bool all_profiles) {
  std::string out;
  for (const auto& [name, profile] : kProfiles) {
    if (!all_profiles && profile != Profile::kDefault && profile != Profile::kWire) continue;
    out += out.empty() ? " (" : ", ";
    out += absl::StrFormat("%s %s", name, Show(DefaultOptions(profile).*field));
  }
  return out + ")";
}

void AddFlags(CLI::App& app, Flags& f) {
  GeneratorOptions& g = f.given;
  const GeneratorOptions d = DefaultOptions(Profile::kDefault);
  const GeneratorOptions w = DefaultOptions(Profile::kWire);
  app.add_option("--docs", f.docs, "Documents to write")->required();
  app.add_option("--seed", g.seed, "Seed: the same arguments give the same bytes")
      ->default_val(d.seed);
  app.add_option("--out", f.out, "JSONL output (written to FILE.tmp, then renamed)")->required();
  app.add_option("--truth", f.truth, "Also write id<TAB>kind<TAB>original-or-dash per document");
  app.add_option("--passage-truth", f.passage_truth,
                 "Also write the lines that repeat an earlier document (wire profile)");
  app.add_option("--profile", f.profile,
                 "default: varied sentences, few repeats; wire: news reusing paragraphs, "
                 "boilerplate and wire stories; near-identical: one article edited in each "
                 "document; record: documents of --doc-bytes")
      ->check(CLI::IsMember({"default", "wire", "near-identical", "record"}))
      ->capture_default_str();
  app.add_option("--lang", f.lang, "en: Debian package descriptions; id: the seed articles")
      ->check(CLI::IsMember({"en", "id"}))
      ->capture_default_str();
  app.add_option("--base", f.base,
                 "Base text: JSONL with a text field (en, default "
                 "bench/data/debian-descriptions.jsonl) or a directory of .txt (id, default "
                 "corpus/seeds)");
  app.add_option("--doc-bytes", g.doc_bytes,
                 "Mean bytes of an article (uniform in 2/3 to 4/3 of it; exact for "
                 "near-identical and record)" + PerProfile(&GeneratorOptions::doc_bytes, true));
  app.add_option("--sources", g.sources,
                 "Sources (site-NN), each with its boilerplate" +
                     PerProfile(&GeneratorOptions::sources, true));
  app.add_option("--exact-rate", g.exact_rate,
                 "Share of exact copies" + PerProfile(&GeneratorOptions::exact_rate, false));
  app.add_option("--near-rate", g.near_rate,
                 "Share of near copies (1-3% of words edited)" +
                     PerProfile(&GeneratorOptions::near_rate, false));
  app.add_option("--pasted-rate", g.pasted_rate, "Share of originals with a paragraph pasted twice")
      ->default_val(d.pasted_rate);
  app.add_option("--boilerplate-share", g.boilerplate_share,
                 "Share of a source's originals with its boilerplate lines" +
                     PerProfile(&GeneratorOptions::boilerplate_share, false));
  app.add_option("--wire-rate", g.wire_rate,
                 "wire: share of documents republishing a recent wire story on another site")
      ->default_val(w.wire_rate);
  app.add_option("--pool-paragraphs", g.pool_paragraphs,
                 "wire: paragraphs every article draws from (each recurs in about "
                 "docs * 8.5 / pool documents)")
      ->default_val(w.pool_paragraphs);
  app.add_option("--edits", g.edits, "near-identical: words substituted in each copy")
      ->default_val(w.edits);
  app.add_flag("-q,--quiet", f.quiet, "Print nothing but errors");
  app.set_version_flag("--version",
                       absl::StrFormat("neardup_gen_corpus format %d", kFormatVersion));
  app.footer("Exit codes: 0 written, 1 cannot write, 2 usage error or unreadable base text.");
}

// The profile's defaults, with every option given on the command line in their place.
GeneratorOptions ResolveOptions(const CLI::App& app, const Flags& f) {
  GeneratorOptions o = DefaultOptions(ProfileNamed(f.profile));
  const GeneratorOptions& g = f.given;
  const auto given = [&app](const char* name) { return app.count(name) > 0; };
  if (given("--seed")) o.seed = g.seed;
  if (given("--doc-bytes")) o.doc_bytes = g.doc_bytes;
  if (given("--sources")) o.sources = g.sources;
  if (given("--exact-rate")) o.exact_rate = g.exact_rate;
  if (given("--near-rate")) o.near_rate = g.near_rate;
  if (given("--pasted-rate")) o.pasted_rate = g.pasted_rate;
  if (given("--boilerplate-share")) o.boilerplate_share = g.boilerplate_share;
  if (given("--wire-rate")) o.wire_rate = g.wire_rate;
  if (given("--pool-paragraphs")) o.pool_paragraphs = g.pool_paragraphs;
  if (given("--edits")) o.edits = g.edits;
  return o;
}

struct Totals {
  size_t by_kind[kNumDocKinds] = {};
  double min_near_jaccard = 1;
  double max_wire_jaccard = 0;
  size_t repeats = 0;       // passage truth rows
  size_t near_repeats = 0;  // ... of edited paragraphs
};

// The corpus and, when their paths were given, the two truth files.
struct Outputs {
  OutputFile corpus, truth, passages;
  bool truth_open = false, passages_open = false;
};

void AppendRatio(double value, std::string& out) {
  if (value == 1) {
    out.push_back('1');
  } else {
    out.append(absl::StrFormat("%.4f", value));
  }
}

absl::Status WriteDocument(const GeneratedDoc& doc, const std::vector<std::string>& sources,
                           Outputs& out) {
  std::string& line = out.corpus.buffer();
  line.append("{\"id\": \"");
  AppendHex(doc.id, line);
  line.append("\", \"source\": \"").append(sources[doc.source]).append("\", \"text\": ");
  AppendJsonString(doc.text, line);
  line.append("}\n");
  if (absl::Status status = out.corpus.Flush(false); !status.ok()) return status;
  if (out.truth_open) {
    std::string& row = out.truth.buffer();
    AppendHex(doc.id, row);
    row.push_back('\t');
    row.append(KindName(doc.kind)).push_back('\t');
    const bool copy =
        doc.kind == DocKind::kExact || doc.kind == DocKind::kNear || doc.kind == DocKind::kWire;
    if (copy) {
      AppendHex(doc.copy_of, row);
    } else {
      row.push_back('-');
    }
    row.push_back('\n');
    if (absl::Status status = out.truth.Flush(false); !status.ok()) return status;
  }
  if (out.passages_open && !doc.repeats.empty()) {
    std::string& row = out.passages.buffer();
    for (const RepeatTruth& r : doc.repeats) {
      AppendHex(doc.id, row);
      row.append(absl::StrFormat("\t%d\t%d\t%d\t", r.line, r.start, r.end));
      AppendHex(r.copy_of, row);
      row.push_back('\t');
      AppendRatio(r.jaccard, row);
      row.push_back('\n');
    }
    if (absl::Status status = out.passages.Flush(false); !status.ok()) return status;
  }
  return absl::OkStatus();
}

// Writes every document, then commits the files that are open.
absl::Status WriteCorpus(DocumentGenerator& generator, size_t docs, Outputs& out,
                         Totals& totals) {
  const std::vector<std::string>& sources = generator.source_names();
  GeneratedDoc doc;
  for (size_t i = 0; i < docs; ++i) {
    generator.Next(doc);
    ++totals.by_kind[static_cast<int>(doc.kind)];
    if (doc.kind == DocKind::kNear) {
      totals.min_near_jaccard = std::min(totals.min_near_jaccard, doc.jaccard);
    }
    if (doc.kind == DocKind::kWire) {
      totals.max_wire_jaccard = std::max(totals.max_wire_jaccard, doc.jaccard);
    }
    totals.repeats += doc.repeats.size();
    for (const RepeatTruth& r : doc.repeats) totals.near_repeats += r.jaccard < 1 ? 1 : 0;
    if (absl::Status status = WriteDocument(doc, sources, out); !status.ok()) return status;
  }
  if (absl::Status status = out.corpus.Commit(); !status.ok()) return status;
  if (out.truth_open) {
    if (absl::Status status = out.truth.Commit(); !status.ok()) return status;
  }
  return out.passages_open ? out.passages.Commit() : absl::OkStatus();
}

// The generator of the profile; the wire profile's pool goes to `pool`, which must outlive it.
absl::StatusOr<std::unique_ptr<DocumentGenerator>> MakeGenerator(
    const TextBank& bank, const GeneratorOptions& options, std::optional<ParagraphPool>& pool) {
  switch (options.profile) {
    case Profile::kDefault:
      return std::make_unique<CorpusGenerator>(bank, options);
    case Profile::kWire: {
      absl::StatusOr<ParagraphPool> built =
          ParagraphPool::Build(bank, options.pool_paragraphs, options.seed);
      if (!built.ok()) return built.status();
      pool.emplace(*std::move(built));
      return std::make_unique<WireGenerator>(bank, *pool, options);
    }
    case Profile::kNearIdentical:
      return std::make_unique<NearIdenticalGenerator>(bank, options);
    case Profile::kRecord:
      return std::make_unique<RecordGenerator>(bank, options);
  }
  return absl::InternalError("unknown profile");
}

// The base text of --lang from --base, or from its default place in the source tree.
absl::StatusOr<TextBank> LoadBank(const Flags& f) {
  if (f.lang == "id") {
    return TextBank::FromArticles(f.base.empty() ? NEARDUP_SOURCE_DIR "/corpus/seeds" : f.base);
  }
  absl::StatusOr<TextBank> bank = TextBank::FromDescriptions(
      f.base.empty() ? NEARDUP_SOURCE_DIR "/bench/data/debian-descriptions.jsonl" : f.base);
  if (!bank.ok()) {
    return absl::Status(bank.status().code(),
                        absl::StrFormat("%s (scripts/fetch_base_text.sh fetches the base text)",
                                        bank.status().message()));
  }
  return bank;
}

void PrintSummary(const Flags& f, const TextBank& bank, const std::optional<ParagraphPool>& pool,
                  const Totals& totals, uint64_t bytes, double seconds) {
  const auto count = [&totals](DocKind kind) { return totals.by_kind[static_cast<int>(kind)]; };
  const double mb = static_cast<double>(bytes) / 1e6;
  std::string wire;
  if (pool.has_value()) {
    wire = absl::StrFormat(
        ", %d wire republications with J <= %.3f; %d lines repeat an earlier document (%d "
        "edited); pool of %d paragraphs (%d verbatim), %.0f bytes on average",
        count(DocKind::kWire), totals.max_wire_jaccard, totals.repeats, totals.near_repeats,
        pool->size(), pool->verbatim(),
        static_cast<double>(pool->total_bytes()) / static_cast<double>(pool->size()));
  }
  std::fprintf(stderr,
               "neardup: %zu documents, %.1f MB (%zu exact, %zu near with J >= %.3f, %zu pasted%s) "
               "from %zu sentences in %.2f s, %.0f MB/s -> %s\n",
               f.docs, mb, count(DocKind::kExact), count(DocKind::kNear), totals.min_near_jaccard,
               count(DocKind::kPasted), wire.c_str(), bank.num_sentences(), seconds, mb / seconds,
               f.out.c_str());
}

void PrintError(const absl::Status& status) {
  std::fprintf(stderr, "neardup: %s\n", std::string(status.message()).c_str());
}

int Run(int argc, char** argv) {
  CLI::App app("Writes the seeded JSONL corpus of the end-to-end benchmark, from real text.");
  Flags f;
  AddFlags(app, f);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : kExitUsage;  // --help and --version exit 0
  }
  f.generator = ResolveOptions(app, f);
  absl::Status valid = Validate(f.generator);
  if (valid.ok() && (f.docs == 0 || f.docs > UINT32_MAX)) {
    valid = absl::InvalidArgumentError("--docs must lie in [1, 4294967295]");
  }
  if (!valid.ok()) {
    PrintError(valid);
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();
  const absl::StatusOr<TextBank> bank = LoadBank(f);
  if (!bank.ok()) {
    PrintError(bank.status());
    return kExitUsage;
  }
  std::optional<ParagraphPool> pool;
  absl::StatusOr<std::unique_ptr<DocumentGenerator>> generator =
      MakeGenerator(*bank, f.generator, pool);
  if (!generator.ok()) {
    PrintError(generator.status());
    return kExitUsage;
  }
  Outputs out;
  Totals totals;
  absl::Status status = out.corpus.Open(f.out);
  out.truth_open = !f.truth.empty();
  out.passages_open = !f.passage_truth.empty();
  if (status.ok() && out.truth_open) status = out.truth.Open(f.truth);
  if (status.ok() && out.passages_open) status = out.passages.Open(f.passage_truth);
  if (status.ok()) status = WriteCorpus(**generator, f.docs, out, totals);
  if (!status.ok()) {
    PrintError(status);
    return kExitWrite;
  }
  if (!f.quiet) {
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    PrintSummary(f, *bank, pool, totals, out.corpus.bytes(), seconds.count());
  }
  return 0;
}

}  // namespace
}  // namespace neardup::bench

int main(int argc, char** argv) { return neardup::bench::Run(argc, argv); }
