#include "neardup/passages/crossdoc.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "neardup/passages/passages.h"
#include "neardup/store/set_store.h"

namespace neardup {
namespace {

// Passages of several documents fed to a matcher as the pipeline does (with the pipeline's seed
// for the band keys): gid = 10 * doc + passage.
class Passages {
 public:
  explicit Passages(SpillOptions spill = {}) : matcher_(0.8, spill), keys_(1) {}

  // Adds line `passage` of `text` as a passage of document `doc` (its only one taking part).
  void Add(uint32_t doc, uint32_t passage, const std::string& text) {
    const DocPassages p = SketchPassages(text, PassageOptions{});
    REQUIRE(p.size() > passage);
    REQUIRE(p[passage].has_shingles());
    const uint64_t gid = 10 * doc + passage;
    const std::vector<uint32_t> set = p.SetOf(p[passage]);
    sets_[gid] = set;
    std::vector<uint32_t> signature;
    std::vector<uint64_t> keys;
    std::vector<uint8_t> sketch;
    keys_.Append(set, signature, keys, sketch);
    REQUIRE(keys.size() == 12);
    REQUIRE(sketch.size() == 48);
    REQUIRE(matcher_.Add(gid, p[passage].fingerprint, keys, sketch).ok());
  }

  // Passages added are eligible unless listed in `excluded`.
  std::vector<CrossDocMatcher::Match> Matches(const std::vector<uint64_t>& excluded = {}) {
    std::vector<bool> eligible(sets_.empty() ? 0 : sets_.rbegin()->first + 1, true);
    for (const uint64_t gid : excluded) eligible[gid] = false;
    auto matches = matcher_.Matches(eligible, [](uint64_t gid) { return static_cast<uint32_t>(gid / 10); },
                                    [this](std::span<const uint64_t> gids, SetStore& store) {
                                      for (const uint64_t gid : gids) {
                                        if (absl::Status s = store.Add(gid, sets_.at(gid)); !s.ok()) return s;
                                      }
                                      return store.Seal();
                                    });
    REQUIRE(matches.ok());
    return *matches;
  }

 private:
  CrossDocMatcher matcher_;
  PassageKeys keys_;
  std::map<uint64_t, std::vector<uint32_t>> sets_;
};

const std::string kQuote = "kami sangat prihatin dengan apa yang diberikan rusia kepada pyongyang";
// 22 words, 20 word 3-grams. kNear changes the first and the last word (2 3-grams): J = 18 / 22
// with kLong. kFar changes the second word of kNear too: J = 18 / 22 with kNear, but only
// 17 / 23 with kLong.
const std::string kLong = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor";
const std::string kNear = "first bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform last";
const std::string kFar = "first second charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform last";

}  // namespace

TEST_CASE("a passage repeated from an earlier document points at the earliest copy") {
  Passages p;
  p.Add(0, 1, "intro one\n" + kQuote + "\n");
  p.Add(1, 1, "intro two\n" + kQuote + "\n");
  p.Add(2, 0, kQuote + "\n");
  // One word changed and one added: 8 and 9 word 3-grams, 6 shared: J = 6/11, not a repeat.
  p.Add(3, 1, "intro three\nkami amat prihatin dengan apa yang diberikan rusia kepada pyongyang kemarin\n");
  const std::vector<CrossDocMatcher::Match> expected{{11, 1, 1.0}, {20, 1, 1.0}};
  CHECK(p.Matches() == expected);
}

TEST_CASE("a near copy at Jaccard 0.8 or more is a repeat, with its similarity") {
  Passages p;
  p.Add(0, 0, kLong + "\n");
  p.Add(1, 0, kNear + "\n");
  const auto matches = p.Matches();
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].gid == 10);
  CHECK(matches[0].copy == 0);
  CHECK(matches[0].similarity == doctest::Approx(18.0 / 22.0));
}

TEST_CASE("only originals are copied: a repeat's own near copies do not chain to it") {
  Passages p;
  p.Add(0, 0, kLong + "\n");
  p.Add(1, 0, kNear + "\n");  // repeats document 0
  p.Add(2, 0, kFar + "\n");   // near document 1 only, which is a repeat: an original itself
  p.Add(3, 0, kNear + "\n");  // the same text as document 1: what document 1 copies, it copies
  const auto matches = p.Matches();
  REQUIRE(matches.size() == 2);
  CHECK(matches[0].gid == 10);
  CHECK(matches[0].copy == 0);
  CHECK(matches[1].gid == 30);
  CHECK(matches[1].copy == 0);
  CHECK(matches[1].similarity == doctest::Approx(18.0 / 22.0));
}

TEST_CASE("an exact copy of an original copies it, not the original's own source") {
  Passages p;
  p.Add(0, 0, kFar + "\n");
  p.Add(1, 0, kFar + "\n");
  p.Add(2, 0, kFar + "\n");
  const std::vector<CrossDocMatcher::Match> expected{{10, 0, 1.0}, {20, 0, 1.0}};
  CHECK(p.Matches() == expected);
}

TEST_CASE("passages that do not take part are neither copies nor repeats") {
  Passages p;
  p.Add(0, 0, kLong + "\n");  // claimed by another rule, say boilerplate: not an original
  p.Add(1, 0, kLong + "\n");
  p.Add(2, 0, kNear + "\n");
  p.Add(3, 0, kLong + "\n");  // of a removed document
  const auto matches = p.Matches({0, 30});
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].gid == 20);
  CHECK(matches[0].copy == 10);
}

TEST_CASE("passages sharing only a common phrase are not repeats") {
  // Each line shares one 8-word sentence with the first, and nothing else: J about 0.2.
  const std::string shared = "the minister said the talks would focus on security";
  Passages p;
  p.Add(0, 0, shared + " and trade between the two countries this week\n");
  p.Add(1, 0, shared + " while protesters gathered outside the parliament building\n");
  p.Add(2, 0, "officials declined to comment but " + shared + " matters\n");
  CHECK(p.Matches().empty());
}

TEST_CASE("matching spills to disk past its memory budget and finds the same") {
  SpillOptions spill;
  spill.memory_bytes = 64;
  Passages small(spill), large;
  for (uint32_t doc = 0; doc < 30; ++doc) {
    const std::string& text = doc % 3 == 0 ? kLong : doc % 3 == 1 ? kNear : kQuote;
    small.Add(doc, 0, text + "\n");
    large.Add(doc, 0, text + "\n");
  }
  const auto a = small.Matches();
  CHECK(a.size() == 28);  // all but the first kLong and the first kQuote
  CHECK(a == large.Matches());
}

}  // namespace neardup
