#include "gen_corpus_doc.h"

#include <array>

#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"

namespace neardup::bench {
namespace {

// Lines of the kind news and blog templates put under every article; "{site}" becomes the name.
constexpr std::array<std::string_view, 16> kBoilerplate = {
    "SHARE",
    "Scroll to Top",
    "tulis komentar anda",
    "Back to top",
    "Share this article:",
    "Comments are closed.",
    "Advertisement",
    "Related posts",
    "Print this page",
    "Ikuti kami di Instagram dan TikTok",
    "Baca berita menarik lainnya dari {site} di Google News",
    "Follow {site} on Twitter, Facebook and Instagram",
    "Copyright © 2024 {site}. All rights reserved.",
    "Sign up for the {site} newsletter and get the week's best stories",
    "Dapatkan update berita pilihan dan breaking news setiap hari dari {site}",
    "The views expressed in the comments are those of the readers, not of {site}.",
};

// Inserts a copy of one body line (not the headline) before a later line, or at the end.
void PasteParagraph(Rng& rng, std::string& text) {
  std::vector<size_t> starts;  // start of each line, then text.size()
  for (size_t at = 0; at < text.size(); at = text.find('\n', at) + 1) starts.push_back(at);
  starts.push_back(text.size());
  const size_t lines = starts.size() - 1;
  if (lines < 2) return;
  const size_t line = 1 + rng.Below(lines - 1);
  const size_t before = line + 1 + rng.Below(lines - line);  // in [line + 1, lines]
  const std::string copy = text.substr(starts[line], starts[line + 1] - starts[line]);
  text.insert(starts[before], copy);
}

}  // namespace

GeneratorOptions DefaultOptions(Profile profile) {
  GeneratorOptions o;
  o.profile = profile;
  switch (profile) {
    case Profile::kDefault:
      break;
    case Profile::kWire:
      o.doc_bytes = 3050;  // about 3.3 KB a line of JSONL
      o.sources = 40;
      o.exact_rate = 0.10;
      o.near_rate = 0.10;
      o.boilerplate_share = 0.85;
      break;
    case Profile::kNearIdentical:
      o.doc_bytes = 3300;
      o.sources = 1;
      break;
    case Profile::kRecord:
      o.doc_bytes = 50'000'000;
      o.sources = 1;
      break;
  }
  return o;
}

absl::Status Validate(const GeneratorOptions& o) {
  const auto rate = [](double r) { return r >= 0 && r <= 1; };
  if (!rate(o.exact_rate) || !rate(o.near_rate) || !rate(o.pasted_rate) ||
      !rate(o.boilerplate_share) || !rate(o.near_min_jaccard) || !rate(o.wire_rate)) {
    return absl::InvalidArgumentError("rates and shares must lie in [0, 1]");
  }
  const double wire = o.profile == Profile::kWire ? o.wire_rate : 0;
  if (o.exact_rate + o.near_rate + o.pasted_rate + wire > 1) {
    return absl::InvalidArgumentError(
        "exact, near, pasted (and wire) rates must add up to at most 1");
  }
  const size_t max_bytes = o.profile == Profile::kRecord ? 2'000'000'000 : 10'000'000;
  if (o.doc_bytes < 100 || o.doc_bytes > max_bytes) {
    return absl::InvalidArgumentError(
        absl::StrFormat("--doc-bytes must lie in [100, %d]", max_bytes));
  }
  if (o.sources < 1 || o.sources > 10'000) {
    return absl::InvalidArgumentError("--sources must lie in [1, 10000]");
  }
  if (o.pool_paragraphs < 100 || o.pool_paragraphs > 10'000'000) {
    return absl::InvalidArgumentError("--pool-paragraphs must lie in [100, 10000000]");
  }
  if (o.edits < 1 || o.edits > 1000) {
    return absl::InvalidArgumentError("--edits must lie in [1, 1000]");
  }
  return absl::OkStatus();
}

std::string_view KindName(DocKind kind) {
  switch (kind) {
    case DocKind::kOriginal: return "original";
    case DocKind::kExact: return "exact";
    case DocKind::kNear: return "near";
    case DocKind::kPasted: return "pasted";
    case DocKind::kWire: return "wire";
  }
  return "?";
}

CorpusGenerator::CorpusGenerator(const TextBank& bank, const GeneratorOptions& options)
    : bank_(bank), options_(options), copier_(bank) {
  for (size_t s = 0; s < options_.sources; ++s) {
    source_names_.push_back(absl::StrFormat("site-%02d", s + 1));
    Rng rng(DeriveSeed(options_.seed, Stream::kSites, s));
    const size_t first = rng.Below(kBoilerplate.size());
    std::vector<std::string> lines = {std::string(kBoilerplate[first])};
    if (rng.Below(2) == 1) {
      const size_t second = (first + 1 + rng.Below(kBoilerplate.size() - 1)) % kBoilerplate.size();
      lines.emplace_back(kBoilerplate[second]);
    }
    for (std::string& line : lines) {
      line = absl::StrReplaceAll(line, {{"{site}", source_names_.back()}});
    }
    boilerplate_.push_back(std::move(lines));
  }
}

DocKind CorpusGenerator::KindOf(uint64_t index) const {
  if (index == 0) return DocKind::kOriginal;  // copies need an earlier original
  Rng rng(DeriveSeed(options_.seed, Stream::kKind, index));
  double u = rng.Unit();
  if ((u -= options_.exact_rate) < 0) return DocKind::kExact;
  if ((u -= options_.near_rate) < 0) return DocKind::kNear;
  if ((u -= options_.pasted_rate) < 0) return DocKind::kPasted;
  return DocKind::kOriginal;
}

size_t CorpusGenerator::SourceOf(uint64_t index) const {
  Rng rng(DeriveSeed(options_.seed, Stream::kSource, index));
  return rng.Below(options_.sources);
}

void WriteHeadlineLine(const TextBank& bank, Rng& rng, std::string& out) {
  // Two short descriptions make a headline. One alone would be drawn ~15 times in a million
  // documents, and with one word swapped those headlines stay near duplicates of each other (the
  // engine's cross-document rule found them); pairs are unique.
  bank.WriteHeadline(rng.Below(bank.num_headlines()), rng, out);
  out.append(": ");
  bank.WriteHeadline(rng.Below(bank.num_headlines()), rng, out);
  out.push_back('\n');
}

void WriteParagraphLines(const TextBank& bank, size_t target_size, Rng& rng, std::string& out) {
  constexpr size_t kLineBytes = 600;
  do {
    const size_t line_start = out.size();
    const size_t sentences = 2 + rng.Below(5);
    for (size_t s = 0; s < sentences; ++s) {
      if (s > 0) out.push_back(' ');
      bank.WriteSentence(rng.Below(bank.num_sentences()), rng, out);
      if (s >= 1 && (out.size() >= target_size || out.size() - line_start >= kLineBytes)) break;
    }
    out.push_back('\n');
  } while (out.size() < target_size);
}

size_t CorpusGenerator::WriteOriginal(uint64_t index, std::string& out) const {
  Rng rng(DeriveSeed(options_.seed, Stream::kText, index));
  const size_t base = out.size();
  const size_t spread = options_.doc_bytes * 2 / 3;
  const size_t target = base + options_.doc_bytes - spread / 2 + rng.Below(spread + 1);
  WriteHeadlineLine(bank_, rng, out);
  WriteParagraphLines(bank_, target, rng, out);
  if (KindOf(index) == DocKind::kPasted) PasteParagraph(rng, out);
  const size_t body = out.size();
  if (rng.Unit() < options_.boilerplate_share) {
    for (const std::string& line : boilerplate_[SourceOf(index)]) {
      out.append(line);
      out.push_back('\n');
    }
  }
  return body;
}

void CorpusGenerator::Next(GeneratedDoc& doc) {
  const uint64_t index = next_++;
  doc.id = DocumentId(options_.seed, index);
  doc.kind = originals_.empty() ? DocKind::kOriginal : KindOf(index);
  doc.jaccard = 1;
  doc.text.clear();
  doc.repeats.clear();
  if (doc.kind == DocKind::kOriginal || doc.kind == DocKind::kPasted) {
    doc.source = SourceOf(index);
    WriteOriginal(index, doc.text);
    originals_.push_back(static_cast<uint32_t>(index));
    return;
  }
  Rng rng(DeriveSeed(options_.seed, Stream::kTarget, index));
  const uint64_t original = originals_[rng.Below(originals_.size())];
  doc.copy_of = DocumentId(options_.seed, original);
  doc.source = SourceOf(original);
  if (doc.kind == DocKind::kExact) {
    WriteOriginal(original, doc.text);
    return;
  }
  scratch_.clear();
  const size_t body = WriteOriginal(original, scratch_);
  Rng edit(DeriveSeed(options_.seed, Stream::kEdit, index));
  const double rate = 0.01 + 0.02 * edit.Unit();
  doc.jaccard = copier_.Copy(scratch_, 0, body, rate, options_.near_min_jaccard, edit, doc.text);
}

}  // namespace neardup::bench
