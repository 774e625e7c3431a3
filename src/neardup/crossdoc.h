// Passages repeated across documents: a wire paragraph quoted by a later article.
//
// The passages that may take part (long enough, of kept documents, claimed by no other rule) are
// added in corpus order under a global passage number, the gid. A passage repeats an earlier
// document when its text is identical after normalization to, or has word-shingle Jaccard >=
// threshold with, a passage of an earlier document that is itself not a repeat; the earliest
// such passage is its copy. This is the order-dependent rule an index filled in corpus order
// would give, computed without holding an index: everything is keyed records, partitioned by key
// and processed one partition at a time (in parallel, spilling to disk past a memory budget).
//
// - Exact copies: records keyed by fingerprint; in each group the first passage is the head and
//   the others follow its fate.
// - Near copies: a prefix filter. With shingles in hash order, two sets of Jaccard >= t share one
//   of the first |S| - ceil(t |S|) + 1 elements of each, so records keyed by those prefix
//   shingles bring every qualifying pair of heads together. A positional filter (where the first
//   shared element sits bounds how much the two can share) drops most of the rest before exact
//   verification. Fan-out cap: a shingle pairs a passage with at most kMaxPostings earlier heads
//   (the earliest), so a phrase that opens thousands of passages does not make the work
//   quadratic; a near copy is lost only if every prefix shingle it shares with its original is
//   that common.
#ifndef NEARDUP_CROSSDOC_H_
#define NEARDUP_CROSSDOC_H_

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/spill.h"

namespace neardup {

class CrossDocMatcher {
 public:
  static constexpr size_t kMaxPostings = 16;

  CrossDocMatcher(double threshold, const SpillOptions& spill = {});

  // Adds passage `gid`; gids must increase. `set`: its sorted, duplicate-free shingles.
  absl::Status Add(uint64_t gid, uint64_t fingerprint, std::span<const uint32_t> set);

  struct Match {
    uint64_t gid = 0;   // the repeating passage
    uint64_t copy = 0;  // the passage of an earlier document it repeats
    double similarity = 1.0;
    friend bool operator==(const Match&, const Match&) = default;
  };
  // The document a gid belongs to.
  using DocOf = std::function<uint32_t(uint64_t gid)>;
  // Reads the shingle set of an added passage again; called from several threads at once.
  using ReadSet = std::function<absl::Status(uint64_t gid, std::vector<uint32_t>& set)>;

  // Every added passage that repeats one of an earlier document, by ascending gid. Call once.
  absl::StatusOr<std::vector<Match>> Matches(const DocOf& doc_of, const ReadSet& read_set);

 private:
  struct ExactRecord {
    uint64_t fingerprint;
    uint64_t gid;
  };
  struct PrefixRecord {
    uint64_t gid;
    uint32_t shingle;
    uint16_t position;  // in the sorted set; kClamped when it does not fit
    uint16_t size;      // of the set; kClamped when it does not fit
  };
  struct PairRecord {
    uint64_t v;  // later
    uint64_t u;  // earlier
  };
  struct Verified {
    uint64_t v, u;
    double similarity;
  };

  absl::StatusOr<std::vector<std::pair<uint64_t, uint64_t>>> ExactGroups(const DocOf& doc_of);
  absl::Status NearPairs(const DocOf& doc_of, const std::vector<bool>& is_member);
  absl::StatusOr<std::vector<Verified>> Verify(const ReadSet& read_set);

  double threshold_;
  SpillOptions spill_;
  Partitioned<ExactRecord> exact_;
  Partitioned<PrefixRecord> prefix_;
  std::unique_ptr<Partitioned<PairRecord>> pairs_;
  uint64_t end_gid_ = 0;  // one past the largest gid added
};

}  // namespace neardup

#endif  // NEARDUP_CROSSDOC_H_
