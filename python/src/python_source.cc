#include "python_source.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace py = pybind11;

namespace neardup::python {
namespace {

// One batch: enough to keep the engine's readers busy between two takes of the GIL, small
// enough that other Python threads are not kept waiting long.
constexpr size_t kBatchDocuments = 512;
constexpr size_t kBatchBytes = size_t{4} << 20;

// What the source returns when a Python exception stops the run; the engine passes it back
// unchanged, and the caller raises the exception the source kept instead.
absl::Status Stopped() { return absl::CancelledError("neardup: stopped by a Python exception"); }

std::string Location(uint64_t doc) { return absl::StrCat("texts[", doc, "]"); }

// The UTF-8 of a str. Lone surrogates (which strict UTF-8 refuses) are encoded as their three
// bytes, so that every code point is one UTF-8 sequence and spans map back to string indices.
std::string Utf8(PyObject* text) {
  Py_ssize_t size = 0;
  if (const char* data = PyUnicode_AsUTF8AndSize(text, &size); data != nullptr) {
    return std::string(data, static_cast<size_t>(size));
  }
  PyErr_Clear();
  const py::object bytes =
      py::reinterpret_steal<py::object>(PyUnicode_AsEncodedString(text, "utf-8", "surrogatepass"));
  if (!bytes) throw py::error_already_set();
  return std::string(PyBytes_AS_STRING(bytes.ptr()), static_cast<size_t>(PyBytes_GET_SIZE(bytes.ptr())));
}

std::string TypeName(PyObject* object) { return Py_TYPE(object)->tp_name; }

// Next item of an iterator, or a null object at its end (a Python error raises).
py::object Next(const py::object& iterator) {
  py::object item = py::reinterpret_steal<py::object>(PyIter_Next(iterator.ptr()));
  if (!item && PyErr_Occurred()) throw py::error_already_set();
  return item;
}

// An id or a source: str, or an int (ids from a DataFrame index), as text.
std::string Label(const py::object& item, const char* what, uint64_t doc) {
  if (PyUnicode_Check(item.ptr())) return Utf8(item.ptr());
  if (PyLong_Check(item.ptr()) && !PyBool_Check(item.ptr())) return py::str(item).cast<std::string>();
  throw py::type_error(absl::StrCat(what, "[", doc, "]: expected str or int, got ", TypeName(item.ptr())));
}

}  // namespace

PythonSource::PythonSource(py::handle texts, py::handle ids, py::handle sources, TextStore& store)
    : texts_(py::iter(texts)),
      ids_(ids.is_none() ? py::none() : py::object(py::iter(ids))),
      sources_(sources.is_none() ? py::none() : py::object(py::iter(sources))),
      store_(store) {}

PythonSource::~PythonSource() = default;

void PythonSource::KeepError() const {
  if (!error_) error_ = std::current_exception();
}

void PythonSource::RaiseIfError() const {
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

absl::Status PythonSource::ForEach(const DocumentVisitor& visit) const {
  return read_ ? ReadStore(visit) : ReadPython(visit);
}

bool PythonSource::NextBatch(std::vector<Document>& batch, std::vector<bool>& is_bytes) const {
  // Ctrl-C in a notebook: the signal handler only sets a flag; this turns it into an exception.
  if (PyErr_CheckSignals() != 0) throw py::error_already_set();
  size_t bytes = 0;
  while (batch.size() < kBatchDocuments && bytes < kBatchBytes) {
    const py::object item = Next(texts_);
    if (!item) {
      if (!ids_.is_none() && Next(ids_)) throw py::value_error("ids has more items than texts");
      if (!sources_.is_none() && Next(sources_)) throw py::value_error("sources has more items than texts");
      return false;
    }
    Document doc;
    PyObject* text = item.ptr();
    bool as_bytes = false;
    if (PyUnicode_Check(text)) {
      doc.text = Utf8(text);
    } else if (PyBytes_Check(text)) {
      doc.text.assign(PyBytes_AS_STRING(text), static_cast<size_t>(PyBytes_GET_SIZE(text)));
      as_bytes = true;
    } else if (PyByteArray_Check(text)) {
      doc.text.assign(PyByteArray_AS_STRING(text), static_cast<size_t>(PyByteArray_GET_SIZE(text)));
      as_bytes = true;
    } else {
      throw py::type_error(absl::StrCat("texts[", count_, "]: expected str or bytes, got ", TypeName(text)));
    }
    if (ids_.is_none()) {
      doc.id = absl::StrCat(count_);
    } else {
      const py::object id = Next(ids_);
      if (!id) throw py::value_error("ids has fewer items than texts");
      doc.id = Label(id, "ids", count_);
    }
    if (!sources_.is_none()) {
      const py::object source = Next(sources_);
      if (!source) throw py::value_error("sources has fewer items than texts");
      doc.source = Label(source, "sources", count_);
    }
    doc.location = Location(count_);
    bytes += doc.text.size();
    ++count_;
    batch.push_back(std::move(doc));
    is_bytes.push_back(as_bytes);
  }
  return true;
}

absl::Status PythonSource::ReadPython(const DocumentVisitor& visit) const {
  std::vector<Document> batch;
  std::vector<bool> is_bytes;
  for (bool more = true; more;) {
    batch.clear();
    is_bytes.clear();
    {
      py::gil_scoped_acquire gil;
      if (error_) return Stopped();
      try {
        more = NextBatch(batch, is_bytes);
      } catch (...) {
        KeepError();
        return Stopped();
      }
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      Document& doc = batch[i];
      const absl::StatusOr<uint64_t> position = store_.Append(doc.id, doc.source, doc.text, is_bytes[i]);
      if (!position.ok()) return position.status();
      doc.position = *position;
      if (absl::Status s = visit(std::move(doc)); !s.ok()) return s;
    }
  }
  if (absl::Status s = store_.Finish(); !s.ok()) return s;
  read_ = true;
  return absl::OkStatus();
}

absl::Status PythonSource::ReadStore(const DocumentVisitor& visit) const {
  for (size_t doc = 0; doc < store_.size(); ++doc) {
    absl::StatusOr<StoredText> stored = store_.Read(store_.position(doc));
    if (!stored.ok()) return stored.status();
    Document d{std::move(stored->id), std::move(stored->text), Location(doc), std::move(stored->source), {},
               store_.position(doc)};
    if (absl::Status s = visit(std::move(d)); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status PythonSource::Revisit(std::span<const uint32_t> docs, std::span<const uint64_t> positions,
                                   const DocumentVisitor& visit) const {
  if (!read_) return DocumentSource::Revisit(docs, positions, visit);
  for (size_t i = 0; i < docs.size(); ++i) {
    absl::StatusOr<StoredText> stored = store_.Read(positions[i]);
    if (!stored.ok()) return stored.status();
    Document d{std::move(stored->id), std::move(stored->text), Location(docs[i]), std::move(stored->source), {},
               positions[i]};
    if (absl::Status s = visit(std::move(d)); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace neardup::python
