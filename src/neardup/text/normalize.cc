#include "neardup/text/normalize.h"

#include <utf8proc.h>

#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Writes through a raw pointer into a buffer sized up front: ASCII never grows the text, so only
// a cluster that normalization expands (a ligature, "ß") can need more room.
class TokenSink {
 public:
  TokenSink(TokenizedText& out, size_t input_size) : out_(out) {
    out_.text.resize(input_size + 16);
    buf_ = out_.text.data();
    out_.tokens.reserve(input_size / 2 + 1);
  }
  void Separator(uint32_t /*at*/) {
    if (in_word_) Close();
  }
  void Word(const char* bytes, size_t n, uint32_t at, uint32_t end) {
    if (out_.text.size() - len_ < n + 1) {
      out_.text.resize(2 * out_.text.size() + n);
      buf_ = out_.text.data();
    }
    if (!in_word_) {
      if (len_ > 0) buf_[len_++] = ' ';
      out_.tokens.push_back({static_cast<uint32_t>(len_), 0, at, 0});
      in_word_ = true;
    }
    std::memcpy(buf_ + len_, bytes, n);
    len_ += n;
    end_ = end;
  }
  void Finish(uint32_t /*size*/) {
    if (in_word_) Close();
    out_.text.resize(len_);
  }

  // Bytes [from, to) of the input, all ASCII with no combining mark possible after them: the hot
  // loop, 64 bytes at a time where it can, with the state in registers.
  void AsciiRun(const unsigned char* in, size_t from, size_t to) {
    if (out_.text.size() - len_ < to - from + 80) {
      out_.text.resize(out_.text.size() + (to - from) + 80);
      buf_ = out_.text.data();
    }
    size_t i = from;
#if defined(__SSE2__)
    for (; i + 64 <= to; i += 64) Chunk(in + i, i);
#endif
    for (; i < to; ++i) {
      const char folded = kAsciiFold[in[i]];
      if (folded != 0) {
        if (!in_word_) Open(i);
        buf_[len_++] = folded;
      } else if (in_word_) {
        Close(i);
      }
    }
    if (in_word_) end_ = static_cast<uint32_t>(to);
  }

 private:
  void Open(size_t at) {
    if (len_ > 0) buf_[len_++] = ' ';
    out_.tokens.push_back({static_cast<uint32_t>(len_), 0, static_cast<uint32_t>(at), 0});
    in_word_ = true;
  }
  void Close(size_t at) {
    Token& t = out_.tokens.back();
    t.norm_end = static_cast<uint32_t>(len_);
    t.end = static_cast<uint32_t>(at);
    in_word_ = false;
  }

#if defined(__SSE2__)
  // 64 ASCII bytes at input offset `at`: letters and digits found and folded 16 at a time, then
  // copied word by word. Needs 80 bytes of room in the output (a word copy may overrun by 16).
  void Chunk(const unsigned char* in, size_t at) {
    alignas(16) char folded[80];
    uint64_t mask = 0;
    for (int q = 0; q < 4; ++q) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + 16 * q));
      const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
      const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                          _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
      const __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                          _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
      const __m128i word = _mm_or_si128(digit, alpha);
      _mm_store_si128(reinterpret_cast<__m128i*>(folded + 16 * q),
                      _mm_or_si128(v, _mm_and_si128(alpha, _mm_set1_epi8(0x20))));
      mask |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(word))) << (16 * q);
    }
    if (in_word_ && (mask & 1) == 0) Close(at);
    while (mask != 0) {
      const int start = __builtin_ctzll(mask);
      const uint64_t rest = ~(mask >> start);
      const int stop = rest == 0 ? 64 : start + __builtin_ctzll(rest);
      if (!in_word_ || start > 0) {
        if (in_word_) Close(at);
        Open(at + static_cast<size_t>(start));
      }
      // A fixed-size copy of 16 bytes at a time: words are short, and overrun is harmless.
      char* dst = buf_ + len_ - start;
      for (int k = start; k < stop; k += 16) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + k),
                         _mm_loadu_si128(reinterpret_cast<const __m128i*>(folded + k)));
      }
      len_ += static_cast<size_t>(stop - start);
      if (stop == 64) break;
      Close(at + static_cast<size_t>(stop));
      mask &= ~uint64_t{0} << stop;
    }
  }
#endif

 private:
  void Close() { Close(end_); }
  TokenizedText& out_;
  char* buf_ = nullptr;
  size_t len_ = 0;
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

// The first index from `i` whose byte is not ASCII, or n.
size_t AsciiEnd(const unsigned char* p, size_t i, size_t n) {
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const int high = _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)));
    if (high != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(high)));
  }
#endif
  while (i < n && p[i] < 0x80) ++i;
  return i;
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
  out.tokens.clear();
  TokenSink sink(out, original.size());
  ClusterNormalizer slow;
  const auto* p = reinterpret_cast<const unsigned char*>(original.data());
  const size_t n = original.size();
  size_t i = 0;
  while (i < n) {
    // The ASCII run from i, less its last byte when a non-ASCII byte (maybe a combining mark)
    // follows it: that one goes through the cluster path below, as in NormalizeInto().
    const size_t end = AsciiEnd(p, i, n);
    const size_t fast = end < n && end > i ? end - 1 : end;
    sink.AsciiRun(p, i, fast);
    i = fast;
    if (i >= n) break;
    const size_t len = ClusterLength(original, i);
    if (len == 0) {  // invalid UTF-8: keep the byte itself
      sink.Word(original.data() + i, 1, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1));
      ++i;
      continue;
    }
    slow.Emit(original, i, len, sink);
    i += len;
  }
  sink.Finish(static_cast<uint32_t>(n));
}

}  // namespace neardup
