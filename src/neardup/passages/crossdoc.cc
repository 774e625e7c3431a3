#include "neardup/passages/crossdoc.h"

#include <tbb/spin_mutex.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <tuple>

#include "neardup/base/partitions.h"
#include "neardup/passages/passages.h"
#include "neardup/base/radix_sort.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

constexpr size_t kPartitions = 64;
// The passage MinHash's own seed, so that its permutations differ from the documents'.
constexpr uint64_t kPassageSeed = 0x70617373616765ULL;  // "passage"

// Partitions by range of the later passage, so that partitions in order are gids in order.
uint64_t RangeHash(uint64_t gid, uint64_t end) {
  return static_cast<uint64_t>((static_cast<unsigned __int128>(gid) << 64) / end);
}

// Sorted, distinct.
void SortUnique(std::vector<uint64_t>& gids) {
  std::sort(gids.begin(), gids.end());
  gids.erase(std::unique(gids.begin(), gids.end()), gids.end());
}

}  // namespace

PassageKeys::PassageKeys(uint64_t seed)
    : hasher_(kPermutations, seed ^ kPassageSeed), lsh_{kBands, kRows}, seed_(seed ^ kPassageSeed) {}

void PassageKeys::Append(std::span<const uint32_t> set, std::vector<uint32_t>& signature,
                         std::vector<uint64_t>& out, std::vector<uint8_t>& sketch) const {
  signature.resize(kPermutations);
  hasher_.SignInto(set, signature);
  for (const uint32_t value : signature) sketch.push_back(static_cast<uint8_t>(value));
  // Four 32-bit rows to a 64-bit key by multiply-mix: these keys never leave the run, so they
  // need no hash fixed by a spec, only one that does not collide by structure.
  static_assert(kRows == 4);
  for (size_t band = 0; band < static_cast<size_t>(kBands); ++band) {
    const uint32_t* r = signature.data() + band * kRows;
    uint64_t h = (uint64_t{r[0]} | uint64_t{r[1]} << 32) * 0x9E3779B97F4A7C15ULL;
    h = ((h << 29) | (h >> 35)) ^ ((uint64_t{r[2]} | uint64_t{r[3]} << 32) + seed_ + band);
    h *= 0xBF58476D1CE4E5B9ULL;
    out.push_back(h ^ (h >> 31));
  }
}

CrossDocMatcher::CrossDocMatcher(double threshold, const SpillOptions& spill)
    : threshold_(threshold), spill_(spill), exact_(kPartitions, spill), bands_(kPartitions, spill), sketches_(spill) {}

absl::Status CrossDocMatcher::Add(uint64_t gid, uint64_t fingerprint, std::span<const uint64_t> keys,
                                  std::span<const uint8_t> sketch) {
  if (gid > std::numeric_limits<uint32_t>::max()) {
    return absl::ResourceExhaustedError("more than 4 billion passages in one run; split the corpus");
  }
  end_gid_ = gid + 1;
  const auto small = static_cast<uint32_t>(gid);
  NEARDUP_RETURN_IF_ERROR(exact_.Add({fingerprint, small, 0}, fingerprint));
  for (const uint64_t key : keys) NEARDUP_RETURN_IF_ERROR(bands_.Add({static_cast<uint32_t>(key), small}, key));
  SketchRecord record{small, {}};
  std::memcpy(record.sketch, sketch.data(), sizeof(record.sketch));
  return sketches_.Append(&record, sizeof(record));
}

absl::Status CrossDocMatcher::LoadSketches(std::span<const uint64_t> gids, std::vector<SketchRecord>& out) {
  NEARDUP_RETURN_IF_ERROR(sketches_.Seal());
  out.clear();
  SpillFile::Cursor cursor(sketches_);
  const uint64_t records = sketches_.size() / sizeof(SketchRecord);
  // Records are in gid order: a binary search per gid through the file would read as much.
  SketchRecord record;
  size_t next = 0;
  for (uint64_t i = 0; i < records && next < gids.size(); ++i) {
    NEARDUP_RETURN_IF_ERROR(cursor.Read(&record, sizeof(record)));
    if (record.gid < gids[next]) continue;
    if (record.gid == gids[next]) out.push_back(record);
    ++next;
  }
  if (out.size() != gids.size()) return absl::InternalError("a candidate passage has no sketch");
  return absl::OkStatus();
}

