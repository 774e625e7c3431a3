#include "neardup/store/index_record.h"

#include <cstring>

namespace neardup {
namespace {

void PutVarint(uint64_t v, std::string& out) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Reads a varint at `at`, advancing it; false when the bytes end first or it runs past 64 bits.
bool GetVarint(std::string_view in, size_t& at, uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (at >= in.size()) return false;
    const auto byte = static_cast<uint8_t>(in[at++]);
    v |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

bool GetString(std::string_view in, size_t& at, std::string& out) {
  uint64_t n = 0;
  if (!GetVarint(in, at, n) || n > in.size() - at) return false;
  out.assign(in.substr(at, n));
  at += n;
  return true;
}

absl::Status Damaged(std::string_view what) {
  return absl::DataLossError(std::string("damaged index record: ") + std::string(what));
}

}  // namespace

void EncodeStoredDoc(const StoredDoc& doc, std::string& out) {
  PutVarint(doc.id.size(), out);
  out += doc.id;
  PutVarint(doc.source.size(), out);
  out += doc.source;
  char exact[8];
  for (int i = 0; i < 8; ++i) exact[i] = static_cast<char>(doc.exact >> (8 * i));
  out.append(exact, 8);
  PutVarint(doc.size, out);
  PutVarint(doc.shingles.size(), out);
  uint32_t previous = 0;
  for (const uint32_t s : doc.shingles) {
    PutVarint(s - previous, out);
    previous = s;
  }
}

absl::Status DecodeStoredDoc(std::string_view in, StoredDoc& out) {
  size_t at = 0;
  if (!GetString(in, at, out.id) || !GetString(in, at, out.source)) return Damaged("id or source");
  if (in.size() - at < 8) return Damaged("fingerprint");
  out.exact = 0;
  for (int i = 0; i < 8; ++i) out.exact |= static_cast<uint64_t>(static_cast<uint8_t>(in[at + i])) << (8 * i);
  at += 8;
  uint64_t count = 0;
  if (!GetVarint(in, at, out.size) || !GetVarint(in, at, count)) return Damaged("size");
  // Each delta takes at least one byte, which bounds a damaged count before it allocates.
  if (count > in.size() - at) return Damaged("shingle count");
  out.shingles.resize(count);
  uint64_t value = 0;
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t delta = 0;
    if (!GetVarint(in, at, delta)) return Damaged("shingles");
    value += delta;
    if (value > UINT32_MAX || (i > 0 && delta == 0)) return Damaged("shingles out of order");
    out.shingles[i] = static_cast<uint32_t>(value);
  }
  if (at != in.size()) return Damaged("trailing bytes");
  return absl::OkStatus();
}

std::string EncodeParams(const IndexParams& params) {
  std::string out;
  for (const auto& [name, value] : params) out += name + "=" + value + "\n";
  return out;
}

absl::Status DecodeParams(std::string_view text, IndexParams& out) {
  out.clear();
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const size_t eq = text.find('=');
    if (end == std::string_view::npos || eq == std::string_view::npos || eq > end) {
      return absl::DataLossError("damaged index parameters");
    }
    out.emplace_back(std::string(text.substr(0, eq)), std::string(text.substr(eq + 1, end - eq - 1)));
    text.remove_prefix(end + 1);
  }
  return absl::OkStatus();
}

}  // namespace neardup
