#include "neardup/crossdoc.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace neardup {

TEST_CASE("a passage repeated from an earlier document is found, the earliest copy first") {
  const std::string quote = "kami sangat prihatin dengan apa yang diberikan rusia kepada pyongyang";
  std::vector<std::vector<PassageSketch>> docs;
  for (const std::string& text : std::vector<std::string>{"intro one\n" + quote + "\n", "intro two\n" + quote + "\n",
                                  "intro three\nkami amat prihatin dengan apa yang diberikan rusia kepada pyongyang kemarin\n",
                                  "short line\n"}) {
    docs.push_back(SketchPassages(text, PassageOptions{}));
  }
  CrossDocIndex index(docs, 0.8);
  CHECK_FALSE(index.Find(docs[0][1]).has_value());
  index.Add({0, 0});
  index.Add({0, 1});
  index.Add({1, 1});
  const auto exact = index.Find(docs[1][1]);
  REQUIRE(exact.has_value());
  CHECK(exact->copy == PassageRef{0, 1});
  CHECK(exact->similarity == 1.0);
  // One word changed and one added: 10 and 11 words, 8 and 9 word 3-grams, 6 shared: J = 6/11.
  CHECK_FALSE(index.Find(docs[2][1]).has_value());
  // Passages under eight words never take part.
  CHECK_FALSE(index.Find(docs[3][0]).has_value());
}

}  // namespace neardup