// (member, head) for every eligible passage whose exact text an eligible passage of an earlier
// document has.
absl::StatusOr<std::vector<std::pair<uint64_t, uint64_t>>> CrossDocMatcher::ExactGroups(
    const std::vector<bool>& eligible, const DocOf& doc_of) {
  NEARDUP_RETURN_IF_ERROR(exact_.Seal());
  std::vector<std::vector<std::pair<uint64_t, uint64_t>>> found(kPartitions);
  NEARDUP_RETURN_IF_ERROR(ForEachPartition(kPartitions, [&](size_t p) -> absl::Status {
    std::vector<ExactRecord> records;
    NEARDUP_RETURN_IF_ERROR(exact_.Load(p, records));
    records.erase(std::remove_if(records.begin(), records.end(), [&](const ExactRecord& r) { return !eligible[r.gid]; }),
                  records.end());
    std::vector<ExactRecord> scratch;
    RadixSort(records, scratch, [](const ExactRecord& r) { return r.fingerprint; });
    for (size_t lo = 0, hi; lo < records.size(); lo = hi) {
      for (hi = lo + 1; hi < records.size() && records[hi].fingerprint == records[lo].fingerprint;) ++hi;
      const uint32_t head_doc = hi - lo > 1 ? doc_of(records[lo].gid) : 0;
      for (size_t m = lo + 1; m < hi; ++m) {
        // The same text twice in one document is a repeat within it, not across.
        if (doc_of(records[m].gid) != head_doc) found[p].emplace_back(records[m].gid, records[lo].gid);
      }
    }
    return absl::OkStatus();
  }));
  std::vector<std::pair<uint64_t, uint64_t>> members;
  for (size_t p = 0; p < kPartitions; ++p) members.insert(members.end(), found[p].begin(), found[p].end());
  std::sort(members.begin(), members.end());
  return members;
}

// Candidate (later, earlier) pairs of the passages that take part and share a band key, into pairs_.
absl::Status CrossDocMatcher::NearPairs(const DocOf& doc_of, const std::vector<bool>& takes_part) {
  NEARDUP_RETURN_IF_ERROR(bands_.Seal());
  pairs_ = std::make_unique<Partitioned<PairRecord>>(kPartitions, spill_);
  tbb::spin_mutex pairs_mutex;
  NEARDUP_RETURN_IF_ERROR(ForEachPartition(kPartitions, [&](size_t p) -> absl::Status {
    std::vector<BandRecord> records;
    NEARDUP_RETURN_IF_ERROR(bands_.Load(p, records));
    records.erase(std::remove_if(records.begin(), records.end(), [&](const BandRecord& r) { return !takes_part[r.gid]; }),
                  records.end());
    std::vector<BandRecord> scratch;
    RadixSort(records, scratch, [](const BandRecord& r) { return r.key; }, 32);
    std::vector<PairRecord> pairs;
    std::vector<uint32_t> docs;
    for (size_t lo = 0, hi; lo < records.size(); lo = hi) {
      for (hi = lo + 1; hi < records.size() && records[hi].key == records[lo].key;) ++hi;
      if (hi - lo < 2) continue;
      docs.clear();
      for (size_t i = lo; i < hi; ++i) docs.push_back(doc_of(records[i].gid));
      ForEachBucketPair(hi - lo, [&](size_t x, size_t y) {
        if (docs[x] != docs[y]) pairs.push_back({uint64_t{records[lo + y].gid} << 32 | records[lo + x].gid});
      });
    }
    const tbb::spin_mutex::scoped_lock lock(pairs_mutex);
    for (const PairRecord& pair : pairs) NEARDUP_RETURN_IF_ERROR(pairs_->Add(pair, RangeHash(pair.v(), end_gid_)));
    return absl::OkStatus();
  }));
  return pairs_->Seal();
}

