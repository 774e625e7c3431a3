#include "neardup/shingle.h"

#include <algorithm>
#include <charconv>

#include "absl/strings/str_format.h"
#include "neardup/hash.h"

namespace neardup {
namespace {

// Starts of the units (words or UTF-8 characters), plus one past the end as a sentinel, so that
// k-gram i spans [starts[i], ends of unit i + k - 1).
void WordShingles(std::string_view text, size_t k, uint64_t seed, std::vector<uint64_t>& out) {
  // A ring of the last k word starts avoids a vector of all tokens.
  std::vector<size_t> ring(k);
  size_t count = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    ring[count % k] = pos;
    ++count;
    if (count >= k) {
      const size_t first = ring[(count - k) % k];
      out.push_back(Hash64(text.substr(first, end - first), seed));
    }
    pos = end + 1;
  }
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void CharShingles(std::string_view text, size_t k, uint64_t seed, std::vector<uint64_t>& out) {
  std::vector<size_t> ring(k + 1);
  size_t count = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && IsContinuationByte(text[i])) continue;
    ring[count % (k + 1)] = i;  // start of character `count`, or the end sentinel
    ++count;
    if (count > k) {
      const size_t first = ring[(count - 1 - k) % (k + 1)];
      out.push_back(Hash64(text.substr(first, i - first), seed));
    }
  }
}

}  // namespace

std::string ShingleSpec::ToString() const {
  return absl::StrFormat("%s:%d", kind == ShingleKind::kWord ? "word" : "char", k);
}

absl::StatusOr<ShingleSpec> ParseShingleSpec(std::string_view text) {
  const size_t colon = text.find(':');
  const std::string_view kind = text.substr(0, colon);
  ShingleSpec spec;
  if (colon == std::string_view::npos || (kind != "word" && kind != "char")) {
    return absl::InvalidArgumentError(
        absl::StrFormat("--shingle must be word:K or char:K, got '%s'", std::string(text)));
  }
  spec.kind = kind == "word" ? ShingleKind::kWord : ShingleKind::kChar;
  const std::string_view number = text.substr(colon + 1);
  const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), spec.k);
  if (ec != std::errc() || ptr != number.data() + number.size() || spec.k < 1 || spec.k > 64) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "--shingle K must be a whole number from 1 to 64, got '%s'", std::string(text)));
  }
  return spec;
}

std::vector<uint64_t> Shingles(std::string_view normalized, const ShingleSpec& spec, uint64_t seed) {
  std::vector<uint64_t> out;
  const auto k = static_cast<size_t>(spec.k);
  if (spec.kind == ShingleKind::kWord) {
    WordShingles(normalized, k, seed, out);
  } else {
    CharShingles(normalized, k, seed, out);
  }
  if (out.empty()) out.push_back(Hash64(normalized, seed));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t CountWords(std::string_view normalized) {
  if (normalized.empty()) return 0;
  return static_cast<size_t>(std::count(normalized.begin(), normalized.end(), ' ')) + 1;
}

}  // namespace neardup
