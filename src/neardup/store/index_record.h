// The on-disk form of one indexed document (its record in the index's "docs" table) and of the
// index's parameters. The format is versioned by kIndexFormat in index.h; any change to what is
// written here needs a new format number.
//
// A document record is: varint id length, id bytes, varint source length, source bytes, the exact
// fingerprint (8 bytes, little-endian), varint size in bytes, varint number of shingles, then the
// sorted shingle set as varint deltas (the first delta from 0). A 3 KB article has about 500
// shingles, spread over 32 bits, so a delta takes about 4 bytes: about 2 KB a document.
#ifndef NEARDUP_STORE_INDEX_RECORD_H_
#define NEARDUP_STORE_INDEX_RECORD_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace neardup {

// What an index keeps of a document: enough to name it and to verify a candidate exactly.
struct StoredDoc {
  std::string id;
  std::string source;
  uint64_t exact = 0;              // fingerprint of the normalized text
  uint64_t size = 0;               // bytes of the original text
  std::vector<uint32_t> shingles;  // sorted, duplicate-free: the document's shingle set
};

// Appends the record of `doc` to `out`. `doc.shingles` must be sorted and duplicate-free.
void EncodeStoredDoc(const StoredDoc& doc, std::string& out);
// Decodes a record written by EncodeStoredDoc into `out` (replaced). DataLossError when the bytes
// are not such a record (the index is damaged).
absl::Status DecodeStoredDoc(std::string_view bytes, StoredDoc& out);

// The parameters that change decisions, as (name, value) pairs in a fixed order; values are the
// text a user would type ("0.8", "word:5"). Compared by text, so 0.8 and 0.80 differ only if the
// CLI formats them differently, which it never does.
using IndexParams = std::vector<std::pair<std::string, std::string>>;

// "name=value\n" per parameter.
std::string EncodeParams(const IndexParams& params);
// The inverse of EncodeParams; DataLossError on anything else.
absl::Status DecodeParams(std::string_view text, IndexParams& out);

}  // namespace neardup

#endif  // NEARDUP_STORE_INDEX_RECORD_H_
