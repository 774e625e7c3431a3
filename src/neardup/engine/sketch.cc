#include "neardup/engine/sketch.h"

#include <algorithm>
#include <cstring>

#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

// How a document's passages are laid out in the spill: this header, the passage records, the
// passages that repeat an earlier one of the document, and the glued runs, each a plain array.
struct BlockHeader {
  uint32_t passages;
  uint32_t repeats;
  uint32_t runs;
  uint32_t unused;
};

// A PassageSketch without what only the first pass needs (its shingles) or what is rare (its
// repeat, which goes to a RepeatRecord).
struct PassageRecord {
  uint32_t start, end, removal_end, block_end;
  uint32_t line;
  uint32_t words;
  uint64_t fingerprint;
  uint64_t opening;
  uint8_t block_first, block_last;
  uint8_t unused[6];
};
static_assert(sizeof(PassageRecord) == 48);

struct RepeatRecord {
  uint32_t passage;
  int32_t copy;
  double similarity;
};

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

void EncodePassages(const DocPassages& p, const std::vector<RepeatedRun>& runs, std::string& out) {
  size_t repeats = 0;
  for (const PassageSketch& s : p.passages) repeats += s.within_copy >= 0;
  const BlockHeader header{static_cast<uint32_t>(p.passages.size()), static_cast<uint32_t>(repeats),
                           static_cast<uint32_t>(runs.size()), 0};
  out.resize(sizeof(header) + p.passages.size() * sizeof(PassageRecord) + repeats * sizeof(RepeatRecord) +
             runs.size() * sizeof(RepeatedRun));
  char* at = out.data();
  const auto put = [&at](const void* bytes, size_t n) {
    if (n > 0) std::memcpy(at, bytes, n);
    at += n;
  };
  put(&header, sizeof(header));
  for (const PassageSketch& s : p.passages) {
    const PassageRecord r{s.span.start, s.span.end, s.span.removal_end, s.span.block_end, s.line, s.words,
                          s.fingerprint, s.opening, s.span.block_first, s.span.block_last, {}};
    put(&r, sizeof(r));
  }
  for (size_t i = 0; i < p.passages.size(); ++i) {
    const PassageSketch& s = p.passages[i];
    if (s.within_copy < 0) continue;
    const RepeatRecord r{static_cast<uint32_t>(i), s.within_copy, s.within_similarity};
    put(&r, sizeof(r));
  }
  put(runs.data(), runs.size() * sizeof(RepeatedRun));
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
  NEARDUP_RETURN_IF_ERROR(reader.ReadArray(header.passages, records));
  NEARDUP_RETURN_IF_ERROR(reader.ReadArray(header.repeats, repeats));
  NEARDUP_RETURN_IF_ERROR(reader.ReadArray(header.runs, out.runs));
  out.passages.assign(records.size(), PassageSketch{});
  for (size_t i = 0; i < records.size(); ++i) {
    const PassageRecord& r = records[i];
    PassageSketch& s = out.passages[i];
    s.span = {r.start, r.end, r.removal_end, r.block_end, r.block_first != 0, r.block_last != 0};
    s.line = r.line;
    s.words = r.words;
    s.fingerprint = r.fingerprint;
    s.opening = r.opening;
  }
  for (const RepeatRecord& r : repeats) {
    out.passages[r.passage].within_copy = r.copy;
    out.passages[r.passage].within_similarity = r.similarity;
  }
  return absl::OkStatus();
}

}  // namespace neardup
