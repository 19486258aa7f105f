#pragma once
// Helpers shared by the binding files of cevns._core: numpy arrays in and out, the physics
// options of the command line (same names, same checks), the registration functions per domain.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cevns/io/source_catalog.hpp"
#include "cevns/physics/cevns_cross_section.hpp"
#include "cevns/physics/physics_choices.hpp"
#include "cevns/sources/neutrino_source.hpp"

namespace cevns::python {

namespace py = pybind11;

// A 1-D, C-contiguous array of doubles (numpy converts lists, scalars and other dtypes).
using DoubleArray = py::array_t<double, py::array::c_style | py::array::forcecast>;

// A read-only view of a 1-D array (the array must outlive the span; safe without the GIL).
std::span<const double> view(const DoubleArray& a, const char* name);
// A new 1-D / 2-D array of doubles and a writable view of it.
DoubleArray new_array(std::size_t n);
DoubleArray new_array(std::size_t rows, std::size_t cols);
std::span<double> writable(DoubleArray& a);

// InputError unless every value is finite and >= 0 ("<what> must be ... got <v> <unit>").
void require_non_negative(std::span<const double> values, const std::string& what, const std::string& unit);

// The physics options of the command line (apps/cevns/physics_options.hpp), validated the same way.
struct PhysicsOptions : PhysicsChoices {
  [[nodiscard]] CevnsSettings settings() const { return make_cevns_settings(*this); }
};

// The Python wrapper of a NeutrinoSource (bound in bind_sources.cpp, used by coherency).
struct Source {
  NeutrinoSource source;
};

void bind_nuclear(py::module_& m);
void bind_physics(py::module_& m);
void bind_sources(py::module_& m);
void bind_rates(py::module_& m);
void bind_stats(py::module_& m);
void bind_scan(py::module_& m);
void bind_darkmatter(py::module_& m);
void bind_analysis(py::module_& m);
void bind_release_fit(py::module_& m);
void bind_reactor_monitor(py::module_& m);

}  // namespace cevns::python
