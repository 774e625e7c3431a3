// What the first pass keeps of a corpus: in memory, per document, only fixed-size facts (about
// 250 bytes); its passages go to a spill file, read back in order by the passage rules. Never the
// text, and no shingle set: verification reads its few candidates again (set_store.h). Shared by
// the pipeline stages; not part of the public API.
#ifndef NEARDUP_SKETCH_H_
#define NEARDUP_SKETCH_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "neardup/passages/passages.h"
#include "neardup/passages/repeats.h"
#include "neardup/store/spill.h"
#include "neardup/report.h"

namespace neardup {

// One document's passages as read back: their sketches (without shingles), their sentences and
// the repeats inside the document.
struct PassageBlock {
  std::vector<PassageSketch> passages;
  std::vector<PieceSketch> pieces;
  std::vector<WithinRepeat> repeats;
};

struct CorpusSketch {
  StringTable ids;
  StringTable locations;
  std::vector<uint64_t> positions;         // Document::position, to read a document again
  std::vector<uint64_t> sizes;
  std::vector<uint64_t> exact;             // normalized-text fingerprints
  std::vector<uint64_t> band_keys;         // `bands` per document
  std::vector<uint64_t> containment_keys;  // `containment bands` per document; empty when off
  std::vector<uint64_t> passages_at;       // each document's block in `passages`
  std::vector<uint64_t> first_gid;         // corpus-wide number of each document's first passage
  uint64_t passage_count = 0;
  std::vector<uint32_t> source;            // index into source_names
  std::vector<std::string> source_names;   // in order of first appearance
  std::vector<std::optional<std::string>> keep_keys;  // --keep field:NAME only
  std::unique_ptr<SpillFile> passages;

  size_t size() const { return sizes.size(); }

  // The document holding passage `gid`.
  uint32_t DocOfPassage(uint64_t gid) const;

  // Spills a document's passages (encoded by EncodePassages()): about 50 bytes each, 32 per
  // sentence of a passage that has several, plus its repeats.
  absl::Status AppendPassages(std::string_view encoded, size_t count);
  // Document `doc`'s passages; through `cursor` (on `passages`) when reading in corpus order.
  absl::Status ReadPassages(uint32_t doc, PassageBlock& out, SpillFile::Cursor* cursor = nullptr) const;
};

// The spill form of a document's passages, into `out` (replaced). Thread-safe: the first pass
// encodes on its analysis threads and only appends in order.
void EncodePassages(const DocPassages& passages, const std::vector<WithinRepeat>& repeats, std::string& out);

}  // namespace neardup

#endif  // NEARDUP_SKETCH_H_
