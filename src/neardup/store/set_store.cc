#include "neardup/store/set_store.h"

#include <tbb/parallel_for.h>

#include <algorithm>

#include "absl/strings/str_format.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

// Documents decoded before their sets are computed together.
constexpr size_t kBatchDocuments = 256;

}  // namespace

absl::Status SetStore::Add(uint64_t key, std::span<const uint32_t> set) {
  keys_.push_back(key);
  offsets_.push_back(data_.size());
  return data_.Append(set.data(), set.size() * sizeof(uint32_t));
}

bool SetStore::contains(uint64_t key) const { return std::binary_search(keys_.begin(), keys_.end(), key); }

absl::Status SetStore::Get(uint64_t key, std::vector<uint32_t>& out) const {
  const auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (it == keys_.end() || *it != key) {
    return absl::NotFoundError(absl::StrFormat("no stored set for %d", key));
  }
  const auto i = static_cast<size_t>(it - keys_.begin());
  const uint64_t end = i + 1 < offsets_.size() ? offsets_[i + 1] : data_.size();
  out.resize((end - offsets_[i]) / sizeof(uint32_t));
  return data_.Read(offsets_[i], out.data(), end - offsets_[i]);
}

absl::Status RevisitSets(const DocumentSource& source, std::span<const uint32_t> docs,
                         std::span<const uint64_t> positions, const SetsOf& sets_of, SetStore& store) {
  std::vector<Document> batch;
  std::vector<KeyedSets> results;
  size_t done = 0;  // documents of `docs` already stored
  const auto flush = [&]() -> absl::Status {
    results.resize(batch.size());
    tbb::parallel_for(size_t{0}, batch.size(), [&](size_t i) {
      results[i].clear();
      sets_of(docs[done + i], batch[i], results[i]);
    });
    for (size_t i = 0; i < batch.size(); ++i) {
      for (const auto& [key, set] : results[i]) NEARDUP_RETURN_IF_ERROR(store.Add(key, set));
    }
    done += batch.size();
    batch.clear();
    return absl::OkStatus();
  };
  NEARDUP_RETURN_IF_ERROR(source.Revisit(docs, positions, [&](Document&& d) -> absl::Status {
    batch.push_back(std::move(d));
    return batch.size() >= kBatchDocuments ? flush() : absl::OkStatus();
  }));
  NEARDUP_RETURN_IF_ERROR(flush());
  if (done != docs.size()) {
    return absl::DataLossError("the input changed while it was read: a document read before is missing");
  }
  return store.Seal();
}

}  // namespace neardup
