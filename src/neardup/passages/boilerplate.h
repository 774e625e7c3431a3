// Site boilerplate: passages (and templated lines) that recur across many documents of a source.
//
// Counting happens over every document before any decision, so whether a passage is boilerplate
// depends on the set of documents, never on their order. Passages are counted whole and, when
// they hold several sentences, sentence by sentence too, so that a site's sentence glued into a
// paragraph ("…di tempat kerja.Kirim berita dan foto anda ke redaksi.") counts wherever the
// scraper kept or dropped the line breaks. A cluster of duplicate documents counts once per
// passage however often the passage occurs in it: copies of one article are one witness, so an
// article scraped three times never makes its own text boilerplate. Occurrences are records keyed by (source, passage),
// partitioned by key and counted one partition at a time (spilling to disk past a memory
// budget), so counting needs memory for the boilerplate found, not for every passage seen.
#ifndef NEARDUP_BOILERPLATE_H_
#define NEARDUP_BOILERPLATE_H_

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/config.h"
#include "neardup/passages/passages.h"
#include "neardup/store/spill.h"

namespace neardup {

class BoilerplateCounter {
 public:
  explicit BoilerplateCounter(const SpillOptions& spill = {});

  // What Add() counts of a document's passages, computed on any thread: the distinct
  // fingerprints of its passages and sentences with content, and (opening, fingerprint) of its
  // template candidates.
  struct Occurrences {
    std::vector<uint64_t> fingerprints;  // ascending, distinct
    std::vector<std::pair<uint64_t, uint64_t>> openings;
  };
  static void Collect(std::span<const PassageSketch> passages, std::span<const PieceSketch> pieces,
                      Occurrences& out);

  // Counts document `doc` of source `source`. Documents must come with increasing `doc`, each
  // once.
  absl::Status Add(uint32_t doc, uint32_t source, const Occurrences& occurrences);
  absl::Status Add(uint32_t doc, uint32_t source, std::span<const PassageSketch> passages,
                   std::span<const PieceSketch> pieces = {});

  struct Entry {
    uint32_t source = 0;
    uint64_t key = 0;         // passage fingerprint, or opening hash for a pattern
    bool pattern = false;
    uint64_t documents = 0;   // documents it occurs in, duplicate copies counted once
    uint32_t first_doc = 0;   // the first document it occurs in
  };

  // The decisions; the counter is no longer needed afterwards.
  class Decisions {
   public:
    bool IsBoilerplate(uint32_t source, uint64_t fingerprint) const {
      return passages_.contains(Key(source, fingerprint));
    }
    bool IsPattern(uint32_t source, uint64_t opening) const {
      return opening != 0 && patterns_.contains(Key(source, opening));
    }
    const std::vector<Entry>& entries() const { return entries_; }  // by (source, first_doc, pattern, key)

   private:
    friend class BoilerplateCounter;
    absl::flat_hash_set<uint64_t> passages_;
    absl::flat_hash_set<uint64_t> patterns_;
    std::vector<Entry> entries_;
  };

  // `source_of[doc]` is each document's source, `cluster_of[doc]` the document that stands for its
  // cluster of duplicates (itself when it has none; any member, as long as all members agree),
  // `source_clusters[s]` the clusters among the documents of source s. Partitions are counted in
  // parallel.
  absl::StatusOr<Decisions> Decide(const BoilerplateOptions& options, std::span<const uint64_t> source_clusters,
                                   std::span<const uint32_t> source_of, std::span<const uint32_t> cluster_of);

  // The key a (source, hash) pair is counted and decided under.
  static uint64_t Key(uint32_t source, uint64_t h) { return h ^ (uint64_t{source} * 0x9e3779b97f4a7c15ULL); }

 private:
  struct PassageRecord {
    uint64_t key;
    uint32_t doc;
    uint32_t unused;
  };
  struct OpeningRecord {
    uint64_t key;
    uint64_t fingerprint;  // of the whole line: a template needs at least two different ones
    uint32_t doc;
    uint32_t unused;
  };

  Partitioned<PassageRecord> passages_;
  Partitioned<OpeningRecord> openings_;
};

}  // namespace neardup

#endif  // NEARDUP_BOILERPLATE_H_
