// cevns._core: the compiled half of the Python package `cevns` (docs/python.md). The public,
// documented API is the pure-Python layer python/cevns/; this module holds the loops.
#include <cmath>
#include <sstream>

#include "cevns/build_info.hpp"
#include "cevns/core/error.hpp"
#include "cevns/io/data_path.hpp"
#include "common.hpp"

namespace cevns::python {

std::span<const double> view(const DoubleArray& a, const char* name) {
  if (a.ndim() != 1) throw InputError(std::string(name) + " must be a one-dimensional array");
  return {a.data(), static_cast<std::size_t>(a.shape(0))};
}

DoubleArray new_array(std::size_t n) { return DoubleArray(static_cast<py::ssize_t>(n)); }

DoubleArray new_array(std::size_t rows, std::size_t cols) {
  return DoubleArray({static_cast<py::ssize_t>(rows), static_cast<py::ssize_t>(cols)});
}

std::span<double> writable(DoubleArray& a) {
  return {a.mutable_data(), static_cast<std::size_t>(a.size())};
}

void require_non_negative(std::span<const double> values, const std::string& what, const std::string& unit) {
  for (const double v : values)
    if (!(v >= 0.0) || !std::isfinite(v)) {
      std::ostringstream text;
      text << what << " must be a non-negative number, got " << v << ' ' << unit;
      throw InputError(text.str());
    }
}

}  // namespace cevns::python

PYBIND11_MODULE(_core, m) {
  namespace py = pybind11;
  using namespace cevns;
  m.doc() = "Compiled core of the cevns Python package; use the functions of `cevns` instead.";
  m.attr("__version__") = build_info::version;
  m.attr("git_hash") = build_info::git_hash;
  m.def("data_directory", [] { return io::data_directory().string(); },
        "The data directory in use (CEVNS_DATA_DIR, the source tree or <prefix>/share/cevns/data).");

  // cevns::Error and its subclasses keep their message. Translators registered later are tried
  // first, so the base class comes first. Error is a RuntimeError; InputError is also a ValueError.
  py::register_exception<Error>(m, "Error", PyExc_RuntimeError);
  py::register_exception<InputError>(m, "InputError",
                                     py::make_tuple(m.attr("Error"), py::handle(PyExc_ValueError)));
  py::register_exception<ConfigError>(m, "ConfigError", m.attr("Error"));
  py::register_exception<DataError>(m, "DataError", m.attr("Error"));
  py::register_exception<NumericalError>(m, "NumericalError", m.attr("Error"));

  python::bind_nuclear(m);
  python::bind_physics(m);
  python::bind_sources(m);
  python::bind_rates(m);
  python::bind_stats(m);
  python::bind_scan(m);
  python::bind_darkmatter(m);
  python::bind_analysis(m);
  python::bind_release_fit(m);
  python::bind_reactor_monitor(m);
}
