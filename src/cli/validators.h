// Checks for option values that CLI11's own conversions let through: "-1" read as 2^64 - 1,
// "010" read as octal, "nan" as a ratio, and messages that name the largest double.
#ifndef NEARDUP_CLI_VALIDATORS_H_
#define NEARDUP_CLI_VALIDATORS_H_

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

namespace neardup::cli {

// A whole number in decimal digits only, from `min` to `max`. The value is passed on without
// leading zeros, so that CLI11 never reads it as octal.
CLI::Validator WholeNumber(uint64_t min = 0, uint64_t max = UINT64_MAX);

// A finite decimal number from `min` to `max`, both included.
CLI::Validator Fraction(double min = 0.0, double max = 1.0);

// The strict reading WholeNumber checks: decimal digits only, no sign, no overflow.
bool ParseWholeNumber(const std::string& text, uint64_t& value);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_VALIDATORS_H_
