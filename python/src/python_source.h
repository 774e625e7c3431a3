// A DocumentSource over Python iterables of texts (and optionally ids and sources), read once.
//
// The engine runs with the GIL released. The first ForEach() takes the GIL for one batch of
// items at a time (a few hundred documents or a few megabytes), converts them, lets it go, and
// hands them to the engine; each text is also appended to a TextStore, which serves every later
// reading (ForEach again, Revisit) without Python. So the iterator is never materialized, and
// other Python threads run between batches.
//
// A Python exception (from the iterator, a bad item, Ctrl-C, the progress callback) stops the
// run: the source keeps it, and the caller re-raises it once the engine has returned.
#ifndef NEARDUP_PYTHON_PYTHON_SOURCE_H_
#define NEARDUP_PYTHON_PYTHON_SOURCE_H_

#include <pybind11/pybind11.h>

#include <exception>
#include <memory>

#include "neardup/document.h"
#include "text_store.h"

namespace neardup::python {

class PythonSource : public DocumentSource {
 public:
  // `ids` and `sources` may be None: ids are then "0", "1", ... and every document has the
  // source "". Called with the GIL held.
  PythonSource(pybind11::handle texts, pybind11::handle ids, pybind11::handle sources, TextStore& store);
  ~PythonSource() override;  // needs the GIL: it drops Python references

  absl::Status ForEach(const DocumentVisitor& visit) const override;
  absl::Status Revisit(std::span<const uint32_t> docs, std::span<const uint64_t> positions,
                       const DocumentVisitor& visit) const override;

  // Keeps the Python exception being handled (call inside a catch, with the GIL held) and makes
  // every later batch stop the run.
  void KeepError() const;
  // Re-raises the kept exception, if any. With the GIL held.
  void RaiseIfError() const;

 private:
  absl::Status ReadPython(const DocumentVisitor& visit) const;
  absl::Status ReadStore(const DocumentVisitor& visit) const;
  // Converts up to one batch of items into `batch`; false at the end of `texts`.
  bool NextBatch(std::vector<Document>& batch, std::vector<bool>& is_bytes) const;

  pybind11::object texts_, ids_, sources_;  // iterators; ids_/sources_ may be None
  TextStore& store_;
  mutable bool read_ = false;  // the iterators are consumed; read the store
  mutable uint64_t count_ = 0;
  mutable std::exception_ptr error_;
};

}  // namespace neardup::python

#endif  // NEARDUP_PYTHON_PYTHON_SOURCE_H_
