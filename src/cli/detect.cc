#include "cli/detect.h"

#include "cli/progress.h"
#include "neardup/io/corpus.h"
#include "neardup/base/status_macros.h"

namespace neardup::cli {

absl::StatusOr<Detection> Detect(const CommonOptions& options) {
  NEARDUP_ASSIGN_OR_RETURN(const Config config, MakeConfig(options));
  NEARDUP_ASSIGN_OR_RETURN(InputSet inputs, ResolveInputs(options.inputs));
  RunProfile seconds;
  absl::StatusOr<Report> report;
  {
    // The line is erased when this scope ends, before anything else is printed.
    ProgressLine progress(WantProgress(options), KnownInputBytes(inputs));
    const InputCorpus corpus(inputs, MakeJsonlOptions(options));
    report = Deduplicate(corpus, config, progress.callback(), &seconds);
  }
  if (!report.ok()) return report.status();
  return Detection{std::move(inputs), *std::move(report), seconds};
}

}  // namespace neardup::cli
