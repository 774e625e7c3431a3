// The sites of the wire-heavy corpus: how many pages each publishes (Zipf: the k-th largest site
// publishes in proportion to 1/k, so with 40 sites the largest has 23% of the pages and the
// smallest 0.6%), and the header and footer lines each puts on its pages.
//
// Each site has 1 or 2 header lines and 2 or 3 footer lines, drawn from templates of the kind
// news sites put around an article ("{site} | Home | World | ...", "Follow {site} on Twitter,
// Facebook and Instagram"); lines of 8 words or more name the site, so two sites never share a
// line long enough for the engine's cross-document rule.
#ifndef NEARDUP_BENCH_GEN_CORPUS_SITES_H_
#define NEARDUP_BENCH_GEN_CORPUS_SITES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gen_corpus_rng.h"

namespace neardup::bench {

// Built once, then only read.
class Sites {
 public:
  // Precondition: count >= 1.
  Sites(size_t count, uint64_t seed);

  // A site drawn by its share of the pages.
  size_t Draw(Rng& rng) const;
  // A site drawn the same way that is not in `taken` (a wire story's publishers), while draws
  // find one within a few dozen tries; else one other than taken[0] (when there are two sites).
  size_t DrawOther(const std::vector<uint32_t>& taken, Rng& rng) const;

  const std::vector<std::string>& names() const { return names_; }
  const std::vector<std::string>& header(size_t site) const { return headers_[site]; }
  const std::vector<std::string>& footer(size_t site) const { return footers_[site]; }
  // Bytes of the footer lines, newlines included.
  size_t footer_bytes(size_t site) const { return footer_bytes_[site]; }

 private:
  std::vector<std::string> names_;
  std::vector<double> cumulative_;  // share of the pages of sites 0..s
  std::vector<std::vector<std::string>> headers_, footers_;
  std::vector<size_t> footer_bytes_;
};

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_GEN_CORPUS_SITES_H_
