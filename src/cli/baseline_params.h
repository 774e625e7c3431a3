// The options a baseline report was made with, against those of this run: a baseline made with
// another threshold, seed or passage mode holds other findings, and matching against it is
// misleading, so `check` warns.
#ifndef NEARDUP_CLI_BASELINE_PARAMS_H_
#define NEARDUP_CLI_BASELINE_PARAMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "neardup/config.h"

namespace neardup::cli {

// "--threshold 0.8 (the baseline: 0.9)" for each option of `config` whose value differs from the
// "params" of the report `baseline_json`. Options the baseline does not record, and the LSH
// banding (which follows from the threshold and permutations), are not compared. Empty when the
// JSON cannot be read; the baseline loader reports that.
std::vector<std::string> DifferingParams(std::string_view baseline_json, const Config& config);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_BASELINE_PARAMS_H_
