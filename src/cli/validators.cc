#include "cli/validators.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "absl/strings/str_format.h"

namespace neardup::cli {

bool ParseWholeNumber(const std::string& text, uint64_t& value) {
  if (text.empty() || text.size() > 40) return false;
  value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    const auto digit = static_cast<uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return false;
    value = value * 10 + digit;
  }
  return true;
}

CLI::Validator WholeNumber(uint64_t min, uint64_t max) {
  const std::string range = max == UINT64_MAX ? absl::StrFormat("%d or more", min)
                                              : absl::StrFormat("from %d to %d", min, max);
  // Empty description: the metavariable alone names the value in --help.
  return CLI::Validator(
      [min, max, range](std::string& text) {
        uint64_t value = 0;
        if (!ParseWholeNumber(text, value) || value < min || value > max) {
          return absl::StrFormat("must be a whole number %s, got '%s'", range, text);
        }
        text = absl::StrFormat("%d", value);
        return std::string();
      },
      "");
}

CLI::Validator Fraction(double min, double max) {
  return CLI::Validator(
      [min, max](std::string& text) {
        const char* begin = text.c_str();
        char* end = nullptr;
        errno = 0;
        const double value = std::strtod(begin, &end);
        const bool number = !text.empty() && end == begin + text.size() && errno == 0 &&
                            text.find_first_of("xXnN") == std::string::npos;  // no hex, nan, inf
        if (!number || !std::isfinite(value) || value < min || value > max) {
          return absl::StrFormat("must be a number from %g to %g, got '%s'", min, max, text);
        }
        return std::string();
      },
      "");
}

}  // namespace neardup::cli
