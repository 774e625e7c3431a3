// The native half of `import neardup` (neardup/_neardup): run() and NativeResult, bound on the
// public interface (include/neardup) only. neardup/__init__.py gives them their Python shape.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>

#include "neardup/neardup.h"
#include "options.h"
#include "python_source.h"
#include "result.h"
#include "text_store.h"

namespace py = pybind11;

namespace neardup::python {
namespace {

// Raises the Python exception a failed status stands for, with the engine's message.
[[noreturn]] void Raise(const absl::Status& status) {
  PyObject* type = PyExc_OSError;  // the engine's other errors are temporary files
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument: type = PyExc_ValueError; break;
    case absl::StatusCode::kNotFound: type = PyExc_FileNotFoundError; break;
    case absl::StatusCode::kPermissionDenied: type = PyExc_PermissionError; break;
    case absl::StatusCode::kAlreadyExists: type = PyExc_FileExistsError; break;
    default: break;
  }
  PyErr_SetString(type, std::string(status.message()).c_str());
  throw py::error_already_set();
}

std::unique_ptr<NativeResult> Run(py::handle texts, py::handle ids, py::handle sources, py::handle progress,
                                  const py::dict& options) {
  const Config config = MakeConfig(options);
  absl::StatusOr<std::unique_ptr<TextStore>> store = TextStore::Create(config.temp_dir);
  if (!store.ok()) Raise(store.status());
  PythonSource source(texts, ids, sources, **store);
  ProgressFn report_progress;
  if (!progress.is_none()) {
    // Captures by reference: the engine may copy the function, and copying a Python object
    // without the GIL would touch its reference count unguarded.
    report_progress = [&progress, &source](const Progress& p) {
      py::gil_scoped_acquire gil;
      try {
        progress(std::string(p.stage), p.documents, p.bytes);
      } catch (...) {
        source.KeepError();
      }
    };
  }
  absl::StatusOr<Report> report;
  {
    py::gil_scoped_release release;
    report = Deduplicate(source, config, report_progress);
  }
  source.RaiseIfError();
  if (!report.ok()) Raise(report.status());
  auto result = std::make_unique<NativeResult>(std::move(*report), std::move(*store));
  absl::Status prepared;
  {
    py::gil_scoped_release release;
    prepared = result->Prepare();
  }
  if (!prepared.ok()) Raise(prepared);
  return result;
}

py::list OptionList() {
  py::list out;
  for (const OptionInfo& o : Options()) out.append(py::make_tuple(o.name, o.default_value, o.help));
  return out;
}

}  // namespace
}  // namespace neardup::python

PYBIND11_MODULE(_neardup, m) {
  using neardup::python::NativeResult;
  m.doc() = "The native part of neardup; use the neardup package, not this module.";
  m.attr("__version__") = NEARDUP_VERSION;
  m.def("options", &neardup::python::OptionList, "(name, default, help) of every deduplicate() option, defaults from neardup::Config");
  m.def(
      "validate", [](const py::dict& options) { neardup::python::MakeConfig(options); }, py::arg("options"),
      "Raises TypeError or ValueError as deduplicate() would for these options; returns None.");
  m.def("run", &neardup::python::Run, py::arg("texts"), py::arg("ids"), py::arg("sources"), py::arg("progress"), py::arg("options"),
        "Runs the engine on the texts; see neardup.deduplicate.");
  py::class_<NativeResult>(m, "NativeResult")
      .def("__len__", &NativeResult::size)
      .def("keep", &NativeResult::Keep)
      .def("duplicates", &NativeResult::Duplicates)
      .def("passages", &NativeResult::Passages)
      .def("report_json", &NativeResult::ReportJson)
      .def("stats_json", &NativeResult::StatsJson)
      .def("cleaned", &NativeResult::Cleaned, py::arg("doc"))
      .def("cleaned_texts", &NativeResult::CleanedTexts);
}
