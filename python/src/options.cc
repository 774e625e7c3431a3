#include "options.h"

#include <climits>
#include <functional>
#include <limits>
#include <type_traits>
#include <utility>

#include "absl/strings/str_cat.h"

namespace py = pybind11;

namespace neardup::python {
namespace {

struct Option {
  const char* name;
  std::function<py::object(Config&)> get;          // the value as Python shows it
  std::function<void(Config&, py::handle)> set;    // raises TypeError / ValueError
  const char* help;
};

[[noreturn]] void WrongType(const char* name, const char* expected, py::handle value) {
  throw py::type_error(absl::StrCat(name, ": expected ", expected, ", got ", Py_TYPE(value.ptr())->tp_name));
}

// A number field; `field(config)` is a reference to it.
template <typename Field>
Option Number(const char* name, Field field, const char* help) {
  using T = std::remove_reference_t<decltype(field(std::declval<Config&>()))>;
  const auto set = [name, field](Config& c, py::handle value) {
    const bool is_int = PyLong_Check(value.ptr()) && !PyBool_Check(value.ptr());
    if constexpr (std::is_floating_point_v<T>) {
      if (!is_int && !PyFloat_Check(value.ptr())) WrongType(name, "a number", value);
      field(c) = static_cast<T>(PyFloat_AsDouble(value.ptr()));
      if (PyErr_Occurred()) throw py::error_already_set();
    } else {
      if (!is_int) WrongType(name, "int", value);
      int overflow = 0;
      const long long v = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
      if (std::is_unsigned_v<T> && (overflow < 0 || v < 0)) {
        throw py::value_error(absl::StrCat(name, " must be at least 0, got ", py::str(value).cast<std::string>()));
      }
      if (overflow > 0 && std::is_unsigned_v<T>) {
        const unsigned long long u = PyLong_AsUnsignedLongLong(value.ptr());
        if (PyErr_Occurred() || u > std::numeric_limits<T>::max()) {
          PyErr_Clear();
          throw py::value_error(absl::StrCat(name, " is too large: ", py::str(value).cast<std::string>()));
        }
        field(c) = static_cast<T>(u);
        return;
      }
      const bool fits = std::is_unsigned_v<T>
                            ? static_cast<unsigned long long>(v) <= std::numeric_limits<T>::max()
                            : v >= static_cast<long long>(std::numeric_limits<T>::min()) &&
                                  v <= static_cast<long long>(std::numeric_limits<T>::max());
      if (overflow != 0 || !fits) {
        throw py::value_error(absl::StrCat(name, " is out of range: ", py::str(value).cast<std::string>()));
      }
      field(c) = static_cast<T>(v);
    }
  };
  return {name, [field](Config& c) { return py::cast(field(c)); }, set, help};
}

// A field that takes one of a few names.
template <typename Field, typename V>
Option Choice(const char* name, Field field, std::vector<std::pair<const char*, V>> choices, const char* help) {
  const auto get = [field, choices](Config& c) -> py::object {
    for (const auto& [text, value] : choices) {
      if (field(c) == value) return py::str(text);
    }
    return py::none();
  };
  const auto set = [name, field, choices](Config& c, py::handle value) {
    if (!PyUnicode_Check(value.ptr())) WrongType(name, "str", value);
    const std::string text = value.cast<std::string>();
    std::string names;
    for (const auto& [choice, v] : choices) {
      if (text == choice) {
        field(c) = v;
        return;
      }
      absl::StrAppend(&names, names.empty() ? "" : " or ", choice);
    }
    throw py::value_error(absl::StrCat(name, " must be ", names, ", got '", text, "'"));
  };
  return {name, get, set, help};
}

Option Shingle() {
  const auto set = [](Config& c, py::handle value) {
    if (!PyUnicode_Check(value.ptr())) WrongType("shingle", "str", value);
    const absl::StatusOr<ShingleSpec> spec = ParseShingleSpec(value.cast<std::string>());
    if (!spec.ok()) throw py::value_error(std::string(spec.status().message()));
    c.shingle = *spec;
  };
  return {"shingle", [](Config& c) { return py::str(c.shingle.ToString()); }, set,
          "document shingles: 'word:K' or 'char:K'"};
}

Option TempDir() {
  const auto get = [](Config& c) -> py::object {
    if (c.temp_dir.empty()) return py::none();
    return py::str(c.temp_dir);
  };
  const auto set = [](Config& c, py::handle value) {
    if (value.is_none()) {
      c.temp_dir.clear();
      return;
    }
    const py::object path = py::module_::import("os").attr("fspath")(value);
    if (!PyUnicode_Check(path.ptr())) WrongType("temp_dir", "str or os.PathLike", value);
    c.temp_dir = path.cast<std::string>();
  };
  return {"temp_dir", get, set,
          "directory for the temporary files: the texts kept for the second reading and Result, "
          "and the engine's spills (None: $TMPDIR, else /tmp)"};
}

// Keep this the only list of options: names, defaults and docs all come from it. A Config field
// renamed in the library is renamed here, in one line.
const std::vector<Option>& Table() {
  static const std::vector<Option> table = {
      Number("threshold", [](Config& c) -> auto& { return c.threshold; },
             "Jaccard similarity of shingle sets at or above which a document is a near duplicate"),
      Number("num_perm", [](Config& c) -> auto& { return c.num_perm; }, "MinHash permutations (1 to 1024)"),
      Shingle(),
      Choice("passages", [](Config& c) -> auto& { return c.passages.segment.mode; },
             std::vector<std::pair<const char*, PassageMode>>{{"line", PassageMode::kLine},
                                                              {"paragraph", PassageMode::kParagraph}},
             "passage unit: 'line', or 'paragraph' (separated by blank lines)"),
      Number("threads", [](Config& c) -> auto& { return c.threads; },
             "worker threads; 0 uses every core; the result is the same for every value"),
      Number("seed", [](Config& c) -> auto& { return c.seed; }, "seed of all hashing and permutations"),
      Choice("cross_doc", [](Config& c) -> auto& { return c.cross_doc; },
             std::vector<std::pair<const char*, CrossDocMode>>{{"report", CrossDocMode::kReport},
                                                               {"remove", CrossDocMode::kRemove}},
             "passages repeating a passage of an earlier kept document: 'report' them, or also 'remove' them"),
      Number("boilerplate_min_docs", [](Config& c) -> auto& { return c.boilerplate.min_docs; },
             "a passage is boilerplate when it recurs in at least this many documents of one source..."),
      Number("boilerplate_min_share", [](Config& c) -> auto& { return c.boilerplate.min_share; },
             "...and in at least this share of the source's documents"),
      Choice("boilerplate_patterns", [](Config& c) -> auto& { return c.boilerplate.remove_patterns; },
             std::vector<std::pair<const char*, bool>>{{"report", false}, {"remove", true}},
             "templated lines such as 'Baca Juga: <title>': 'report' them, or also 'remove' them"),
      Number("containment", [](Config& c) -> auto& { return c.containment; },
             "also remove a document when at least this share of its shingles lies in a larger kept "
             "document (a truncated reprint); 0 turns it off"),
      Choice("keep", [](Config& c) -> auto& { return c.keep; },
             std::vector<std::pair<const char*, KeepPolicy>>{{"first", KeepPolicy::kFirst},
                                                             {"longest", KeepPolicy::kLongest}},
             "which document of a duplicate cluster stays: 'first' or 'longest' (the CLI's "
             "field:NAME needs JSONL fields and is not offered here)"),
      Number("min_tandem_words", [](Config& c) -> auto& { return c.min_tandem_words; },
             "inside a sentence: the fewest words of a span printed twice in a row that is removed"),
      TempDir(),
  };
  return table;
}

}  // namespace

std::vector<OptionInfo> Options() {
  std::vector<OptionInfo> out;
  Config defaults;
  for (const Option& o : Table()) out.push_back({o.name, o.get(defaults), o.help});
  return out;
}

Config MakeConfig(const py::dict& options) {
  Config config;
  for (const auto& [key, value] : options) {
    const std::string name = py::str(key).cast<std::string>();
    const Option* found = nullptr;
    for (const Option& o : Table()) {
      if (name == o.name) found = &o;
    }
    if (found == nullptr) throw py::type_error(absl::StrCat("unknown option '", name, "'"));
    found->set(config, value);
  }
  // As the CLI does: one seed for documents and passages.
  config.passages.seed = config.seed;
  if (const absl::Status status = Validate(config); !status.ok()) {
    throw py::value_error(std::string(status.message()));
  }
  return config;
}

}  // namespace neardup::python
