#include "neardup/passages/boilerplate.h"


#include <algorithm>
#include <tuple>

#include "neardup/base/partitions.h"
#include "neardup/base/radix_sort.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

// Partitions per kind: enough that one partition of a billion passages fits in memory.
constexpr size_t kPartitions = 64;

// The clusters of duplicate documents among `docs`: each cluster is one witness.
template <typename Record>
uint64_t Witnesses(std::span<const Record> records, std::span<const uint32_t> cluster_of, std::vector<uint32_t>& scratch) {
  scratch.clear();
  for (const Record& r : records) scratch.push_back(cluster_of[r.doc]);
  std::sort(scratch.begin(), scratch.end());
  return static_cast<uint64_t>(std::unique(scratch.begin(), scratch.end()) - scratch.begin());
}

}  // namespace

BoilerplateCounter::BoilerplateCounter(const SpillOptions& spill)
    : passages_(kPartitions, spill), openings_(kPartitions, spill) {}

void BoilerplateCounter::Collect(std::span<const PassageSketch> passages, std::span<const PieceSketch> pieces,
                                 Occurrences& out) {
  out.fingerprints.clear();
  out.openings.clear();
  const auto add = [&out](uint32_t words, uint64_t fingerprint, uint64_t opening) {
    if (words == 0) return;
    out.fingerprints.push_back(fingerprint);  // a document counts once per passage
    if (opening != 0) out.openings.emplace_back(opening, fingerprint);
  };
  for (const PassageSketch& p : passages) add(p.words, p.fingerprint, p.opening);
  for (const PieceSketch& p : pieces) add(p.words, p.fingerprint, p.opening);
  std::sort(out.fingerprints.begin(), out.fingerprints.end());
  out.fingerprints.erase(std::unique(out.fingerprints.begin(), out.fingerprints.end()), out.fingerprints.end());
}

absl::Status BoilerplateCounter::Add(uint32_t doc, uint32_t source, const Occurrences& occurrences) {
  for (const uint64_t fingerprint : occurrences.fingerprints) {
    const uint64_t key = Key(source, fingerprint);
    NEARDUP_RETURN_IF_ERROR(passages_.Add({key, doc, 0}, key));
  }
  for (const auto& [opening, fingerprint] : occurrences.openings) {
    const uint64_t key = Key(source, opening);
    NEARDUP_RETURN_IF_ERROR(openings_.Add({key, fingerprint, doc, 0}, key));
  }
  return absl::OkStatus();
}

absl::Status BoilerplateCounter::Add(uint32_t doc, uint32_t source, std::span<const PassageSketch> passages,
                                     std::span<const PieceSketch> pieces) {
  Occurrences occurrences;
  Collect(passages, pieces, occurrences);
  return Add(doc, source, occurrences);
}

absl::StatusOr<BoilerplateCounter::Decisions> BoilerplateCounter::Decide(
    const BoilerplateOptions& options, std::span<const uint64_t> source_clusters, std::span<const uint32_t> source_of,
    std::span<const uint32_t> cluster_of) {
  NEARDUP_RETURN_IF_ERROR(passages_.Seal());
  NEARDUP_RETURN_IF_ERROR(openings_.Seal());
  const auto reaches = [&](uint32_t source, uint64_t witnesses, double share) {
    const double needed = std::max(static_cast<double>(options.min_docs),
                                   share * static_cast<double>(source_clusters[source]) - 1e-9);
    return static_cast<double>(witnesses) >= needed;
  };
  const double pattern_share = std::max(options.min_share, options.pattern_min_share);
  std::vector<std::vector<Entry>> found(2 * kPartitions);
  NEARDUP_RETURN_IF_ERROR(ForEachPartition(2 * kPartitions, [&](size_t task) -> absl::Status {
    std::vector<Entry>& out = found[task];
    std::vector<uint32_t> clusters;
    if (task < kPartitions) {
      std::vector<PassageRecord> records;
      NEARDUP_RETURN_IF_ERROR(passages_.Load(task, records));
      std::vector<PassageRecord> scratch;
      RadixSort(records, scratch, [](const PassageRecord& r) { return r.key; });
      for (size_t lo = 0, hi; lo < records.size(); lo = hi) {
        for (hi = lo + 1; hi < records.size() && records[hi].key == records[lo].key;) ++hi;
        const uint32_t source = source_of[records[lo].doc];
        // One record per document and key: fewer records than needed cannot reach it.
        if (!reaches(source, hi - lo, options.min_share)) continue;
        const std::span<const PassageRecord> group(records.data() + lo, hi - lo);
        const uint64_t witnesses = Witnesses(group, cluster_of, clusters);
        if (reaches(source, witnesses, options.min_share)) {
          out.push_back({source, Key(source, records[lo].key), false, witnesses, records[lo].doc});
        }
      }
      return absl::OkStatus();
    }
    std::vector<OpeningRecord> records;
    NEARDUP_RETURN_IF_ERROR(openings_.Load(task - kPartitions, records));
    std::vector<OpeningRecord> scratch;
    RadixSort(records, scratch, [](const OpeningRecord& r) { return r.key; });
    for (size_t lo = 0, hi; lo < records.size(); lo = hi) {
      bool varied = false;
      for (hi = lo + 1; hi < records.size() && records[hi].key == records[lo].key; ++hi) {
        varied = varied || records[hi].fingerprint != records[lo].fingerprint;
      }
      const uint32_t source = source_of[records[lo].doc];
      if (!varied) continue;
      const std::span<const OpeningRecord> group(records.data() + lo, hi - lo);
      const uint64_t witnesses = Witnesses(group, cluster_of, clusters);
      if (reaches(source, witnesses, pattern_share)) {
        out.push_back({source, Key(source, records[lo].key), true, witnesses, records[lo].doc});
      }
    }
    return absl::OkStatus();
  }));
  Decisions d;
  for (size_t task = 0; task < found.size(); ++task) {
    for (const Entry& e : found[task]) {
      (e.pattern ? d.patterns_ : d.passages_).insert(Key(e.source, e.key));
      d.entries_.push_back(e);
    }
  }
  // Partition order follows hashes; the output must not.
  std::sort(d.entries_.begin(), d.entries_.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.source, a.first_doc, a.pattern, a.key) < std::tie(b.source, b.first_doc, b.pattern, b.key);
  });
  return d;
}

}  // namespace neardup
