// Inline SVG charts for the HTML report: no scripts, no fonts, no network; sized in the SVG's own
// units so that the page scales them.
#ifndef NEARDUP_RENDER_SVG_H_
#define NEARDUP_RENDER_SVG_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace neardup {

struct Bar {
  std::string label;
  uint64_t value = 0;  // drawn solid
  uint64_t extra = 0;  // drawn light after `value` (e.g. bytes reported but not removed)
};

// Horizontal bars, one per entry in the given order, scaled to the largest value + extra, each
// labelled with its text and its figure in bytes. `title` names the chart for screen readers.
std::string SvgBarChart(std::span<const Bar> bars, std::string_view title);

// Counts of `values` (in [0, 1]) in equal bins from a lower bound to 1, the lower bound being
// 0.8 or, when some value is lower, that value rounded down to a multiple of 0.05; values of
// exactly 1 (identical after normalization) get a bin of their own.
struct Histogram {
  double low = 0.8;
  std::vector<uint64_t> bins;  // equal widths over [low, 1)
  uint64_t ones = 0;           // values equal to 1
};
Histogram MakeHistogram(std::span<const double> values, int bins = 20);
// The same over bins from `low` (a value below it counts in the first bin), so that two series
// share their bins; HistogramLow gives the lower bound MakeHistogram would choose for `values`.
Histogram MakeHistogram(std::span<const double> values, int bins, double low);
double HistogramLow(std::span<const double> values);

// The similarities of verified document pairs and of verified passage pairs side by side in each
// bin (same bins), bar heights on a logarithmic scale (1, 10, 100, ...) so that a handful of
// documents stays visible next to thousands of passages. Each bar's tooltip gives its count.
std::string SvgHistogram(const Histogram& documents, const Histogram& passages, std::string_view title);

}  // namespace neardup

#endif  // NEARDUP_RENDER_SVG_H_
