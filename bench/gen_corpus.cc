// neardup_gen_corpus: writes the seeded JSONL corpus of the end-to-end benchmark (scripts/bench.sh)
// and, on request, its truth. See gen_corpus_doc.h for what a corpus holds and gen_corpus_text.h
// for where its text comes from.
//
//   neardup_gen_corpus --docs N --seed S --out FILE.jsonl [--truth FILE.tsv] [--base PATH]
//                      [--lang en|id] [--doc-bytes 3000] [--sources 50] [--exact-rate 0.05] ...
//
// Output line: {"id": "<16 hex digits>", "source": "site-NN", "text": "..."}. Truth line:
// id<TAB>kind<TAB>id of the original or "-", kind one of original, exact, near, pasted.
// The same arguments give the same bytes. Exit codes: 0 written, 1 cannot write, 2 usage or base.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "gen_corpus_doc.h"
#include "gen_corpus_out.h"
#include "gen_corpus_text.h"

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
  size_t docs = 0;
  bool quiet = false;
  GeneratorOptions generator;
};

void AppendHex(uint64_t value, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4) out.push_back(kHex[(value >> shift) & 15]);
}

void AddFlags(CLI::App& app, Flags& f) {
  GeneratorOptions& g = f.generator;
  app.add_option("--docs", f.docs, "Documents to write")->required();
  app.add_option("--seed", g.seed, "Seed: the same arguments give the same bytes")
      ->capture_default_str();
  app.add_option("--out", f.out, "JSONL output (written to FILE.tmp, then renamed)")->required();
  app.add_option("--truth", f.truth, "Also write id<TAB>kind<TAB>original-or-dash per document");
  app.add_option("--lang", f.lang, "en: Debian package descriptions; id: the seed articles")
      ->check(CLI::IsMember({"en", "id"}))
      ->capture_default_str();
  app.add_option("--base", f.base,
                 "Base text: JSONL with a text field (en, default "
                 "bench/data/debian-descriptions.jsonl) or a directory of .txt (id, default "
                 "corpus/seeds)");
  app.add_option("--doc-bytes", g.doc_bytes, "Mean bytes of an original (spread 2/3 to 4/3)")
      ->capture_default_str();
  app.add_option("--sources", g.sources, "Sources (site-NN), each with its boilerplate")
      ->capture_default_str();
  app.add_option("--exact-rate", g.exact_rate, "Share of exact copies")->capture_default_str();
  app.add_option("--near-rate", g.near_rate, "Share of near copies (1-3% of words edited)")
      ->capture_default_str();
  app.add_option("--pasted-rate", g.pasted_rate, "Share of originals with a paragraph pasted twice")
      ->capture_default_str();
  app.add_option("--boilerplate-share", g.boilerplate_share,
                 "Share of a source's originals that end in its boilerplate lines")
      ->capture_default_str();
  app.add_flag("-q,--quiet", f.quiet, "Print nothing but errors");
  app.set_version_flag("--version",
                       absl::StrFormat("neardup_gen_corpus format %d", kFormatVersion));
  app.footer("Exit codes: 0 written, 1 cannot write, 2 usage error or unreadable base text.");
}

struct Totals {
  size_t by_kind[4] = {};
  double min_near_jaccard = 1;
};

// Writes every document; the truth too when `truth` is open.
absl::Status WriteCorpus(const TextBank& bank, const Flags& f, OutputFile& out, OutputFile* truth,
                         Totals& totals) {
  CorpusGenerator generator(bank, f.generator);
  const std::vector<std::string>& sources = generator.source_names();
  GeneratedDoc doc;
  for (size_t i = 0; i < f.docs; ++i) {
    generator.Next(doc);
    ++totals.by_kind[static_cast<int>(doc.kind)];
    if (doc.kind == DocKind::kNear && doc.jaccard < totals.min_near_jaccard) {
      totals.min_near_jaccard = doc.jaccard;
    }
    std::string& line = out.buffer();
    line.append("{\"id\": \"");
    AppendHex(doc.id, line);
    line.append("\", \"source\": \"").append(sources[doc.source]).append("\", \"text\": ");
    AppendJsonString(doc.text, line);
    line.append("}\n");
    if (absl::Status status = out.Flush(false); !status.ok()) return status;
    if (truth == nullptr) continue;
    std::string& row = truth->buffer();
    AppendHex(doc.id, row);
    row.push_back('\t');
    row.append(KindName(doc.kind)).push_back('\t');
    const bool copy = doc.kind == DocKind::kExact || doc.kind == DocKind::kNear;
    if (copy) {
      AppendHex(doc.copy_of, row);
    } else {
      row.push_back('-');
    }
    row.push_back('\n');
    if (absl::Status status = truth->Flush(false); !status.ok()) return status;
  }
  if (absl::Status status = out.Commit(); !status.ok()) return status;
  return truth == nullptr ? absl::OkStatus() : truth->Commit();
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

void PrintSummary(const Flags& f, const TextBank& bank, const Totals& totals, uint64_t bytes,
                  double seconds) {
  const double mb = static_cast<double>(bytes) / 1e6;
  std::fprintf(stderr,
               "neardup: %zu documents, %.1f MB (%zu exact, %zu near with J >= %.3f, %zu pasted) "
               "from %zu sentences in %.2f s, %.0f MB/s -> %s\n",
               f.docs, mb, totals.by_kind[static_cast<int>(DocKind::kExact)],
               totals.by_kind[static_cast<int>(DocKind::kNear)], totals.min_near_jaccard,
               totals.by_kind[static_cast<int>(DocKind::kPasted)], bank.num_sentences(), seconds,
               mb / seconds, f.out.c_str());
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
  absl::Status valid = Validate(f.generator);
  if (valid.ok() && (f.docs == 0 || f.docs > UINT32_MAX)) {
    valid = absl::InvalidArgumentError("--docs must lie in [1, 4294967295]");
  }
  if (!valid.ok()) {
    std::fprintf(stderr, "neardup: %s\n", std::string(valid.message()).c_str());
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();
  const absl::StatusOr<TextBank> bank = LoadBank(f);
  if (!bank.ok()) {
    std::fprintf(stderr, "neardup: %s\n", std::string(bank.status().message()).c_str());
    return kExitUsage;
  }
  OutputFile out;
  OutputFile truth;
  Totals totals;
  absl::Status status = out.Open(f.out);
  if (status.ok() && !f.truth.empty()) status = truth.Open(f.truth);
  if (status.ok()) status = WriteCorpus(*bank, f, out, f.truth.empty() ? nullptr : &truth, totals);
  if (!status.ok()) {
    std::fprintf(stderr, "neardup: %s\n", std::string(status.message()).c_str());
    return kExitWrite;
  }
  if (!f.quiet) {
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    PrintSummary(f, *bank, totals, out.bytes(), seconds.count());
  }
  return 0;
}

}  // namespace
}  // namespace neardup::bench

int main(int argc, char** argv) { return neardup::bench::Run(argc, argv); }
