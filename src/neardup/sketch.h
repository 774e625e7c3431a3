// What the first pass keeps of a corpus: per document everything the later stages decide on,
// and never the text. Shared by the pipeline stages; not part of the public API.
#ifndef NEARDUP_SKETCH_H_
#define NEARDUP_SKETCH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "neardup/glued.h"
#include "neardup/passages.h"

namespace neardup {

struct CorpusSketch {
  std::vector<std::string> ids;
  std::vector<std::string> locations;
  std::vector<uint64_t> sizes;
  std::vector<uint64_t> exact;                    // normalized-text fingerprints
  std::vector<std::vector<uint64_t>> shingles;    // sorted sets
  std::vector<uint32_t> signatures;               // row-major, num_perm per document
  std::vector<std::vector<PassageSketch>> passages;
  std::vector<std::vector<RepeatedRun>> runs;
  std::vector<uint32_t> source;                   // index into source_names
  std::vector<std::string> source_names;          // in order of first appearance
  std::vector<std::optional<std::string>> keep_keys;

  size_t size() const { return ids.size(); }
};

}  // namespace neardup

#endif  // NEARDUP_SKETCH_H_
