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
// - Near copies: banded MinHash over the passage's shingle set (PassageKeys): heads sharing at
//   least two of their 12 band keys (48 permutations, 4 rows a band) are candidates, each verified
//   by its exact Jaccard. A pair at Jaccard 0.8 becomes a candidate with probability 0.983 (0.998
//   at 0.85), one at 0.5 with 0.17, at 0.3 with 0.004, at 0.2 with 0.0002. Asking for two bands,
//   not one, is what keeps unrelated passages that share a sentence (at millions of documents,
//   most passages share one with some other) from becoming candidates, and each candidate costs
//   reading its document again: verification needs the shingle sets, which nobody keeps. Unlike a
//   prefix filter, this does not pair passages that merely share a common phrase either. Buckets
//   obey the fan-out cap of lsh.h.
//   Before any document is read again, candidates pass a cheap estimate: the low byte of each of
//   the 48 MinHash values (a b-bit sketch, kept per passage in a spill file) must agree in at
//   least 28 places. A pair at Jaccard 0.8 agrees in 38 on average and fails this with
//   probability 2e-5; most pairs that only share a sentence (Jaccard 0.25: 12 on average) are
//   dropped, and at millions of documents they are most candidates.
//
// Records are added by the first pass, for every long passage that is not a repeat within its
// document; which of them take part is only known later (Matches() filters).
#ifndef NEARDUP_CROSSDOC_H_
#define NEARDUP_CROSSDOC_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/similarity/lsh.h"
#include "neardup/similarity/minhash.h"
#include "neardup/store/set_store.h"
#include "neardup/store/spill.h"

namespace neardup {

// The LSH band keys of a passage's shingle set. Built once, shared read-only by all threads.
class PassageKeys {
 public:
  static constexpr int kBands = 12;
  static constexpr int kRows = 4;
  static constexpr int kPermutations = kBands * kRows;
  static constexpr int kBandsToAgree = 2;

  PassageKeys(uint64_t seed);
  static constexpr int kSketchBytes = kPermutations;
  static constexpr int kSketchAgreement = 28;

  int bands() const { return lsh_.bands; }
  // Appends bands() keys and kSketchBytes sketch bytes for `set`, using `signature` as scratch.
  void Append(std::span<const uint32_t> set, std::vector<uint32_t>& signature, std::vector<uint64_t>& keys,
              std::vector<uint8_t>& sketch) const;

 private:
  MinHasher hasher_;
  LshParams lsh_;
  uint64_t seed_;
};

class CrossDocMatcher {
 public:
  CrossDocMatcher(double threshold, const SpillOptions& spill = {});

  // Adds passage `gid`; gids must increase and stay below 2^32. `keys`, `sketch`: its
  // PassageKeys.
  absl::Status Add(uint64_t gid, uint64_t fingerprint, std::span<const uint64_t> keys,
                   std::span<const uint8_t> sketch);

  struct Match {
    uint64_t gid = 0;   // the repeating passage
    uint64_t copy = 0;  // the passage of an earlier document it repeats
    double similarity = 1.0;
    friend bool operator==(const Match&, const Match&) = default;
  };
  // The document a gid belongs to.
  using DocOf = std::function<uint32_t(uint64_t gid)>;
  // Stores the sorted shingle sets of passages `gids` (ascending) in `store`, keyed by gid.
  using ReadSets = std::function<absl::Status(std::span<const uint64_t> gids, SetStore& store)>;

  // Every eligible passage (`eligible[gid]`) that repeats an eligible passage of an earlier
  // document, by ascending gid. Call once.
  absl::StatusOr<std::vector<Match>> Matches(const std::vector<bool>& eligible, const DocOf& doc_of,
                                            const ReadSets& read_sets);

  // After Matches(): candidate pairs of heads, how many passed the sketch, how many verified.
  uint64_t candidate_pairs() const { return candidate_pairs_; }
  uint64_t sketched_pairs() const { return sketched_pairs_; }
  uint64_t verified_pairs() const { return verified_pairs_; }

 private:
  struct ExactRecord {
    uint64_t fingerprint;
    uint32_t gid;
    uint32_t unused;
  };
  // The partition holds 6 more bits of the band key: 38 bits in all, enough that unrelated
  // passages share a key by chance about once per band per 20 million passages.
  struct BandRecord {
    uint32_t key;
    uint32_t gid;
  };
  // A candidate pair in one word, later passage high, so that sorting the words sorts by (v, u).
  struct PairRecord {
    uint64_t vu;
    uint64_t v() const { return vu >> 32; }
    uint64_t u() const { return vu & 0xFFFFFFFFu; }
  };
  struct Verified {
    uint64_t v, u;
    double similarity;
  };

  absl::StatusOr<std::vector<std::pair<uint64_t, uint64_t>>> ExactGroups(const std::vector<bool>& eligible,
                                                                         const DocOf& doc_of);
  absl::Status NearPairs(const DocOf& doc_of, const std::vector<bool>& takes_part);
  using PartitionPairs = std::vector<std::vector<PairRecord>>;  // by partition
  // Verify() by phase: pairs agreeing on enough bands, then on their sketches, then exactly.
  absl::StatusOr<std::vector<Verified>> Verify(const ReadSets& read_sets);
  absl::Status LoadCandidates(PartitionPairs& pairs, std::vector<uint64_t>& gids);
  absl::Status FilterBySketch(PartitionPairs& pairs, std::vector<uint64_t>& gids);
  absl::StatusOr<std::vector<Verified>> VerifyExactly(const PartitionPairs& pairs, const SetStore& sets) const;

  double threshold_;
  SpillOptions spill_;
  Partitioned<ExactRecord> exact_;
  Partitioned<BandRecord> bands_;
  std::unique_ptr<Partitioned<PairRecord>> pairs_;
  struct SketchRecord {
    uint32_t gid;
    uint8_t sketch[PassageKeys::kSketchBytes];
  };
  // The sketches of passages `gids` (ascending), read in one pass over the sketch spill.
  absl::Status LoadSketches(std::span<const uint64_t> gids, std::vector<SketchRecord>& out);

  SpillFile sketches_;    // SketchRecords in gid order
  uint64_t end_gid_ = 0;  // one past the largest gid added
  uint64_t candidate_pairs_ = 0;
  uint64_t sketched_pairs_ = 0;
  uint64_t verified_pairs_ = 0;
};

}  // namespace neardup

#endif  // NEARDUP_CROSSDOC_H_
