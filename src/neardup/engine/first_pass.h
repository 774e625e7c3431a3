// The first pass: reads the corpus once, analyzes documents in parallel batches, and keeps what
// later stages decide on (CorpusSketch) plus the records that boilerplate counting and
// cross-document matching need, never the texts.
#ifndef NEARDUP_FIRST_PASS_H_
#define NEARDUP_FIRST_PASS_H_

#include <cstdint>
#include <functional>
#include <string_view>

#include "absl/status/statusor.h"
#include "neardup/engine/analyze.h"
#include "neardup/passages/boilerplate.h"
#include "neardup/config.h"
#include "neardup/passages/crossdoc.h"
#include "neardup/document.h"
#include "neardup/progress.h"
#include "neardup/engine/sketch.h"

namespace neardup {

// Reads `source` once. Must run inside the task arena that sets the thread count: batches are
// analyzed as tasks while the calling thread reads the next one, and results are appended in
// corpus order, so the sketch does not depend on scheduling. `progress` is called from the
// calling thread.
absl::Status SketchCorpus(const DocumentSource& source, const Analyzer& analyzer, const Config& config,
                          const ProgressFn& progress, CorpusSketch& sketch, BoilerplateCounter& boilerplate,
                          CrossDocMatcher& across);

}  // namespace neardup

#endif  // NEARDUP_FIRST_PASS_H_
