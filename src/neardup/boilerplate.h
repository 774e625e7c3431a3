// Site boilerplate: passages (and templated lines) that recur across many documents of a source.
//
// Counting happens over every document before any decision, so whether a passage is boilerplate
// depends on the set of documents, never on their order. A document counts once per passage
// however often the passage occurs in it.
#ifndef NEARDUP_BOILERPLATE_H_
#define NEARDUP_BOILERPLATE_H_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "neardup/config.h"
#include "neardup/passages.h"

namespace neardup {

class BoilerplateCounter {
 public:
  // Counts the passages of document `doc` of source `source`. Documents must come with
  // increasing `doc`.
  void Add(uint32_t doc, uint32_t source, std::span<const PassageSketch> passages);

  struct Entry {
    uint32_t source = 0;
    uint64_t key = 0;         // passage fingerprint, or opening hash for a pattern
    bool pattern = false;
    uint64_t documents = 0;
    uint32_t first_doc = 0;   // where it was first seen, to show its text
    uint32_t first_passage = 0;
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
    const std::vector<Entry>& entries() const { return entries_; }  // by (source, first seen)

   private:
    friend class BoilerplateCounter;
    static uint64_t Key(uint32_t source, uint64_t h) { return h ^ (uint64_t{source} * 0x9e3779b97f4a7c15ULL); }
    absl::flat_hash_set<uint64_t> passages_;
    absl::flat_hash_set<uint64_t> patterns_;
    std::vector<Entry> entries_;
  };

  Decisions Decide(const BoilerplateOptions& options, std::span<const uint64_t> source_documents) const;

 private:
  struct Count {
    uint64_t documents = 0;
    uint32_t last_doc = UINT32_MAX;
    uint32_t first_doc = 0;
    uint32_t first_passage = 0;
    uint32_t source = 0;
    uint64_t tail = 0;      // patterns: the first full-line fingerprint seen
    bool varied = false;    // patterns: a second, different line seen
  };
  static void Bump(Count& c, uint32_t doc, uint32_t source, uint32_t passage);
  absl::flat_hash_map<uint64_t, Count> passages_;
  absl::flat_hash_map<uint64_t, Count> openings_;
  absl::flat_hash_map<uint64_t, uint64_t> keys_;  // map key -> fingerprint/opening, for entries
};

}  // namespace neardup

#endif  // NEARDUP_BOILERPLATE_H_