// The pairs of each partition that agree on enough bands, sorted by (v, u), into `pairs`; the
// passages they name, sorted and distinct, into `gids`.
absl::Status CrossDocMatcher::LoadCandidates(PartitionPairs& pairs, std::vector<uint64_t>& gids) {
  pairs.assign(kPartitions, {});
  std::vector<std::vector<uint64_t>> partition_gids(kPartitions);
  NEARDUP_RETURN_IF_ERROR(ForEachPartition(kPartitions, [&](size_t p) -> absl::Status {
    std::vector<PairRecord>& partition = pairs[p];
    NEARDUP_RETURN_IF_ERROR(pairs_->Load(p, partition));
    std::vector<PairRecord> scratch;
    RadixSort(partition, scratch, [](const PairRecord& r) { return r.vu; });
    // A pair appears once per band its two passages agree on; candidates agree on enough.
    size_t kept = 0;
    for (size_t i = 0, j; i < partition.size(); i = j) {
      for (j = i + 1; j < partition.size() && partition[j].vu == partition[i].vu;) ++j;
      if (j - i >= PassageKeys::kBandsToAgree) partition[kept++] = partition[i];
    }
    partition.resize(kept);
    for (const PairRecord& pair : partition) {
      partition_gids[p].push_back(pair.v());
      partition_gids[p].push_back(pair.u());
    }
    return absl::OkStatus();
  }));
  gids.clear();
  for (size_t p = 0; p < kPartitions; ++p) {
    candidate_pairs_ += pairs[p].size();
    gids.insert(gids.end(), partition_gids[p].begin(), partition_gids[p].end());
    std::vector<uint64_t>().swap(partition_gids[p]);
  }
  pairs_.reset();
  SortUnique(gids);
  return absl::OkStatus();
}

// Drops the pairs whose b-bit sketches agree in too few places, before any document is read
// again; `gids` (in: the passages of `pairs`) becomes the passages of the pairs left.
absl::Status CrossDocMatcher::FilterBySketch(PartitionPairs& pairs, std::vector<uint64_t>& gids) {
  std::vector<SketchRecord> sketches;
  NEARDUP_RETURN_IF_ERROR(LoadSketches(gids, sketches));
  const auto sketch_of = [&](uint64_t gid) -> const uint8_t* {
    return std::lower_bound(sketches.begin(), sketches.end(), gid,
                            [](const SketchRecord& r, uint64_t g) { return r.gid < g; })->sketch;
  };
  gids.clear();
  for (std::vector<PairRecord>& partition : pairs) {
    size_t kept = 0;
    for (const PairRecord& pair : partition) {
      const uint8_t* a = sketch_of(pair.v());
      const uint8_t* b = sketch_of(pair.u());
      int agree = 0;
      for (int i = 0; i < PassageKeys::kSketchBytes; ++i) agree += a[i] == b[i];
      if (agree < PassageKeys::kSketchAgreement) continue;
      partition[kept++] = pair;
      gids.push_back(pair.v());
      gids.push_back(pair.u());
    }
    partition.resize(kept);
    sketched_pairs_ += kept;
  }
  SortUnique(gids);
  return absl::OkStatus();
}

