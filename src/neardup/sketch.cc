#include "neardup/sketch.h"

#include <algorithm>

#include "neardup/shingle.h"
#include "neardup/status_macros.h"

namespace neardup {
namespace {

// How a PassageBlock is laid out in the spill: this header, then the sketches, the runs and the
// shingles, each as a plain array.
struct BlockHeader {
  uint32_t passages;
  uint32_t runs;
  uint32_t shingles;
  uint32_t keys;
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

absl::Status CorpusSketch::AppendPassages(const DocPassages& p, const std::vector<RepeatedRun>& runs) {
  const BlockHeader header{static_cast<uint32_t>(p.passages.size()), static_cast<uint32_t>(runs.size()),
                           static_cast<uint32_t>(p.shingles.size()), static_cast<uint32_t>(p.band_keys.size())};
  passages_at.push_back(passages->size());
  first_gid.push_back(passage_count);
  passage_count += p.passages.size();
  NEARDUP_RETURN_IF_ERROR(passages->Append(&header, sizeof(header)));
  NEARDUP_RETURN_IF_ERROR(passages->Append(p.passages.data(), p.passages.size() * sizeof(PassageSketch)));
  NEARDUP_RETURN_IF_ERROR(passages->Append(runs.data(), runs.size() * sizeof(RepeatedRun)));
  NEARDUP_RETURN_IF_ERROR(passages->Append(p.shingles.data(), p.shingles.size() * sizeof(uint32_t)));
  return passages->Append(p.band_keys.data(), p.band_keys.size() * sizeof(uint64_t));
}

absl::Status CorpusSketch::ReadPassages(uint32_t doc, PassageBlock& out, SpillFile::Cursor* cursor) const {
  BlockReader reader(*passages, passages_at[doc], cursor);
  BlockHeader header;
  NEARDUP_RETURN_IF_ERROR(reader.Read(&header, sizeof(header)));
  NEARDUP_RETURN_IF_ERROR(reader.ReadArray(header.passages, out.passages.passages));
  NEARDUP_RETURN_IF_ERROR(reader.ReadArray(header.runs, out.runs));
  NEARDUP_RETURN_IF_ERROR(reader.ReadArray(header.shingles, out.passages.shingles));
  return reader.ReadArray(header.keys, out.passages.band_keys);
}

absl::Status CorpusSketch::ReadShingleSet(uint32_t doc, std::vector<uint32_t>& out) const {
  out.resize(shingle_count[doc]);
  NEARDUP_RETURN_IF_ERROR(shingles->Read(shingles_at[doc], out.data(), out.size() * sizeof(uint32_t)));
  MakeSet(out);
  return absl::OkStatus();
}

absl::Status CorpusSketch::ReadPassageSet(uint64_t gid, std::vector<uint32_t>& out) const {
  const uint32_t doc = DocOfPassage(gid);
  const uint64_t index = gid - first_gid[doc];
  const uint64_t block = passages_at[doc];
  BlockHeader header;
  NEARDUP_RETURN_IF_ERROR(passages->Read(block, &header, sizeof(header)));
  PassageSketch p;
  NEARDUP_RETURN_IF_ERROR(passages->Read(block + sizeof(header) + index * sizeof(PassageSketch), &p, sizeof(p)));
  const uint64_t shingles_at = block + sizeof(header) + header.passages * sizeof(PassageSketch) +
                               header.runs * sizeof(RepeatedRun) + p.shingle_begin * sizeof(uint32_t);
  out.resize(p.shingle_end - p.shingle_begin);
  return passages->Read(shingles_at, out.data(), out.size() * sizeof(uint32_t));
}

}  // namespace neardup
