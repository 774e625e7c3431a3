// Stable LSD radix sort of records by an integer key: the sort behind every partition of keyed
// records (boilerplate counts, cross-document matching, LSH buckets). Records arrive in corpus
// order, so sorting stably by key alone gives (key, corpus order), and a radix sort does that in
// a few linear passes where a comparison sort takes log n of them.
#ifndef NEARDUP_RADIX_SORT_H_
#define NEARDUP_RADIX_SORT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace neardup {

// Sorts `v` stably by key(record), of which only the low `key_bits` bits may be set; `scratch`
// is working memory (kept by the caller so that repeated sorts do not allocate). Linear in
// v.size() * key_bits / 11.
template <typename T, typename KeyFn>
void RadixSort(std::vector<T>& v, std::vector<T>& scratch, KeyFn key, int key_bits = 64) {
  constexpr int kDigitBits = 11;
  constexpr size_t kBuckets = size_t{1} << kDigitBits;
  if (v.size() < 2) return;
  scratch.resize(v.size());
  std::array<size_t, kBuckets> count;
  for (int shift = 0; shift < key_bits; shift += kDigitBits) {
    count.fill(0);
    for (const T& x : v) ++count[(static_cast<uint64_t>(key(x)) >> shift) & (kBuckets - 1)];
    // A digit all records share sorts nothing.
    if (count[(static_cast<uint64_t>(key(v[0])) >> shift) & (kBuckets - 1)] == v.size()) continue;
    size_t sum = 0;
    for (size_t& c : count) {
      const size_t n = c;
      c = sum;
      sum += n;
    }
    for (const T& x : v) scratch[count[(static_cast<uint64_t>(key(x)) >> shift) & (kBuckets - 1)]++] = x;
    v.swap(scratch);
  }
}

}  // namespace neardup

#endif  // NEARDUP_RADIX_SORT_H_
