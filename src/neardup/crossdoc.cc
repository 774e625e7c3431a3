#include "neardup/crossdoc.h"

#include <tbb/parallel_for.h>
#include <tbb/spin_mutex.h>

#include <algorithm>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "neardup/passages.h"
#include "neardup/status_macros.h"

namespace neardup {
namespace {

constexpr size_t kPartitions = 64;
constexpr uint16_t kClamped = UINT16_MAX;
// Shingle sets of earlier passages cached per verification task; verified pairs name the same
// early passages again and again (they are the earliest holders of common shingles).
constexpr size_t kCachedShingles = size_t{1} << 21;

// Partitions by range of the later passage, so that partitions in order are gids in order.
uint64_t RangeHash(uint64_t gid, uint64_t end) {
  return static_cast<uint64_t>((static_cast<unsigned __int128>(gid) << 64) / end);
}

uint16_t Clamp(size_t n) { return n >= kClamped ? kClamped : static_cast<uint16_t>(n); }

struct Head {
  uint64_t gid;
  uint32_t doc;
  uint16_t position, size;
};

// Whether heads u (earlier) and v, meeting at this shared prefix shingle, can reach Jaccard t.
bool MayReach(const Head& u, const Head& v, double t) {
  if (u.size == kClamped || v.size == kClamped || u.position == kClamped || v.position == kClamped) {
    return true;  // too large to reason about cheaply; verification decides
  }
  const double a = v.size, c = u.size;
  if (std::min(a, c) < t * std::max(a, c) - 1e-9) return false;
  // Jaccard >= t needs an overlap of at least t / (1 + t) * (|A| + |C|). If this is the first
  // shared element, the two can share at most what follows it in both, plus itself; if it is
  // not the first, the pair also meets at the first one, where this test is exact.
  const double needed = t / (1.0 + t) * (a + c) - 1e-9;
  const double bound = 1.0 + std::min(a - v.position - 1, c - u.position - 1);
  return bound >= needed;
}

}  // namespace

CrossDocMatcher::CrossDocMatcher(double threshold, const SpillOptions& spill)
    : threshold_(threshold), spill_(spill), exact_(kPartitions, spill), prefix_(kPartitions, spill) {}

absl::Status CrossDocMatcher::Add(uint64_t gid, uint64_t fingerprint, std::span<const uint32_t> set) {
  end_gid_ = gid + 1;
  NEARDUP_RETURN_IF_ERROR(exact_.Add({fingerprint, gid}, fingerprint));
  const size_t prefix = std::min(PrefixLength(set.size(), threshold_), set.size());
  for (size_t k = 0; k < prefix; ++k) {
    // Shingles are 32-bit hashes; spread them over the 64 bits the partitioning reads.
    const uint64_t spread = uint64_t{set[k]} * 0x9E3779B97F4A7C15ULL;
    NEARDUP_RETURN_IF_ERROR(prefix_.Add({gid, set[k], Clamp(k), Clamp(set.size())}, spread));
  }
  return absl::OkStatus();
}

// (member, head) for every passage whose exact text a passage of an earlier document has.
absl::StatusOr<std::vector<std::pair<uint64_t, uint64_t>>> CrossDocMatcher::ExactGroups(const DocOf& doc_of) {
  NEARDUP_RETURN_IF_ERROR(exact_.Seal());
  std::vector<std::vector<std::pair<uint64_t, uint64_t>>> found(kPartitions);
  std::vector<absl::Status> errors(kPartitions);
  tbb::parallel_for(size_t{0}, kPartitions, [&](size_t p) {
    std::vector<ExactRecord> records;
    if (errors[p] = exact_.Load(p, records); !errors[p].ok()) return;
    std::sort(records.begin(), records.end(), [](const ExactRecord& a, const ExactRecord& b) {
      return std::tie(a.fingerprint, a.gid) < std::tie(b.fingerprint, b.gid);
    });
    for (size_t lo = 0, hi; lo < records.size(); lo = hi) {
      for (hi = lo + 1; hi < records.size() && records[hi].fingerprint == records[lo].fingerprint;) ++hi;
      const uint32_t head_doc = hi - lo > 1 ? doc_of(records[lo].gid) : 0;
      for (size_t m = lo + 1; m < hi; ++m) {
        // The same text twice in one document is a repeat within it, not across.
        if (doc_of(records[m].gid) != head_doc) found[p].emplace_back(records[m].gid, records[lo].gid);
      }
    }
  });
  std::vector<std::pair<uint64_t, uint64_t>> members;
  for (size_t p = 0; p < kPartitions; ++p) {
    NEARDUP_RETURN_IF_ERROR(errors[p]);
    members.insert(members.end(), found[p].begin(), found[p].end());
  }
  std::sort(members.begin(), members.end());
  return members;
}

// Candidate (later, earlier) pairs of heads from the prefix records, into pairs_.
absl::Status CrossDocMatcher::NearPairs(const DocOf& doc_of, const std::vector<bool>& is_member) {
  NEARDUP_RETURN_IF_ERROR(prefix_.Seal());
  pairs_ = std::make_unique<Partitioned<PairRecord>>(kPartitions, spill_);
  tbb::spin_mutex pairs_mutex;
  std::vector<absl::Status> errors(kPartitions);
  tbb::parallel_for(size_t{0}, kPartitions, [&](size_t p) {
    std::vector<PrefixRecord> records;
    if (errors[p] = prefix_.Load(p, records); !errors[p].ok()) return;
    std::sort(records.begin(), records.end(), [](const PrefixRecord& a, const PrefixRecord& b) {
      return std::tie(a.shingle, a.gid) < std::tie(b.shingle, b.gid);
    });
    std::vector<PairRecord> pairs;
    std::vector<Head> earliest;
    for (size_t lo = 0, hi; lo < records.size(); lo = hi) {
      for (hi = lo + 1; hi < records.size() && records[hi].shingle == records[lo].shingle;) ++hi;
      if (hi - lo < 2) continue;
      earliest.clear();
      for (size_t i = lo; i < hi; ++i) {
        const PrefixRecord& r = records[i];
        if (is_member[r.gid]) continue;
        const Head v{r.gid, doc_of(r.gid), r.position, r.size};
        for (const Head& u : earliest) {
          if (u.doc != v.doc && MayReach(u, v, threshold_)) pairs.push_back({v.gid, u.gid});
        }
        if (earliest.size() < kMaxPostings) earliest.push_back(v);
      }
    }
    const tbb::spin_mutex::scoped_lock lock(pairs_mutex);
    for (const PairRecord& pair : pairs) {
      if (errors[p] = pairs_->Add(pair, RangeHash(pair.v, end_gid_)); !errors[p].ok()) return;
    }
  });
  for (const absl::Status& error : errors) NEARDUP_RETURN_IF_ERROR(error);
  return pairs_->Seal();
}

// The candidate pairs whose exact Jaccard reaches the threshold, by ascending (v, u).
absl::StatusOr<std::vector<CrossDocMatcher::Verified>> CrossDocMatcher::Verify(const ReadSet& read_set) {
  std::vector<std::vector<Verified>> found(kPartitions);
  std::vector<absl::Status> errors(kPartitions);
  tbb::parallel_for(size_t{0}, kPartitions, [&](size_t p) {
    std::vector<PairRecord> pairs;
    if (errors[p] = pairs_->Load(p, pairs); !errors[p].ok()) return;
    std::sort(pairs.begin(), pairs.end(),
              [](const PairRecord& a, const PairRecord& b) { return std::tie(a.v, a.u) < std::tie(b.v, b.u); });
    pairs.erase(std::unique(pairs.begin(), pairs.end(),
                            [](const PairRecord& a, const PairRecord& b) { return a.v == b.v && a.u == b.u; }),
                pairs.end());
    absl::flat_hash_map<uint64_t, std::vector<uint32_t>> cache;
    size_t cached = 0;
    std::vector<uint32_t> v_set;
    uint64_t loaded = UINT64_MAX;
    for (const PairRecord& pair : pairs) {
      if (pair.v != loaded) {
        if (errors[p] = read_set(pair.v, v_set); !errors[p].ok()) return;
        loaded = pair.v;
      }
      auto it = cache.find(pair.u);
      if (it == cache.end()) {
        if (cached > kCachedShingles) {
          cache.clear();
          cached = 0;
        }
        it = cache.try_emplace(pair.u).first;
        if (errors[p] = read_set(pair.u, it->second); !errors[p].ok()) return;
        cached += it->second.size();
      }
      const double j = PassageSimilarity(v_set, it->second, threshold_);
      if (j >= threshold_) found[p].push_back({pair.v, pair.u, j});
    }
  });
  std::vector<Verified> verified;
  for (size_t p = 0; p < kPartitions; ++p) {
    NEARDUP_RETURN_IF_ERROR(errors[p]);
    verified.insert(verified.end(), found[p].begin(), found[p].end());
  }
  return verified;
}

absl::StatusOr<std::vector<CrossDocMatcher::Match>> CrossDocMatcher::Matches(const DocOf& doc_of,
                                                                            const ReadSet& read_set) {
  NEARDUP_ASSIGN_OR_RETURN(const auto members, ExactGroups(doc_of));
  std::vector<bool> is_member(end_gid_, false);
  for (const auto& [member, head] : members) is_member[member] = true;
  NEARDUP_RETURN_IF_ERROR(NearPairs(doc_of, is_member));
  NEARDUP_ASSIGN_OR_RETURN(const std::vector<Verified> verified, Verify(read_set));
  pairs_.reset();

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
