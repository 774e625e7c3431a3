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
}

TEST_CASE("the histogram draws documents and passages side by side on a log scale") {
  const std::vector<double> documents{1.0};
  std::vector<double> passages(999, 1.0);
  passages.push_back(0.85);
  const double low = HistogramLow(passages);
  const std::string svg = SvgHistogram(MakeHistogram(documents, 4, low), MakeHistogram(passages, 4, low), "pairs");
  // Two legend swatches, then one bar per series per bin (4 bins and the ones).
  CHECK(Count(svg, "<rect class=\"doc\"") == 1 + 5);
  CHECK(Count(svg, "<rect class=\"passage\"") == 1 + 5);
  // Log scale: ticks at 1, 10 and 100 (999 is the largest count); 1 document pair is a tenth of
  // the height of 999 passage pairs (log10 2 / log10 1000 of 160 units), not a thousandth.
  for (const std::string tick : {"1", "10", "100"}) CHECK(Count(svg, "text-anchor=\"end\">" + tick + "</text>") == 1);
  CHECK(Count(svg, ">1000</text>") == 0);
  CHECK(svg.find("similarity 1 (identical): 1 document pairs</title><rect class=\"doc\" x=\"208\" y=\"167.9\" "
                 "width=\"13\" height=\"16.1\"") != std::string::npos);
  CHECK(svg.find("similarity 1 (identical): 999 passage pairs</title><rect class=\"passage\" x=\"221\" "
                 "y=\"24.0\" width=\"13\" height=\"160.0\"") != std::string::npos);
}

}  // namespace neardup
