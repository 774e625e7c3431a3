#include "neardup/passages/passages.h"

#include <algorithm>
#include <string>

#include "neardup/base/hash.h"
#include "neardup/text/shingle.h"
#include "neardup/similarity/verify.h"

namespace neardup {
namespace {

constexpr uint64_t kOpeningSeed = 0x6f70656e696e67ULL;  // "opening"

std::string_view NormalizedWords(const TokenizedText& tokens, size_t first, size_t count) {
  return std::string_view(tokens.text)
      .substr(tokens.tokens[first].norm_begin, tokens.tokens[first + count - 1].norm_end - tokens.tokens[first].norm_begin);
}

// Whether text[start, end) ends like a sentence, with a terminator and any closing quotes. A line
// is a template candidate whatever its ending; a sentence inside a line only when it ends like a
// title ("Baca Juga: Judul berita lain" glued after a paragraph), since prose sentences that share
// their first two words ("This package ...", "Menurut dia, ...") are everywhere.
bool EndsSentence(std::string_view text, size_t start, size_t end) {
  while (end > start) {
    const char c = text[end - 1];
    if (c == '.' || c == '!' || c == '?') return true;
    const bool closer = c == '"' || c == '\'' || c == ')' || c == ']' || static_cast<unsigned char>(c) >= 0x80;
    if (!closer) return false;
    --end;
  }
  return false;
}

}  // namespace

double PassageSimilarity(std::span<const uint32_t> a, std::span<const uint32_t> b, double threshold) {
  const double small = static_cast<double>(std::min(a.size(), b.size()));
  const double large = static_cast<double>(std::max(a.size(), b.size()));
  if (small < threshold * large - 1e-9) return 0.0;  // sizes alone rule this pair out
  return JaccardAtLeast(a, b, threshold);
}

template <typename Visit>
void PassageSketcher::ForEachPassage(const TokenizedText& tokens, Visit visit) {
  size_t token = 0;
  for (size_t i = 0; i < spans_.size(); ++i) {
    const Passage& span = spans_[i];
    while (token < tokens.tokens.size() && tokens.tokens[token].begin < span.start) ++token;
    const size_t first = token;
    while (token < tokens.tokens.size() && tokens.tokens[token].begin < span.end) ++token;
    visit(i, span, first, token - first);
  }
}

uint64_t PassageSketcher::Opening(const TokenizedText& tokens, size_t first, size_t words) const {
  if (options_.opening_words == 0 || words < options_.opening_words || words > options_.opening_max_words) return 0;
  const uint64_t h = Hash64(NormalizedWords(tokens, first, options_.opening_words), options_.seed ^ kOpeningSeed);
  return h == 0 ? 1 : h;  // 0 means "no opening"
}

// The sentences of passage `p` (whose tokens start at `first_token`), when it has more than one.
void PassageSketcher::AddPieces(std::string_view text, const TokenizedText& tokens, size_t first_token,
                                PassageSketch& p, DocPassages& out) {
  sentences_.clear();
  SplitSentences(text, p.span.start, p.span.end, sentences_);
  if (sentences_.size() < 2) return;
  p.first_piece = static_cast<uint32_t>(out.pieces.size());
  size_t token = first_token;
  uint32_t line = p.line;
  size_t counted = p.span.start;
  // Only a paragraph has line breaks inside a passage.
  const bool lines = options_.segment.mode == PassageMode::kParagraph;
  for (const Sentence& s : sentences_) {
    while (token < tokens.tokens.size() && tokens.tokens[token].begin < s.start) ++token;
    const size_t first = token;
    while (token < tokens.tokens.size() && tokens.tokens[token].begin < s.end) ++token;
    PieceSketch piece;
    piece.start = s.start;
    piece.end = s.end;
    piece.words = static_cast<uint32_t>(token - first);
    if (lines) line += static_cast<uint32_t>(std::count(text.data() + counted, text.data() + s.start, '\n'));
    counted = s.start;
    piece.line = line;
    if (piece.words > 0) {
      piece.fingerprint = Hash64(NormalizedWords(tokens, first, piece.words), options_.seed);
      if (!EndsSentence(text, s.start, s.end)) piece.opening = Opening(tokens, first, piece.words);
    }
    out.pieces.push_back(piece);
  }
  p.pieces = static_cast<uint32_t>(sentences_.size());
}

void PassageSketcher::Sketch(std::string_view text, const TokenizedText& tokens,
                             std::span<const uint64_t> word_hashes, std::span<const uint32_t> grams,
                             DocPassages& out) {
  SegmentInto(text, options_.segment, spans_);
  out.passages.assign(spans_.size(), PassageSketch{});
  out.pieces.clear();
  out.shingles.clear();
  out.band_keys.clear();
  out.sketches.clear();
  const auto k = static_cast<size_t>(options_.shingle_words);
  uint32_t line = 1;
  size_t counted = 0;
  ForEachPassage(tokens, [&](size_t i, const Passage& span, size_t first, size_t words) {
    PassageSketch& p = out.passages[i];
    p.span = span;
    line += static_cast<uint32_t>(std::count(text.data() + counted, text.data() + p.span.start, '\n'));
    counted = p.span.start;
    p.line = line;
    p.words = static_cast<uint32_t>(words);
    if (p.words == 0) return;
    p.fingerprint = Hash64(NormalizedWords(tokens, first, p.words), options_.seed);
    const bool whole_line = p.span.block_first && p.span.block_last;
    if (whole_line || !EndsSentence(text, p.span.start, p.span.end)) p.opening = Opening(tokens, first, p.words);
    AddPieces(text, tokens, first, p, out);
    if (p.words >= options_.near_min_words) {
      p.shingle_begin = static_cast<uint32_t>(out.shingles.size());
      if (grams.size() + k - 1 == word_hashes.size()) {
        out.shingles.insert(out.shingles.end(), grams.begin() + static_cast<std::ptrdiff_t>(first),
                            grams.begin() + static_cast<std::ptrdiff_t>(first + words - k + 1));
      } else {
        AppendWordShingles(word_hashes.subspan(first, words), k, out.shingles);
      }
      p.shingle_end = static_cast<uint32_t>(out.shingles.size());
    }
  });
}

void PassageSketcher::Sets(std::string_view text, const TokenizedText& tokens, std::span<const uint64_t> word_hashes,
                           std::span<const uint32_t> wanted, std::vector<std::vector<uint32_t>>& out) {
  SegmentInto(text, options_.segment, spans_);
  out.assign(wanted.size(), {});
  size_t next = 0;
  ForEachPassage(tokens, [&](size_t i, const Passage&, size_t first, size_t words) {
    if (next == wanted.size() || wanted[next] != i) return;
    std::vector<uint32_t>& set = out[next++];
    if (words < options_.near_min_words) return;
    AppendWordShingles(word_hashes.subspan(first, words), static_cast<size_t>(options_.shingle_words), set);
    MakeSet(set);
  });
}

std::vector<uint32_t> DocPassages::SetOf(const PassageSketch& p) const {
  const std::span<const uint32_t> range = ShinglesOf(p);
  std::vector<uint32_t> set(range.begin(), range.end());
  MakeSet(set);
  return set;
}

void DocUnits(std::span<const PassageSketch> passages, std::span<const PieceSketch> pieces, std::vector<Unit>& out) {
  out.clear();
  for (uint32_t i = 0; i < passages.size(); ++i) {
    const PassageSketch& p = passages[i];
    if (p.pieces == 0) {
      out.push_back({p.span.start, p.span.end, p.words, p.line, i, p.span.block_end, p.fingerprint, p.opening});
      continue;
    }
    for (uint32_t k = p.first_piece; k < p.first_piece + p.pieces; ++k) {
      const PieceSketch& s = pieces[k];
      out.push_back({s.start, s.end, s.words, s.line, i, p.span.block_end, s.fingerprint, s.opening});
    }
  }
}

DocPassages SketchPassages(std::string_view text, const PassageOptions& options) {
  TokenizedText tokens;
  Tokenize(text, tokens);
  std::vector<uint64_t> words;
  HashTokens(tokens, options.seed, words);
  DocPassages out;
  PassageSketcher(options).Sketch(text, tokens, words, {}, out);
  return out;
}

}  // namespace neardup
