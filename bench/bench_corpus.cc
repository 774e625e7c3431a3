#include "bench_corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "absl/strings/str_format.h"
#include "neardup/base/hash.h"

namespace neardup::bench {
namespace {

// SplitMix64 and nothing else: its output is fixed by its definition, unlike <random>'s
// distributions, whose algorithms differ between standard libraries.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next() { return SplitMix64(state_); }
  // Uniform in [0, n); n > 0. The modulo bias is below 2^-40 for the sizes used here.
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  // Uniform in [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Splits one line into sentences at ". ", without their final period.
void AppendSentences(std::string_view line, std::vector<std::string>& out,
                     std::unordered_set<std::string>& seen) {
  while (!line.empty()) {
    const size_t end = line.find(". ");
    std::string_view piece = Trim(line.substr(0, end));
    line = end == std::string_view::npos ? std::string_view() : line.substr(end + 2);
    while (!piece.empty() && piece.back() == '.') piece.remove_suffix(1);
    piece = Trim(piece);
    // Real articles repeat lines (photo captions); the pool keeps one copy so that the only
    // repeats in a document are the ones the generator puts there on purpose.
    if (!piece.empty() && seen.emplace(piece).second) out.emplace_back(piece);
  }
}

absl::StatusOr<std::vector<std::filesystem::path>> SeedFiles(const std::string& dir) {
  std::error_code error;
  std::filesystem::directory_iterator it(dir, error);
  if (error) return absl::NotFoundError(absl::StrFormat("%s: %s", dir, error.message()));
  std::vector<std::filesystem::path> files;
  for (; it != std::filesystem::directory_iterator(); it.increment(error)) {
    if (error) return absl::UnknownError(absl::StrFormat("%s: %s", dir, error.message()));
    if (it->path().extension() == ".txt") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());  // directory order is not portable
  return files;
}

bool IsPunct(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' ||
         c == '\'' || c == '!' || c == '?';
}

// The distinct bare words of the sentences (no surrounding punctuation), in first-seen order.
std::vector<std::string> Vocabulary(const std::vector<std::string>& sentences) {
  std::vector<std::string> words;
  std::unordered_set<std::string> seen;
  for (const std::string& sentence : sentences) {
    std::istringstream in(sentence);
    std::string token;
    while (in >> token) {
      if (std::any_of(token.begin(), token.end(), IsPunct)) continue;
      if (seen.insert(token).second) words.push_back(token);
    }
  }
  return words;
}

class Generator {
 public:
  Generator(std::vector<std::string> sentences, uint64_t seed, const CorpusOptions& options)
      : sentences_(std::move(sentences)),
        vocabulary_(Vocabulary(sentences_)),
        options_(options),
        rng_(seed),
        order_(sentences_.size()) {
    for (size_t i = 0; i < order_.size(); ++i) order_[i] = i;
  }

  SyntheticCorpus Generate(size_t num_docs);

 private:
  std::vector<std::string> OriginalParagraphs();
  std::string NearCopy(const std::string& text);
  std::string RepeatParagraph(std::vector<std::string> paragraphs);
  // Index of an earlier original, uniformly.
  size_t PickOriginal() { return originals_[rng_.Below(originals_.size())]; }

