// Passages repeated across documents: a wire paragraph quoted by a later article.
//
// Kept documents are added in input order, so a lookup only ever finds a copy in an earlier
// kept document, and the earliest one. Exact copies are found by fingerprint; near copies
// (Jaccard >= threshold) through a prefix-filter index over passage shingles, which finds every
// qualifying pair without comparing all pairs of passages.
//
// Fan-out cap: a shingle keeps at most kMaxPostings passages (the earliest ones). Text quoted by
// thousands of documents would otherwise make every lookup verify thousands of candidates. The cap
// loses a near match only when all of a passage's prefix shingles are that common and its copy is
// not among their earliest holders; exact copies are always found through the fingerprint map.
// Candidates also pass a positional filter: where two sets first share an element bounds how
// much they can share in all, so most dissimilar candidates are dropped before verification.
#ifndef NEARDUP_CROSSDOC_H_
#define NEARDUP_CROSSDOC_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "neardup/passages.h"

namespace neardup {

struct PassageRef {
  uint32_t doc = 0;
  uint32_t passage = 0;
  friend auto operator<=>(const PassageRef&, const PassageRef&) = default;
};

class CrossDocIndex {
 public:
  static constexpr size_t kMaxPostings = 16;

  // `passages[doc]` are the sketches of each document; they must outlive the index.
  CrossDocIndex(const std::vector<std::vector<PassageSketch>>& passages, double threshold);
  CrossDocIndex(const CrossDocIndex&) = delete;  // refers to the sketches; copies would dangle
  CrossDocIndex& operator=(const CrossDocIndex&) = delete;

  struct Match {
    PassageRef copy;
    double similarity = 1.0;
  };
  // The earliest indexed passage that `p` repeats (only passages with shingles take part).
  std::optional<Match> Find(const PassageSketch& p) const;

  void Add(PassageRef ref);

 private:
  const PassageSketch& At(PassageRef r) const { return passages_[r.doc][r.passage]; }
  const std::vector<std::vector<PassageSketch>>& passages_;
  double threshold_;
  absl::flat_hash_map<uint64_t, PassageRef> exact_;
  struct Posting {
    PassageRef ref;
    uint32_t position;  // of the shingle in the passage's sorted set
  };
  absl::flat_hash_map<uint64_t, std::vector<Posting>> prefix_;
};

}  // namespace neardup

#endif  // NEARDUP_CROSSDOC_H_
