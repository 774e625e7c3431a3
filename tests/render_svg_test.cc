#include "neardup/render/render_svg.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace neardup {
namespace {

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a bar chart draws one solid bar per entry and a light one for extra bytes") {
  const std::vector<Bar> bars{{"repeat-within", 1000, 0}, {"repeat-across", 200, 300}, {"<site>", 0, 0}};
  const std::string svg = SvgBarChart(bars, "Duplicate bytes per rule");
  CHECK(svg.find("<svg class=\"chart\" viewBox=") == 0);
  CHECK(Count(svg, "<rect class=\"solid\"") == 3);
  CHECK(Count(svg, "<rect class=\"light\"") == 1);
  CHECK(svg.find("width=\"520.0\"") != std::string::npos);  // the largest fills the width
  CHECK(svg.find("&lt;site&gt;") != std::string::npos);
  CHECK(svg.find("<site>") == std::string::npos);
}

TEST_CASE("the similarity histogram keeps identical pairs in a bin of their own") {
  const std::vector<double> values{1.0, 1.0, 0.805, 0.955, 0.999};
  const Histogram h = MakeHistogram(values);
  CHECK(h.low == 0.8);
  CHECK(h.ones == 2);
  REQUIRE(h.bins.size() == 20);
  CHECK(h.bins[0] == 1);   // 0.805 in [0.80, 0.81)
  CHECK(h.bins[15] == 1);  // 0.955 in [0.95, 0.96)
  CHECK(h.bins[19] == 1);  // 0.999 in [0.99, 1)
}

TEST_CASE("the histogram reaches down to the lowest similarity") {
  const std::vector<double> values{0.42, 0.9};
  const Histogram h = MakeHistogram(values, 10);
  CHECK(h.low == doctest::Approx(0.4));
  CHECK(h.bins[0] == 1);
  CHECK(h.bins[8] == 1);
  const std::string svg = SvgHistogram(h, "similarities");
  CHECK(Count(svg, "<rect ") == 11);
}

}  // namespace neardup
