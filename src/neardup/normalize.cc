#include "neardup/normalize.h"

#include <utf8proc.h>

#include <array>

namespace neardup {
namespace {

bool IsNoSpaceScript(int32_t cp) {
  return (cp >= 0x0E00 && cp <= 0x0EFF) ||    // Thai, Lao
         (cp >= 0x1000 && cp <= 0x109F) ||    // Myanmar
         (cp >= 0x1780 && cp <= 0x17FF) ||    // Khmer
         (cp >= 0x3040 && cp <= 0x30FF) ||    // Hiragana, Katakana
         (cp >= 0x31F0 && cp <= 0x31FF) ||    // Katakana phonetic extensions
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // CJK compatibility ideographs
         (cp >= 0x20000 && cp <= 0x3134F);    // CJK extensions B-G
}

bool IsWordCategory(int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// ASCII letters and digits to their folded form; 0 for everything else (a separator).
constexpr std::array<char, 128> kAsciiFold = [] {
  std::array<char, 128> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c + ('a' - 'A'));
  return t;
}();

// The three outputs share one normalizer through these sinks. Separators are emitted lazily so
// that runs fold to one space and no space is left at either end. `at` is where the character's
// cluster starts in the original, `end` where it ends.
class TextSink {
 public:
  explicit TextSink(std::string& text) : text_(text) {}
  void Separator(uint32_t /*at*/) { pending_ = true; }
  void Word(const char* bytes, size_t n, uint32_t /*at*/, uint32_t /*end*/) {
    if (pending_ && !text_.empty()) text_.push_back(' ');
    pending_ = false;
    text_.append(bytes, n);
  }
  void Finish(uint32_t /*size*/) {}

 private:
  std::string& text_;
  bool pending_ = false;
};

class MapSink {
 public:
  explicit MapSink(NormalizedText& out) : out_(out) {}
  void Separator(uint32_t at) {
    if (!pending_) space_at_ = at;
    pending_ = true;
  }
  void Word(const char* bytes, size_t n, uint32_t at, uint32_t /*end*/) {
    if (pending_ && !out_.text.empty()) Put(' ', space_at_);
    pending_ = false;
    for (size_t i = 0; i < n; ++i) Put(bytes[i], at);
  }
  void Finish(uint32_t size) { out_.source.push_back(size); }

 private:
  void Put(char c, uint32_t at) {
    out_.text.push_back(c);
    out_.source.push_back(at);
  }
  NormalizedText& out_;
  bool pending_ = false;
  uint32_t space_at_ = 0;
};

class TokenSink {
 public:
  explicit TokenSink(TokenizedText& out) : out_(out) {}
  void Separator(uint32_t /*at*/) {
    if (in_word_) Close();
  }
  void Word(const char* bytes, size_t n, uint32_t at, uint32_t end) {
    if (!in_word_) {
      if (!out_.text.empty()) out_.text.push_back(' ');
      out_.tokens.push_back({static_cast<uint32_t>(out_.text.size()), 0, at, 0});
      in_word_ = true;
    }
    out_.text.append(bytes, n);
    end_ = end;
  }
  void Finish(uint32_t /*size*/) {
    if (in_word_) Close();
  }

 private:
  void Close() {
    Token& t = out_.tokens.back();
    t.norm_end = static_cast<uint32_t>(out_.text.size());
    t.end = end_;
    in_word_ = false;
  }
  TokenizedText& out_;
  bool in_word_ = false;
  uint32_t end_ = 0;
};

constexpr auto kOptions = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                         UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);

// Length of the extended grapheme cluster starting at `i`, or 0 if the byte there is not valid
// UTF-8. Composition never crosses a cluster boundary, so normalizing cluster by cluster equals
// normalizing the whole text while keeping a byte map at cluster granularity.
size_t ClusterLength(std::string_view in, size_t i) {
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(in.data());
  int32_t prev = 0;
  utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(in.size() - i), &prev);
  if (len <= 0) return 0;
  size_t end = i + static_cast<size_t>(len);
  utf8proc_int32_t state = 0;
  while (end < in.size()) {
    int32_t cp = 0;
    len = utf8proc_iterate(p + end, static_cast<utf8proc_ssize_t>(in.size() - end), &cp);
    if (len <= 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) break;
    prev = cp;
    end += static_cast<size_t>(len);
  }
  return end - i;
}

