#include "neardup/render/render_svg.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_format.h"
#include "neardup/render/render_common.h"

namespace neardup {
namespace {

constexpr int kLabelWidth = 260;
constexpr int kBarWidth = 520;
constexpr int kRowHeight = 24;

std::string OpenSvg(int width, int height, std::string_view title) {
  std::string out = absl::StrFormat(
      "<svg class=\"chart\" viewBox=\"0 0 %d %d\" "
      "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\"><title>%s</title>\n",
      width, height, width, height, EscapeXml(title), EscapeXml(title));
  return out;
}

// Keeps chart labels to one line of the label column; the full text stays in a tooltip.
std::string ShortLabel(const std::string& label) {
  constexpr size_t kMax = 38;
  if (label.size() <= kMax) return label;
  size_t cut = kMax - 1;
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
  std::string out = label.substr(0, cut);
  out += "\xE2\x80\xA6";  // U+2026
  return out;
}

}  // namespace

std::string SvgBarChart(std::span<const Bar> bars, std::string_view title) {
  uint64_t largest = 1;
  for (const Bar& b : bars) largest = std::max(largest, b.value + b.extra);
  const int height = static_cast<int>(bars.size()) * kRowHeight + 8;
  std::string out = OpenSvg(kLabelWidth + kBarWidth + 110, height, title);
  int y = 4;
  for (const Bar& b : bars) {
    const auto scale = [&](uint64_t v) {
      return static_cast<double>(v) / static_cast<double>(largest) * kBarWidth;
    };
    const double solid = scale(b.value);
    const double light = scale(b.extra);
    out += absl::StrFormat("<g><title>%s: %d bytes removed", EscapeXml(b.label), b.value);
    if (b.extra > 0) out += absl::StrFormat(", %d bytes reported only", b.extra);
    out += "</title>";
    out += absl::StrFormat("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", kLabelWidth - 8,
                           y + 15, EscapeXml(ShortLabel(b.label)));
    out += absl::StrFormat("<rect class=\"solid\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\"/>",
                           kLabelWidth, y + 2, solid);
    if (b.extra > 0) {
      out += absl::StrFormat("<rect class=\"light\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\"/>",
                             kLabelWidth + solid, y + 2, light);
    }
    out += absl::StrFormat("<text x=\"%.1f\" y=\"%d\">%s</text></g>\n", kLabelWidth + solid + light + 6,
                           y + 15, FormatBytes(b.value + b.extra));
    y += kRowHeight;
  }
  out += "</svg>";
  return out;
}

double HistogramLow(std::span<const double> values) {
  double low = 0.8;
  for (const double v : values) low = std::min(low, std::max(0.0, std::floor(v * 20) / 20));
  return low;
}

Histogram MakeHistogram(std::span<const double> values, int bins) { return MakeHistogram(values, bins, HistogramLow(values)); }

Histogram MakeHistogram(std::span<const double> values, int bins, double low) {
  Histogram h;
  h.low = low;
  h.bins.assign(static_cast<size_t>(std::max(bins, 1)), 0);
  const double width = (1.0 - h.low) / static_cast<double>(h.bins.size());
  for (const double v : values) {
    if (v >= 1.0 - 1e-12) {
      ++h.ones;
      continue;
    }
    const auto bin = static_cast<size_t>(std::max(0.0, (v - h.low) / width));
    ++h.bins[std::min(bin, h.bins.size() - 1)];
  }
  return h;
}

std::string SvgHistogram(const Histogram& documents, const Histogram& passages, std::string_view title) {
  constexpr int kColumn = 30, kPlot = 160, kLeft = 56, kTop = 24;
  const size_t columns = documents.bins.size() + 1;  // the last one holds the ones
  const auto count = [](const Histogram& h, size_t i) { return i < h.bins.size() ? h.bins[i] : h.ones; };
  uint64_t largest = 1;
  for (size_t i = 0; i < columns; ++i) largest = std::max({largest, count(documents, i), count(passages, i)});
  // Heights grow with log10(1 + count), so 1 is visible and the largest fills the plot; the
  // axis is labelled at each power of ten it reaches.
  const double top = std::log10(1.0 + static_cast<double>(largest));
  const auto height = [&](uint64_t n) { return std::log10(1.0 + static_cast<double>(n)) / top * kPlot; };
  const int width = kLeft + static_cast<int>(columns + 1) * kColumn + 20;
  std::string out = OpenSvg(width, kTop + kPlot + 44, title);
  out += absl::StrFormat("<rect class=\"doc\" x=\"%d\" y=\"4\" width=\"10\" height=\"10\"/>"
                         "<text x=\"%d\" y=\"13\">document pairs</text>"
                         "<rect class=\"passage\" x=\"%d\" y=\"4\" width=\"10\" height=\"10\"/>"
                         "<text x=\"%d\" y=\"13\">passage pairs</text>\n",
                         kLeft, kLeft + 14, kLeft + 130, kLeft + 144);
  for (uint64_t tick = 1; tick <= largest; tick *= 10) {
    const double y = kTop + kPlot - height(tick);
    out += absl::StrFormat("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>"
                           "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>\n",
                           kLeft - 6, y + 4, tick, kLeft, y, width - 10, y);
    if (tick > UINT64_MAX / 10) break;
  }
  const double step = (1.0 - documents.low) / static_cast<double>(documents.bins.size());
  for (size_t i = 0; i < columns; ++i) {
    const bool ones = i + 1 == columns;
    const int x = kLeft + static_cast<int>(i) * kColumn + (ones ? kColumn : 0);
    const double from = documents.low + step * static_cast<double>(i);
    const std::string range = ones ? std::string("similarity 1 (identical)")
                                   : absl::StrFormat("similarity %.3f to %.3f", from, from + step);
    const uint64_t docs = count(documents, i), pass = count(passages, i);
    out += absl::StrFormat("<g><title>%s: %d document pairs</title><rect class=\"doc\" x=\"%d\" y=\"%.1f\" "
                           "width=\"%d\" height=\"%.1f\"/></g>",
                           range, docs, x + 2, kTop + kPlot - height(docs), kColumn / 2 - 2, height(docs));
    out += absl::StrFormat("<g><title>%s: %d passage pairs</title><rect class=\"passage\" x=\"%d\" y=\"%.1f\" "
                           "width=\"%d\" height=\"%.1f\"/></g>\n",
                           range, pass, x + kColumn / 2, kTop + kPlot - height(pass), kColumn / 2 - 2, height(pass));
    if (ones || i % 5 == 0) {
      out += absl::StrFormat("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + kColumn / 2,
                             kTop + kPlot + 16, ones ? std::string("1") : absl::StrFormat("%.2f", from));
    }
  }
  out += absl::StrFormat("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", kLeft, kTop + kPlot,
                         width - 10, kTop + kPlot);
  out += absl::StrFormat("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">similarity of verified pairs "
                         "(count, log scale)</text>",
                         width / 2, kTop + kPlot + 38);
  out += "</svg>";
  return out;
}

}  // namespace neardup
