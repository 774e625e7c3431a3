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

Histogram MakeHistogram(std::span<const double> values, int bins) {
  Histogram h;
  h.bins.assign(static_cast<size_t>(std::max(bins, 1)), 0);
  for (const double v : values) h.low = std::min(h.low, std::max(0.0, std::floor(v * 20) / 20));
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

std::string SvgHistogram(const Histogram& h, std::string_view title) {
  constexpr int kColumn = 28, kPlot = 160, kLeft = 50, kTop = 10;
  const int columns = static_cast<int>(h.bins.size()) + 1;  // the last one holds the ones
  uint64_t largest = std::max<uint64_t>(h.ones, 1);
  for (const uint64_t b : h.bins) largest = std::max(largest, b);
  const int width = kLeft + (columns + 1) * kColumn + 20;
  std::string out = OpenSvg(width, kTop + kPlot + 44, title);
  out += absl::StrFormat("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>", kLeft - 6,
                         kTop + 10, largest);
  out += absl::StrFormat("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>\n", kLeft - 6, kTop + kPlot);
  const double step = (1.0 - h.low) / static_cast<double>(h.bins.size());
  for (int i = 0; i < columns; ++i) {
    const bool ones = i + 1 == columns;
    const uint64_t count = ones ? h.ones : h.bins[static_cast<size_t>(i)];
    const double height = static_cast<double>(count) / static_cast<double>(largest) * kPlot;
    const int x = kLeft + i * kColumn + (ones ? kColumn : 0);
    const double from = h.low + step * i;
    out += ones ? absl::StrFormat("<g><title>similarity 1 (identical): %d</title>", count)
                : absl::StrFormat("<g><title>similarity %.3f to %.3f: %d</title>", from, from + step, count);
    out += absl::StrFormat("<rect class=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/></g>\n",
                           ones ? "solid ones" : "solid", x + 2, kTop + kPlot - height, kColumn - 4, height);
    if (ones || i % 5 == 0) {
      out += absl::StrFormat("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + kColumn / 2,
                             kTop + kPlot + 16, ones ? std::string("1") : absl::StrFormat("%.2f", from));
    }
  }
  out += absl::StrFormat("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", kLeft,
                         kTop + kPlot, width - 10, kTop + kPlot);
  out += absl::StrFormat("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">similarity of verified pairs</text>",
                         width / 2, kTop + kPlot + 38);
  out += "</svg>";
  return out;
}

}  // namespace neardup
