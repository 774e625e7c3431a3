#include "gen_corpus_sites.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"

namespace neardup::bench {
namespace {

constexpr std::array<std::string_view, 10> kHeaders = {
    "{site} | Home | World | Politics | Business | Tech | Sports | Opinion",
    "Breaking news, analysis and opinion from {site}, updated around the clock",
    "Subscribe to {site} for unlimited access to all of our journalism",
    "Sign in | Register | Newsletters | {site} Live",
    "Today's paper | Podcasts | Video | Events",
    "Home > News > Latest",
    "Menu",
    "Trending: Elections | Economy | Climate | Football",
    "You are reading {site}, independent news since 1998, read by millions every day",
    "Advertisement",
};

constexpr std::array<std::string_view, 14> kFooters = {
    "SHARE",
    "Share this article:",
    "Related posts",
    "Comments are closed.",
    "Back to top",
    "Print this page",
    "Follow {site} on Twitter, Facebook and Instagram for the latest news",
    "Copyright © 2024 {site}. All rights reserved. Reproduction without permission is prohibited.",
    "Sign up for the {site} newsletter and get the week's best stories in your inbox",
    "The views expressed in the comments are those of the readers, not of {site}.",
    "Got a news tip for {site}? Write to our newsroom and tell us what you know",
    "About {site} | Contact | Careers | Privacy policy | Terms of use",
    "Read more stories like this one on the {site} app, free on every phone",
    "Baca berita menarik lainnya dari {site} di Google News",
};

// `count` distinct lines of `templates`, drawn in order, with the site's name filled in.
template <size_t N>
std::vector<std::string> DrawLines(const std::array<std::string_view, N>& templates, size_t count,
                                   const std::string& site, Rng& rng) {
  std::vector<size_t> chosen;
  while (chosen.size() < count) {
    const size_t t = rng.Below(N);
    if (std::find(chosen.begin(), chosen.end(), t) == chosen.end()) chosen.push_back(t);
  }
  std::vector<std::string> lines;
  for (const size_t t : chosen) {
    // Debian's absl::string_view is not std::string_view; std::string converts to both.
    lines.push_back(absl::StrReplaceAll(std::string(templates[t]), {{"{site}", site}}));
  }
  return lines;
}

}  // namespace

Sites::Sites(size_t count, uint64_t seed) {
  double total = 0;
  for (size_t s = 0; s < count; ++s) {
    total += 1.0 / static_cast<double>(s + 1);
    cumulative_.push_back(total);
  }
  for (double& c : cumulative_) c /= total;
  for (size_t s = 0; s < count; ++s) {
    names_.push_back(absl::StrFormat("site-%02d", s + 1));
    Rng rng(DeriveSeed(seed, Stream::kSites, s));
    headers_.push_back(DrawLines(kHeaders, 1 + rng.Below(2), names_.back(), rng));
    footers_.push_back(DrawLines(kFooters, 2 + rng.Below(2), names_.back(), rng));
    size_t bytes = 0;
    for (const std::string& line : footers_.back()) bytes += line.size() + 1;
    footer_bytes_.push_back(bytes);
  }
}

size_t Sites::Draw(Rng& rng) const {
  const double u = rng.Unit();
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
  return std::min<size_t>(it - cumulative_.begin(), cumulative_.size() - 1);
}

size_t Sites::DrawOther(const std::vector<uint32_t>& taken, Rng& rng) const {
  constexpr int kTries = 64;
  for (int i = 0; i < kTries; ++i) {
    const size_t s = Draw(rng);
    if (std::find(taken.begin(), taken.end(), s) == taken.end()) return s;
  }
  if (names_.size() < 2) return taken[0];
  for (;;) {
    const size_t s = Draw(rng);
    if (s != taken[0]) return s;
  }
}

}  // namespace neardup::bench
