// neardup: finds duplicate documents and repeated passages in a text corpus, and says what to
// remove. This header is the library's whole public interface.
//
// Example: three documents in memory, the third a copy of the first.
//
//   #include <neardup/neardup.h>
//
//   neardup::MemorySource corpus = neardup::MemorySource::FromTexts({text_a, text_b, text_a});
//   neardup::Config config;  // Jaccard 0.8 on word 5-grams, 128 permutations, seed 1
//   absl::StatusOr<neardup::Report> report = neardup::Deduplicate(corpus, config);
//   if (!report.ok()) return report.status();
//   for (const neardup::DocumentCluster& c : report->clusters) {
//     for (const neardup::RemovedDocument& d : c.removed) {
//       std::cout << report->ids[d.doc] << " repeats " << report->ids[c.kept] << "\n";  // 2 repeats 0
//     }
//   }
//   WriteReportJson(*report, [](std::string_view piece) { std::cout << piece; });
//   std::vector<neardup::DocumentEdit> edits = neardup::CleanEdits(*report);  // drop 2; cut passages
//
// A corpus on disk is read through your own DocumentSource (document.h): the engine reads it once
// in order and then, for verification, only the documents it needs again, so memory holds a few
// hundred bytes per document, never the texts.
//
// Layering. include/neardup/ (config.h, document.h, progress.h, report.h, this file) depends on the
// standard library and absl::Status only, and is all that is installed. Behind it, src/neardup/
// holds one folder per role, each a library that depends only on those below it:
//   base <- api <- {text, similarity, store} <- passages <- engine
// and, outside the engine, io and render on the api, check on render and io, quality on io and
// engine. The neardup command (src/cli/) is one client of this interface among others.
#ifndef NEARDUP_NEARDUP_H_
#define NEARDUP_NEARDUP_H_

#include <vector>

#include "absl/status/statusor.h"
#include "neardup/config.h"
#include "neardup/document.h"
#include "neardup/progress.h"
#include "neardup/report.h"

namespace neardup {

// Runs every stage on `source` on config.threads threads and reports what it found: duplicate
// documents (each verified against the document kept in its place) and repeated passages, each
// with the span it copies. Errors: an invalid config, the first error of the source, a temporary
// file that cannot be written. The result depends only on the documents, the config and the
// seed, never on config.threads. `progress` (may be empty) is called from the calling thread.
// Reads the source once, then again only for the documents that verification and the boilerplate
// texts need.
absl::StatusOr<Report> Deduplicate(const DocumentSource& source, const Config& config,
                                   const ProgressFn& progress = nullptr);

// The edits that turn the corpus into its cleaned form: drop removed documents, cut removed
// passages from kept ones. One entry per document, in corpus order.
std::vector<DocumentEdit> CleanEdits(const Report& report);

}  // namespace neardup

#endif  // NEARDUP_NEARDUP_H_
