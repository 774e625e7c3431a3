#include "neardup/similarity/cluster.h"

#include <doctest/doctest.h>

#include <vector>

namespace neardup {

TEST_CASE("a duplicate is removed in favour of the earliest kept document") {
  const std::vector<ScoredPair> pairs{{1, 2, 0.9}, {0, 2, 0.85}};
  const Clusters c = Cluster(pairs, 3);
  CHECK_FALSE(c.removed(0));
  CHECK_FALSE(c.removed(1));
  CHECK(c.kept_as[2] == 0);
  CHECK(c.similarity[2] == 0.85);
}

TEST_CASE("no chaining: A~B and B~C with A not ~C keeps C") {
  const std::vector<ScoredPair> pairs{{0, 1, 0.9}, {1, 2, 0.9}};
  const Clusters c = Cluster(pairs, 3);
  CHECK(c.kept_as[1] == 0);
  CHECK_FALSE(c.removed(2));
}

TEST_CASE("the result does not depend on the order of the pairs") {
  const std::vector<ScoredPair> forward{{0, 3, 0.8}, {1, 3, 0.9}, {2, 4, 0.95}, {3, 4, 0.9}};
  const std::vector<ScoredPair> backward(forward.rbegin(), forward.rend());
  const Clusters a = Cluster(forward, 5), b = Cluster(backward, 5);
  CHECK(a.kept_as == b.kept_as);
  CHECK(a.kept_as == std::vector<uint32_t>{0, 1, 2, 0, 2});
}

}  // namespace neardup