  const std::vector<std::string> sentences_;
  const std::vector<std::string> vocabulary_;
  const CorpusOptions options_;
  Rng rng_;
  std::vector<size_t> order_;       // sentence indices, partially reshuffled per document
  std::vector<size_t> originals_;   // indices of documents with copy_of == -1
};

// Paragraphs of one to four sentences, drawn without replacement until the pool runs out (only
// documents longer than the whole seed text reuse a sentence), until doc_bytes is reached.
std::vector<std::string> Generator::OriginalParagraphs() {
  std::vector<std::string> paragraphs;
  size_t bytes = 0;
  size_t drawn = 0;
  while (bytes < options_.doc_bytes) {
    const size_t count = 1 + rng_.Below(4);
    std::string paragraph;
    for (size_t s = 0; s < count; ++s) {
      if (drawn == order_.size()) drawn = 0;
      std::swap(order_[drawn], order_[drawn + rng_.Below(order_.size() - drawn)]);
      if (s > 0) paragraph += ". ";
      paragraph += sentences_[order_[drawn++]];
    }
    paragraph += ".\n";
    bytes += paragraph.size();
    paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

// Swaps each word, with probability near_word_rate, for another real word; punctuation around
// the word and all spacing stay, so only the words differ from the source.
std::string Generator::NearCopy(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\n') {
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
    size_t lo = i, hi = end;
    while (lo < hi && IsPunct(text[lo])) ++lo;
    while (hi > lo && IsPunct(text[hi - 1])) --hi;
    const std::string_view word(text.data() + lo, hi - lo);
    out.append(text, i, lo - i);
    if (!word.empty() && !vocabulary_.empty() && rng_.Uniform() < options_.near_word_rate) {
      // One redraw makes an unchanged "substitution" rare without a loop that might not end.
      std::string_view other = vocabulary_[rng_.Below(vocabulary_.size())];
      if (other == word) other = vocabulary_[rng_.Below(vocabulary_.size())];
      out += other;
    } else {
      out += word;
    }
    out.append(text, hi, end - hi);
    i = end;
  }
  return out;
}

// Pastes one paragraph a second time, somewhere after its first occurrence.
std::string Generator::RepeatParagraph(std::vector<std::string> paragraphs) {
  const size_t from = rng_.Below(paragraphs.size());
  const size_t to = from + 1 + rng_.Below(paragraphs.size() - from);
  paragraphs.insert(paragraphs.begin() + static_cast<std::ptrdiff_t>(to), paragraphs[from]);
  std::string text;
  for (const std::string& p : paragraphs) text += p;
  return text;
}

SyntheticCorpus Generator::Generate(size_t num_docs) {
  SyntheticCorpus corpus;
  corpus.documents.reserve(num_docs);
  const double exact = options_.exact_copy_rate;
  const double near = exact + options_.near_copy_rate;
  const double repeat = near + options_.repeat_paragraph_rate;
  for (size_t i = 0; i < num_docs; ++i) {
    const double u = rng_.Uniform();
    int64_t source = -1;
    DocKind kind = DocKind::kOriginal;
    std::string text;
    if (!originals_.empty() && u < near) {
      source = static_cast<int64_t>(PickOriginal());
      const std::string& source_text = corpus.documents[static_cast<size_t>(source)].text;
      kind = u < exact ? DocKind::kExactCopy : DocKind::kNearCopy;
      text = kind == DocKind::kExactCopy ? source_text : NearCopy(source_text);
    } else if (!originals_.empty() && u < repeat) {
      kind = DocKind::kRepeatedParagraph;
      text = RepeatParagraph(OriginalParagraphs());
    } else {
      for (const std::string& p : OriginalParagraphs()) text += p;
    }
    if (source < 0) originals_.push_back(i);
    const std::string id = absl::StrFormat("doc-%06d", i);
    Document doc;
    doc.id = id;
    doc.text = std::move(text);
    doc.location = "synthetic:" + id;
    doc.source = "synthetic";
    corpus.documents.push_back(std::move(doc));
    corpus.copy_of.push_back(source);
    corpus.kinds.push_back(kind);
  }
  return corpus;
}

absl::Status ValidateOptions(const CorpusOptions& o) {
  const double rates[] = {o.exact_copy_rate, o.near_copy_rate, o.near_word_rate,
                          o.repeat_paragraph_rate};
  for (double r : rates) {
    if (!(r >= 0.0 && r <= 1.0)) return absl::InvalidArgumentError("a rate is outside [0, 1]");
  }
  if (o.exact_copy_rate + o.near_copy_rate + o.repeat_paragraph_rate > 1.0) {
    return absl::InvalidArgumentError("copy and repeat rates add up to more than 1");
  }
  if (o.doc_bytes == 0) return absl::InvalidArgumentError("doc_bytes must be positive");
  return absl::OkStatus();
}

}  // namespace

size_t SyntheticCorpus::total_bytes() const {
  size_t bytes = 0;
  for (const Document& d : documents) bytes += d.text.size();
  return bytes;
}

absl::StatusOr<std::vector<std::string>> LoadSeedSentences(const std::string& dir) {
  const absl::StatusOr<std::vector<std::filesystem::path>> files = SeedFiles(dir);
  if (!files.ok()) return files.status();
  std::vector<std::string> sentences;
  std::unordered_set<std::string> seen;
  for (const std::filesystem::path& path : *files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return absl::NotFoundError(absl::StrFormat("%s: cannot open", path.string()));
    std::string line;
    while (std::getline(in, line)) AppendSentences(line, sentences, seen);
    if (in.bad()) return absl::DataLossError(absl::StrFormat("%s: read error", path.string()));
  }
  if (sentences.empty()) {
    return absl::NotFoundError(absl::StrFormat("%s: no *.txt seed article with text", dir));
  }
  return sentences;
}

absl::StatusOr<SyntheticCorpus> GenerateCorpus(size_t num_docs, uint64_t seed,
                                               const CorpusOptions& options) {
  if (absl::Status status = ValidateOptions(options); !status.ok()) return status;
  const std::string dir =
      options.seed_dir.empty() ? std::string(NEARDUP_SOURCE_DIR) + "/corpus/seeds" : options.seed_dir;
  absl::StatusOr<std::vector<std::string>> sentences = LoadSeedSentences(dir);
  if (!sentences.ok()) return sentences.status();
  Generator generator(std::move(*sentences), seed, options);
  return generator.Generate(num_docs);
}

}  // namespace neardup::bench
