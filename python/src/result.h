// What deduplicate() returns, before the Python layer (neardup/__init__.py) dresses it: the
// engine's Report, the texts it was run on (TextStore), and every passage span converted to
// Python string indices.
#ifndef NEARDUP_PYTHON_RESULT_H_
#define NEARDUP_PYTHON_RESULT_H_

#include <pybind11/pybind11.h>

#include <memory>
#include <string>
#include <vector>

#include "neardup/neardup.h"
#include "text_store.h"

namespace neardup::python {

class NativeResult {
 public:
  NativeResult(Report report, std::unique_ptr<TextStore> store);

  // Converts the passage spans to string indices: reads the texts of the documents that have
  // (or are copied by) a passage once each. Does not touch Python: call with the GIL released.
  absl::Status Prepare();

  size_t size() const { return report_.ids.size(); }
  pybind11::list Keep() const;
  // (removed, kept, similarity, match), one per removed document, ascending removed.
  pybind11::list Duplicates() const;
  // (doc, rule, start, end, byte_start, byte_end, line, removed,
  //  copy_of: None | (doc, start, end, byte_start, byte_end), similarity, fingerprint), in the
  // report's order (ascending doc, start). For a text given as bytes, string indices are bytes.
  pybind11::list Passages() const;
  std::string ReportJson() const;
  std::string StatsJson() const;  // the report of this run without its findings: for `stats`
  // The text with its removed passages cut, as str (bytes if given as bytes); None if the
  // document is removed as a duplicate.
  pybind11::object Cleaned(size_t doc) const;
  pybind11::list CleanedTexts() const;

 private:
  Report report_;
  std::unique_ptr<TextStore> store_;
  std::vector<DocumentEdit> edits_;
  std::vector<uint64_t> char_spans_;  // 4 per passage: start, end, copy start, copy end
};

}  // namespace neardup::python

#endif  // NEARDUP_PYTHON_RESULT_H_
