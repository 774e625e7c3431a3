#include "neardup/config.h"

#include <charconv>
#include <thread>

#include "absl/strings/str_format.h"

namespace neardup {

std::string ShingleSpec::ToString() const {
  return absl::StrFormat("%s:%d", kind == ShingleKind::kWord ? "word" : "char", k);
}

absl::StatusOr<ShingleSpec> ParseShingleSpec(std::string_view text) {
  const size_t colon = text.find(':');
  const std::string_view kind = text.substr(0, colon);
  ShingleSpec spec;
  if (colon == std::string_view::npos || (kind != "word" && kind != "char")) {
    return absl::InvalidArgumentError(
        absl::StrFormat("--shingle must be word:K or char:K, got '%s'", std::string(text)));
  }
  spec.kind = kind == "word" ? ShingleKind::kWord : ShingleKind::kChar;
  const std::string_view number = text.substr(colon + 1);
  const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), spec.k);
  if (ec != std::errc() || ptr != number.data() + number.size() || spec.k < 1 || spec.k > 64) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "--shingle K must be a whole number from 1 to 64, got '%s'", std::string(text)));
  }
  return spec;
}

absl::Status Validate(const Config& config) {
  if (!(config.threshold > 0.0 && config.threshold <= 1.0)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("--threshold must be in (0, 1], got %g", config.threshold));
  }
  if (config.num_perm < 1 || config.num_perm > 1024) {
    return absl::InvalidArgumentError(
        absl::StrFormat("--num-perm must be from 1 to 1024, got %d", config.num_perm));
  }
  if (config.threads < 0 || config.threads > 1024) {
    return absl::InvalidArgumentError(
        absl::StrFormat("--threads must be from 0 (all cores) to 1024, got %d", config.threads));
  }
  if (config.shingle.k < 1 || config.shingle.k > 64) {
    return absl::InvalidArgumentError("--shingle K must be from 1 to 64");
  }
  const PassageOptions& p = config.passages;
  if (!(p.near_threshold > 0.0 && p.near_threshold <= 1.0) || p.shingle_words < 1 ||
      p.segment.long_line_bytes == 0) {
    return absl::InvalidArgumentError("passage options out of range");
  }
  const BoilerplateOptions& b = config.boilerplate;
  if (b.min_docs < 2) return absl::InvalidArgumentError("--boilerplate-min-docs must be at least 2");
  if (!(b.min_share >= 0.0 && b.min_share <= 1.0)) {
    return absl::InvalidArgumentError("--boilerplate-min-share must be in [0, 1]");
  }
  if (!(config.containment >= 0.0 && config.containment <= 1.0)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("--containment must be in (0, 1], got %g", config.containment));
  }
  if (config.keep == KeepPolicy::kField && config.keep_field.empty()) {
    return absl::InvalidArgumentError("--keep field:NAME needs a field name");
  }
  if (config.min_tandem_words < 2) return absl::InvalidArgumentError("--min-tandem-words must be at least 2");
  return absl::OkStatus();
}

int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

}  // namespace neardup