class ClusterNormalizer {
 public:
  // Emits the normalized form of in[i, i + n) into `sink`.
  template <class Sink>
  void Emit(std::string_view in, size_t i, size_t n, Sink& sink) {
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(in.data() + i);
    const auto at = static_cast<uint32_t>(i);
    const auto end = static_cast<uint32_t>(i + n);
    utf8proc_ssize_t count = Decompose(p, n);
    if (count > 0) count = utf8proc_normalize_utf32(buffer_.data(), count, kOptions);
    if (count <= 0) {
      sink.Separator(at);
      return;
    }
    const bool alone = IsNoSpaceScript(buffer_[0]);
    if (alone) sink.Separator(at);
    for (utf8proc_ssize_t k = 0; k < count; ++k) {
      if (!IsWordCategory(buffer_[k])) {
        sink.Separator(at);
        continue;
      }
      std::array<utf8proc_uint8_t, 4> bytes{};
      const utf8proc_ssize_t len = utf8proc_encode_char(buffer_[k], bytes.data());
      sink.Word(reinterpret_cast<const char*>(bytes.data()), static_cast<size_t>(len), at, end);
    }
    if (alone) sink.Separator(at);
  }

 private:
  utf8proc_ssize_t Decompose(const utf8proc_uint8_t* p, size_t n) {
    if (buffer_.empty()) buffer_.resize(64);
    utf8proc_ssize_t count = utf8proc_decompose(p, static_cast<utf8proc_ssize_t>(n), buffer_.data(),
                                                static_cast<utf8proc_ssize_t>(buffer_.size()), kOptions);
    if (count > static_cast<utf8proc_ssize_t>(buffer_.size())) {
      buffer_.resize(static_cast<size_t>(count));
      count = utf8proc_decompose(p, static_cast<utf8proc_ssize_t>(n), buffer_.data(),
                                 static_cast<utf8proc_ssize_t>(buffer_.size()), kOptions);
    }
    return count;
  }

  std::vector<utf8proc_int32_t> buffer_;  // allocated on the first non-ASCII cluster only
};

template <class Sink>
void NormalizeInto(std::string_view in, Sink& sink) {
  ClusterNormalizer slow;
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    // ASCII is handled without utf8proc unless a combining mark may follow it.
    if (c < 0x80 && (i + 1 == n || p[i + 1] < 0x80)) {
      const char folded = kAsciiFold[c];
      if (folded != 0) {
        sink.Word(&folded, 1, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1));
      } else {
        sink.Separator(static_cast<uint32_t>(i));
      }
      ++i;
      continue;
    }
    const size_t len = ClusterLength(in, i);
    if (len == 0) {  // invalid UTF-8: keep the byte itself so the text is still compared
      sink.Word(in.data() + i, 1, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1));
      ++i;
      continue;
    }
    slow.Emit(in, i, len, sink);
    i += len;
  }
  sink.Finish(static_cast<uint32_t>(n));
}

}  // namespace

std::string Normalize(std::string_view original) {
  std::string text;
  text.reserve(original.size());
  TextSink sink(text);
  NormalizeInto(original, sink);
  return text;
}

NormalizedText NormalizeWithMap(std::string_view original) {
  NormalizedText out;
  out.text.reserve(original.size());
  out.source.reserve(original.size() + 1);
  MapSink sink(out);
  NormalizeInto(original, sink);
  return out;
}

void Tokenize(std::string_view original, TokenizedText& out) {
  out.text.clear();
  out.tokens.clear();
  out.text.reserve(original.size());
  TokenSink sink(out);
  NormalizeInto(original, sink);
}

}  // namespace neardup
