#include "cli/summary.h"

#include "absl/strings/str_format.h"
#include "neardup/render/render_common.h"

namespace neardup::cli {

std::string FormatSummary(const Report& r) {
  const ReportStats& s = r.stats;
  std::string out;
  out += absl::StrFormat("documents           %10u  %12u bytes\n", s.documents, s.bytes);
  out += absl::StrFormat("duplicate documents %10u  %12u bytes  %s\n", s.duplicate_documents,
                         s.duplicate_document_bytes, FormatShare(s.duplicate_document_bytes, s.bytes, 1));
  out += absl::StrFormat("repeated passages   %10u  %12u bytes  %s\n", s.removed_passages,
                         s.removed_passage_bytes, FormatShare(s.removed_passage_bytes, s.bytes, 1));
  out += absl::StrFormat("removed in total                %12u bytes  %s\n", s.removed_bytes(),
                         FormatShare(s.removed_bytes(), s.bytes, 1));
  return out;
}

std::string FormatTimings(const RunProfile& t, double write_seconds) {
  return absl::StrFormat(
      "seconds: sign %.3f, candidates+verify %.3f, cluster %.3f, passages %.3f, write %.3f\n"
      "neardup: document pairs: %d candidates, %d verified; passage pairs across documents: %d "
      "candidates, %d with agreeing sketches, %d verified; documents read again: %d",
      t.sign, t.verify, t.cluster, t.passages, write_seconds, t.document_pairs, t.document_matches,
      t.passage_pairs, t.passage_sketched, t.passage_matches, t.documents_reread);
}

bool WriteAll(std::FILE* out, std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), out) != text.size()) return false;
  return std::fflush(out) == 0;
}

}  // namespace neardup::cli
