#include "result.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/strings/str_format.h"

namespace py = pybind11;

namespace neardup::python {
namespace {

// A UTF-8 continuation byte (10xxxxxx); every other byte starts a code point.
bool Continuation(unsigned char byte) { return (byte & 0xc0) == 0x80; }

// Raises the Python error a failed status stands for (a read of the texts' temporary file).
[[noreturn]] void RaiseIo(const absl::Status& status) {
  PyErr_SetString(PyExc_OSError, std::string(status.message()).c_str());
  throw py::error_already_set();
}

StoredText ReadOrRaise(const TextStore& store, size_t doc) {
  absl::StatusOr<StoredText> text = store.Read(store.position(doc));
  if (!text.ok()) RaiseIo(text.status());
  return std::move(*text);
}

py::str Decode(std::string_view utf8) {
  PyObject* s = PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()), "surrogatepass");
  if (s == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(s);
}

}  // namespace

NativeResult::NativeResult(Report report, std::unique_ptr<TextStore> store)
    : report_(std::move(report)), store_(std::move(store)), edits_(CleanEdits(report_)) {}

absl::Status NativeResult::Prepare() {
  // (doc, byte offset, slot in char_spans_), read in document order so each text is read once.
  std::vector<std::tuple<uint32_t, uint64_t, size_t>> wanted;
  char_spans_.assign(4 * report_.passages.size(), 0);
  for (size_t i = 0; i < report_.passages.size(); ++i) {
    const PassageFinding& p = report_.passages[i];
    wanted.emplace_back(p.doc, p.start, 4 * i);
    wanted.emplace_back(p.doc, p.end, 4 * i + 1);
    if (p.has_copy) {
      wanted.emplace_back(p.copy_doc, p.copy_start, 4 * i + 2);
      wanted.emplace_back(p.copy_doc, p.copy_end, 4 * i + 3);
    }
  }
  std::sort(wanted.begin(), wanted.end());
  for (size_t first = 0; first < wanted.size();) {
    const uint32_t doc = std::get<0>(wanted[first]);
    absl::StatusOr<StoredText> text = store_->Read(store_->position(doc));
    if (!text.ok()) return text.status();
    uint64_t byte = 0, index = 0;
    for (; first < wanted.size() && std::get<0>(wanted[first]) == doc; ++first) {
      const uint64_t offset = std::min<uint64_t>(std::get<1>(wanted[first]), text->text.size());
      if (text->is_bytes) {
        index = byte = offset;
      }
      for (; byte < offset; ++byte) index += Continuation(static_cast<unsigned char>(text->text[byte])) ? 0 : 1;
      char_spans_[std::get<2>(wanted[first])] = index;
    }
  }
  return absl::OkStatus();
}

py::list NativeResult::Keep() const {
  std::vector<bool> keep(size(), true);
  for (const DocumentCluster& c : report_.clusters) {
    for (const RemovedDocument& d : c.removed) keep[d.doc] = false;
  }
  py::list out(size());
  for (size_t i = 0; i < keep.size(); ++i) out[i] = py::bool_(keep[i]);
  return out;
}

py::list NativeResult::Duplicates() const {
  std::vector<std::pair<const RemovedDocument*, uint32_t>> removed;
  for (const DocumentCluster& c : report_.clusters) {
    for (const RemovedDocument& d : c.removed) removed.emplace_back(&d, c.kept);
  }
  std::sort(removed.begin(), removed.end(), [](const auto& a, const auto& b) { return a.first->doc < b.first->doc; });
  py::list out;
  for (const auto& [d, kept] : removed) out.append(py::make_tuple(d->doc, kept, d->similarity, MatchName(d->match)));
  return out;
}

py::list NativeResult::Passages() const {
  py::list out;
  for (size_t i = 0; i < report_.passages.size(); ++i) {
    const PassageFinding& p = report_.passages[i];
    const uint64_t* s = &char_spans_[4 * i];
    py::object copy = py::none();
    if (p.has_copy) copy = py::make_tuple(p.copy_doc, s[2], s[3], p.copy_start, p.copy_end);
    out.append(py::make_tuple(p.doc, RuleName(p.rule), s[0], s[1], p.start, p.end, p.line, p.removed, copy,
                              p.similarity, absl::StrFormat("%016x", p.fingerprint)));
  }
  return out;
}

std::string NativeResult::ReportJson() const { return ReportToJson(report_); }

std::string NativeResult::StatsJson() const {
  Report summary;
  summary.config = report_.config;
  summary.lsh = report_.lsh;
  summary.stats = report_.stats;
  return ReportToJson(summary);
}

py::object NativeResult::Cleaned(size_t doc) const {
  if (doc >= size()) throw py::index_error(absl::StrFormat("document %d out of range (%d documents)", doc, size()));
  const DocumentEdit& edit = edits_[doc];
  if (edit.drop) return py::none();
  const StoredText text = ReadOrRaise(*store_, doc);
  std::string kept;
  size_t from = 0;
  for (const auto& [start, end] : edit.cuts) {
    kept.append(text.text, from, start - from);
    from = end;
  }
  kept.append(text.text, from);
  if (text.is_bytes) return py::bytes(kept);
  return Decode(kept);
}

py::list NativeResult::CleanedTexts() const {
  py::list out(size());
  for (size_t doc = 0; doc < size(); ++doc) out[doc] = Cleaned(doc);
  return out;
}

}  // namespace neardup::python
