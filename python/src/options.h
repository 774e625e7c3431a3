// deduplicate()'s keyword options: one table (options.cc) maps each to its Config field, so that
// names, defaults, docstrings and parsing cannot disagree. Options carry the CLI's flag names
// with underscores, and their defaults are read from a default-constructed neardup::Config.
#ifndef NEARDUP_PYTHON_OPTIONS_H_
#define NEARDUP_PYTHON_OPTIONS_H_

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "neardup/config.h"

namespace neardup::python {

struct OptionInfo {
  std::string name;
  pybind11::object default_value;
  std::string help;
};

// Every option in table order, with its default. Needs the GIL.
std::vector<OptionInfo> Options();

// A Config from keyword options (name -> value), validated. Raises TypeError for an unknown
// name or a value of the wrong type, ValueError (with the engine's message) for a bad value.
Config MakeConfig(const pybind11::dict& options);

}  // namespace neardup::python

#endif  // NEARDUP_PYTHON_OPTIONS_H_
