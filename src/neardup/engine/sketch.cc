#include "neardup/engine/sketch.h"

#include <algorithm>
#include <cstring>

#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

// How a document's passages are laid out in the spill: this header, the passage records, the
// sentence records, the repeat records and the copies of the repeats, each a plain array.
struct BlockHeader {
  uint32_t passages;
  uint32_t pieces;
  uint32_t repeats;
  uint32_t copies;
};

// A PassageSketch without what only the first pass needs (its shingles); its sentences follow
// those of the passage before it, so only their number is kept.
struct PassageRecord {
  uint32_t start, end, removal_end, block_end;
  uint32_t line;
  uint32_t words;
  uint64_t fingerprint;
  uint64_t opening;
  uint32_t pieces;
  uint8_t block_first, block_last;
  uint8_t unused[2];
};
static_assert(sizeof(PassageRecord) == 48);

struct RepeatRecord {
  uint8_t kind;
  uint8_t fused_start;
  uint8_t adjacent;
  uint8_t remove;
  uint32_t first_unit, last_unit;
  uint32_t start, end;
  uint32_t words;
  double similarity;
  uint64_t fingerprint;
  uint32_t copies;
  uint32_t unused2;
};
static_assert(sizeof(RepeatRecord) == 48);

// Reads at an offset, or sequentially through a cursor.
class BlockReader {
 public:
  BlockReader(const SpillFile& file, uint64_t at, SpillFile::Cursor* cursor) : file_(file), at_(at), cursor_(cursor) {
    if (cursor_ != nullptr) cursor_->Seek(at);
  }
  absl::Status Read(void* out, size_t n) {
    if (n == 0) return absl::OkStatus();
    const absl::Status s = cursor_ != nullptr ? cursor_->Read(out, n) : file_.Read(at_, out, n);
    at_ += n;
    return s;
  }
  template <typename T>
  absl::Status ReadArray(size_t n, std::vector<T>& out) {
    out.resize(n);
    return Read(out.data(), n * sizeof(T));
  }

 private:
  const SpillFile& file_;
  uint64_t at_;
  SpillFile::Cursor* cursor_;
};

}  // namespace

uint32_t CorpusSketch::DocOfPassage(uint64_t gid) const {
  const auto it = std::upper_bound(first_gid.begin(), first_gid.end(), gid);
  return static_cast<uint32_t>(it - first_gid.begin() - 1);
}

void EncodePassages(const DocPassages& p, const std::vector<WithinRepeat>& repeats, std::string& out) {
  size_t copies = 0;
  for (const WithinRepeat& r : repeats) copies += r.copies.size();
  const BlockHeader header{static_cast<uint32_t>(p.passages.size()), static_cast<uint32_t>(p.pieces.size()),
                           static_cast<uint32_t>(repeats.size()), static_cast<uint32_t>(copies)};
  out.resize(sizeof(header) + p.passages.size() * sizeof(PassageRecord) + p.pieces.size() * sizeof(PieceSketch) +
             repeats.size() * sizeof(RepeatRecord) + copies * sizeof(CopySpan));
  char* at = out.data();
  const auto put = [&at](const void* bytes, size_t n) {
    if (n > 0) std::memcpy(at, bytes, n);
    at += n;
  };
  put(&header, sizeof(header));
  for (const PassageSketch& s : p.passages) {
    const PassageRecord r{s.span.start, s.span.end, s.span.removal_end, s.span.block_end, s.line, s.words,
                          s.fingerprint, s.opening, s.pieces, s.span.block_first, s.span.block_last, {}};
    put(&r, sizeof(r));
  }
  put(p.pieces.data(), p.pieces.size() * sizeof(PieceSketch));
  for (const WithinRepeat& w : repeats) {
    const RepeatRecord r{static_cast<uint8_t>(w.kind), w.fused_start, w.adjacent, w.remove, w.first_unit, w.last_unit, w.start,
                         w.end, w.words, w.similarity, w.fingerprint, static_cast<uint32_t>(w.copies.size()), 0};
    put(&r, sizeof(r));
  }
  for (const WithinRepeat& w : repeats) put(w.copies.data(), w.copies.size() * sizeof(CopySpan));
}

absl::Status CorpusSketch::AppendPassages(std::string_view encoded, size_t count) {
  passages_at.push_back(passages->size());
  first_gid.push_back(passage_count);
  passage_count += count;
  return passages->Append(encoded.data(), encoded.size());
}

absl::Status CorpusSketch::ReadPassages(uint32_t doc, PassageBlock& out, SpillFile::Cursor* cursor) const {
  BlockReader reader(*passages, passages_at[doc], cursor);
  BlockHeader header;
  NEARDUP_RETURN_IF_ERROR(reader.Read(&header, sizeof(header)));
  std::vector<PassageRecord> records;
  std::vector<RepeatRecord> repeats;
  std::vector<CopySpan> copies;
  NEARDUP_RETURN_IF_ERROR(reader.ReadArray(header.passages, records));
  NEARDUP_RETURN_IF_ERROR(reader.ReadArray(header.pieces, out.pieces));
  NEARDUP_RETURN_IF_ERROR(reader.ReadArray(header.repeats, repeats));
  NEARDUP_RETURN_IF_ERROR(reader.ReadArray(header.copies, copies));
  out.passages.assign(records.size(), PassageSketch{});
  uint32_t piece = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    const PassageRecord& r = records[i];
    PassageSketch& s = out.passages[i];
    s.span = {r.start, r.end, r.removal_end, r.block_end, r.block_first != 0, r.block_last != 0};
    s.line = r.line;
    s.words = r.words;
    s.fingerprint = r.fingerprint;
    s.opening = r.opening;
    s.first_piece = piece;
    s.pieces = r.pieces;
    piece += r.pieces;
  }
  out.repeats.assign(repeats.size(), WithinRepeat{});
  size_t copy = 0;
  for (size_t i = 0; i < repeats.size(); ++i) {
    const RepeatRecord& r = repeats[i];
    WithinRepeat& w = out.repeats[i];
    w.kind = static_cast<WithinRepeat::Kind>(r.kind);
    w.fused_start = r.fused_start != 0;
    w.adjacent = r.adjacent != 0;
    w.remove = r.remove != 0;
    w.first_unit = r.first_unit;
    w.last_unit = r.last_unit;
    w.start = r.start;
    w.end = r.end;
    w.words = r.words;
    w.similarity = r.similarity;
    w.fingerprint = r.fingerprint;
    w.copies.assign(copies.begin() + static_cast<std::ptrdiff_t>(copy),
                    copies.begin() + static_cast<std::ptrdiff_t>(copy + r.copies));
    copy += r.copies;
  }
  return absl::OkStatus();
}

}  // namespace neardup
