// Option values: whole numbers and fractions read strictly, where CLI11 alone would take "-1" as
// 2^64 - 1, "010" as octal and "nan" as a ratio (issue 17, defect 7).
#include "cli/validators.h"

#include <doctest/doctest.h>

#include <string>

namespace neardup::cli {
namespace {

// What the validator says of `text` ("" when it passes), and the value it passes on.
std::pair<std::string, std::string> Run(const CLI::Validator& validator, std::string text) {
  const std::string error = validator(text);
  return {error, text};
}

}  // namespace

TEST_CASE("issue17 whole numbers are decimal digits within range, passed on without leading zeros") {
  const CLI::Validator any = WholeNumber();
  CHECK(Run(any, "0") == std::pair<std::string, std::string>{"", "0"});
  CHECK(Run(any, "010") == std::pair<std::string, std::string>{"", "10"});
  CHECK(Run(any, "18446744073709551615").first.empty());
  CHECK(Run(any, "18446744073709551616").first == "must be a whole number 0 or more, got '18446744073709551616'");
  for (const std::string bad : {"-1", "+1", "1e3", "0x10", " 1", "", "1.0"}) {
    CAPTURE(bad);
    CHECK_FALSE(Run(any, bad).first.empty());
  }
  const CLI::Validator range = WholeNumber(1, 1024);
  CHECK(Run(range, "0").first == "must be a whole number from 1 to 1024, got '0'");
  CHECK(Run(range, "1025").first == "must be a whole number from 1 to 1024, got '1025'");
  CHECK(Run(range, "1024").first.empty());
}

TEST_CASE("issue17 fractions are finite decimal numbers within range") {
  const CLI::Validator ratio = Fraction();
  for (const std::string good : {"0", "1", "0.25", ".5", "1e-3", "1.0"}) {
    CAPTURE(good);
    CHECK(Run(ratio, good).first.empty());
  }
  for (const std::string bad : {"nan", "NAN", "inf", "-inf", "infinity", "-0.1", "1.5", "0x1p-3", "", "1e400", "0.5x"}) {
    CAPTURE(bad);
    CHECK(Run(ratio, bad).first == "must be a number from 0 to 1, got '" + bad + "'");
  }
}

TEST_CASE("ParseWholeNumber reads exactly the numbers that fit in 64 bits") {
  uint64_t value = 0;
  CHECK(ParseWholeNumber("18446744073709551615", value));
  CHECK(value == UINT64_MAX);
  CHECK_FALSE(ParseWholeNumber("99999999999999999999", value));
}

}  // namespace neardup::cli
