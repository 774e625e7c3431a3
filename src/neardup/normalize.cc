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

// Collects output and, when asked, the byte map. Separators are emitted lazily so that runs fold
// to one space and no space is left at either end.
class Sink {
 public:
  Sink(std::string& text, std::vector<uint32_t>* source) : text_(text), source_(source) {}

  void Separator(uint32_t at) {
    if (!pending_) space_at_ = at;
    pending_ = true;
  }
  void Word(const char* bytes, size_t n, uint32_t at) {
    if (pending_ && !text_.empty()) Put(' ', space_at_);
    pending_ = false;
    for (size_t i = 0; i < n; ++i) Put(bytes[i], at);
  }
  void Finish(uint32_t original_size) {
    if (source_ != nullptr) source_->push_back(original_size);
  }

 private:
  void Put(char c, uint32_t at) {
    text_.push_back(c);
    if (source_ != nullptr) source_->push_back(at);
  }
  std::string& text_;
  std::vector<uint32_t>* source_;
  bool pending_ = false;
  uint32_t space_at_ = 0;
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
  void Emit(std::string_view in, size_t i, size_t n, Sink& sink) {
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(in.data() + i);
    const auto at = static_cast<uint32_t>(i);
    utf8proc_ssize_t count = utf8proc_decompose(p, static_cast<utf8proc_ssize_t>(n), buffer_.data(),
                                                static_cast<utf8proc_ssize_t>(buffer_.size()), kOptions);
    if (count > static_cast<utf8proc_ssize_t>(buffer_.size())) {
      buffer_.resize(static_cast<size_t>(count));
      count = utf8proc_decompose(p, static_cast<utf8proc_ssize_t>(n), buffer_.data(),
                                 static_cast<utf8proc_ssize_t>(buffer_.size()), kOptions);
    }
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
      sink.Word(reinterpret_cast<const char*>(bytes.data()), static_cast<size_t>(len), at);
    }
    if (alone) sink.Separator(at);
  }

 private:
  std::vector<utf8proc_int32_t> buffer_ = std::vector<utf8proc_int32_t>(64);
};

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

void NormalizeInto(std::string_view in, Sink& sink) {
  ClusterNormalizer slow;
  size_t i = 0;
  while (i < in.size()) {
    const auto c = static_cast<unsigned char>(in[i]);
    // ASCII is handled without utf8proc unless a combining mark may follow it.
    const bool next_ascii = i + 1 == in.size() || static_cast<unsigned char>(in[i + 1]) < 0x80;
    if (c < 0x80 && next_ascii) {
      if (IsAsciiAlnum(c)) {
        const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        sink.Word(&lower, 1, static_cast<uint32_t>(i));
      } else {
        sink.Separator(static_cast<uint32_t>(i));
      }
      ++i;
      continue;
    }
    const size_t n = ClusterLength(in, i);
    if (n == 0) {  // invalid UTF-8: keep the byte itself so the text is still compared
      sink.Word(in.data() + i, 1, static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    slow.Emit(in, i, n, sink);
    i += n;
  }
  sink.Finish(static_cast<uint32_t>(in.size()));
}

}  // namespace

std::string Normalize(std::string_view original) {
  std::string text;
  text.reserve(original.size());
  Sink sink(text, nullptr);
  NormalizeInto(original, sink);
  return text;
}

NormalizedText NormalizeWithMap(std::string_view original) {
  NormalizedText out;
  out.text.reserve(original.size());
  out.source.reserve(original.size() + 1);
  Sink sink(out.text, &out.source);
  NormalizeInto(original, sink);
  return out;
}

}  // namespace neardup
