// Shingle sets read back for verification. The first pass keeps no shingle sets: once the
// candidates are known, only their documents are read again (DocumentSource::Revisit), their sets
// computed in parallel and stored here, in memory while small and in a spill file beyond that.
#ifndef NEARDUP_SET_STORE_H_
#define NEARDUP_SET_STORE_H_

#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "neardup/document.h"
#include "neardup/store/spill.h"

namespace neardup {

// Sorted sets keyed by a number (a document index, a passage gid). Add() with ascending keys, then
// Seal(); afterwards Get() is thread-safe.
class SetStore {
 public:
  explicit SetStore(const SpillOptions& spill = {}) : data_(spill) {}

  absl::Status Add(uint64_t key, std::span<const uint32_t> set);
  absl::Status Seal() { return data_.Seal(); }
  bool contains(uint64_t key) const;
  // NotFound for a key never added.
  absl::Status Get(uint64_t key, std::vector<uint32_t>& out) const;

 private:
  std::vector<uint64_t> keys_;
  std::vector<uint64_t> offsets_;  // offsets_[i]: where set i starts; its end is the next start
  SpillFile data_;
};

// The sets of one revisited document: (key, set) pairs, keys ascending.
using KeyedSets = std::vector<std::pair<uint64_t, std::vector<uint32_t>>>;
// Computes the sets of document `doc`; called on several threads at once.
using SetsOf = std::function<void(uint32_t doc, const Document& document, KeyedSets& out)>;

// Reads documents `docs` (ascending, with their positions) again and stores the sets `sets_of`
// computes for each, in order. Runs the computations as tasks of the current arena.
absl::Status RevisitSets(const DocumentSource& source, std::span<const uint32_t> docs,
                         std::span<const uint64_t> positions, const SetsOf& sets_of, SetStore& store);

}  // namespace neardup

#endif  // NEARDUP_SET_STORE_H_