// The pairs whose exact Jaccard, from the shingle sets in `sets`, reaches the threshold.
absl::StatusOr<std::vector<CrossDocMatcher::Verified>> CrossDocMatcher::VerifyExactly(const PartitionPairs& pairs,
                                                                                      const SetStore& sets) const {
  std::vector<std::vector<Verified>> found(kPartitions);
  NEARDUP_RETURN_IF_ERROR(ForEachPartition(kPartitions, [&](size_t p) -> absl::Status {
    std::vector<uint32_t> v_set, u_set;
    uint64_t loaded = UINT64_MAX;
    for (const PairRecord& pair : pairs[p]) {
      if (pair.v() != loaded) {
        NEARDUP_RETURN_IF_ERROR(sets.Get(pair.v(), v_set));
        loaded = pair.v();
      }
      NEARDUP_RETURN_IF_ERROR(sets.Get(pair.u(), u_set));
      const double j = PassageSimilarity(v_set, u_set, threshold_);
      if (j >= threshold_) found[p].push_back({pair.v(), pair.u(), j});
    }
    return absl::OkStatus();
  }));
  std::vector<Verified> verified;
  for (size_t p = 0; p < kPartitions; ++p) verified.insert(verified.end(), found[p].begin(), found[p].end());
  return verified;
}

// The candidate pairs whose exact Jaccard reaches the threshold, by ascending (v, u): band
// agreement, then the sketch estimate, then the exact sets of the passages left, read again.
absl::StatusOr<std::vector<CrossDocMatcher::Verified>> CrossDocMatcher::Verify(const ReadSets& read_sets) {
  PartitionPairs pairs;
  std::vector<uint64_t> gids;
  NEARDUP_RETURN_IF_ERROR(LoadCandidates(pairs, gids));
  NEARDUP_RETURN_IF_ERROR(FilterBySketch(pairs, gids));
  SetStore sets(spill_);
  NEARDUP_RETURN_IF_ERROR(read_sets(gids, sets));
  NEARDUP_ASSIGN_OR_RETURN(std::vector<Verified> verified, VerifyExactly(pairs, sets));
  verified_pairs_ = verified.size();
  return verified;
}

absl::StatusOr<std::vector<CrossDocMatcher::Match>> CrossDocMatcher::Matches(const std::vector<bool>& eligible,
                                                                            const DocOf& doc_of,
                                                                            const ReadSets& read_sets) {
  if (end_gid_ == 0) return std::vector<Match>{};
  NEARDUP_ASSIGN_OR_RETURN(const auto members, ExactGroups(eligible, doc_of));
  // Heads take part in near matching; the other members of an exact group follow their head.
  std::vector<bool> takes_part(eligible.begin(), eligible.begin() + static_cast<std::ptrdiff_t>(end_gid_));
  for (const auto& [member, head] : members) takes_part[member] = false;
  NEARDUP_RETURN_IF_ERROR(NearPairs(doc_of, takes_part));
  NEARDUP_ASSIGN_OR_RETURN(const std::vector<Verified> verified, Verify(read_sets));

  // Heads in order: the earliest verified candidate that is not itself a repeat is the copy.
  std::vector<bool> repeat(end_gid_, false);
  std::vector<Match> heads;
  for (size_t i = 0; i < verified.size();) {
    const uint64_t v = verified[i].v;
    for (; i < verified.size() && verified[i].v == v; ++i) {
      if (repeat[v] || repeat[verified[i].u]) continue;
      repeat[v] = true;
      heads.push_back({v, verified[i].u, verified[i].similarity});
    }
  }
  // Members follow their head: a copy of it when it is an original, else a copy of its copy
  // (their sets are equal, so the head's candidates and similarity are theirs too).
  std::vector<Match> out;
  out.reserve(heads.size() + members.size());
  size_t h = 0;
  for (const auto& [member, head] : members) {
    for (; h < heads.size() && heads[h].gid < member; ++h) out.push_back(heads[h]);
    if (!repeat[head]) {
      out.push_back({member, head, 1.0});
      continue;
    }
    const auto it = std::lower_bound(heads.begin(), heads.end(), head,
                                     [](const Match& m, uint64_t gid) { return m.gid < gid; });
    out.push_back({member, it->copy, it->similarity});
  }
  out.insert(out.end(), heads.begin() + static_cast<std::ptrdiff_t>(h), heads.end());
  return out;
}

}  // namespace neardup
