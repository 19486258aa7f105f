// Bindings of include/cevns/sources through io::make_source: the named sources of `cevns flux`,
// their per-species spectra (continuum densities on grids, exact lines) and totals.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/source_catalog.hpp"
#include "common.hpp"

namespace cevns::python {

namespace {

double unit_of(const Source& s) { return normalisation_unit(s.source.normalisation); }

// The species' spectrum; InputError naming the species present if the source has none.
const Spectrum& spectrum_of(const Source& s, const std::string& flavour) {
  const Neutrino nu = parse_neutrino(flavour);
  const Spectrum* spectrum = s.source.spectrum(nu);
  if (!spectrum) {
    std::string present;
    for (const auto species : s.source.species()) present += (present.empty() ? "" : ", ") + to_string(species);
    throw InputError("source '" + s.source.name + "' emits no " + to_string(nu) + " (it has " + present + ")");
  }
  return *spectrum;
}

Source make(const std::string& name, std::vector<double> power_GW, std::vector<double> distance_m,
            std::optional<double> distance_kpc, std::optional<double> beam_power_MW,
            std::optional<double> nu_per_proton, std::optional<double> nu_per_fission,
            std::optional<double> captures_per_fission, std::optional<double> activity_MCi,
            std::optional<double> total_energy_erg, std::string solar_model, bool oscillate, double scale) {
  io::SourceOptions o;
  o.power_GW = std::move(power_GW);
  o.distance_m = std::move(distance_m);
  o.distance_kpc = distance_kpc;
  o.beam_power_MW = beam_power_MW;
  o.nu_per_proton = nu_per_proton;
  o.nu_per_fission = nu_per_fission;
  o.captures_per_fission = captures_per_fission;
  o.activity_MCi = activity_MCi;
  o.total_energy_erg = total_energy_erg;
  o.solar_composition = std::move(solar_model);
  o.oscillate = oscillate;
  o.table_scale = scale;
  return Source{io::make_source(name, o)};
}

// dPhi/dE in <suffix> per MeV of one species, or summed over all species, on a grid.
DoubleArray density(const Source& s, const DoubleArray& enu_MeV, const std::optional<std::string>& flavour) {
  const auto enu = view(enu_MeV, "enu_MeV");
  std::vector<const Spectrum*> spectra;
  if (flavour) {
    spectra.push_back(&spectrum_of(s, *flavour));
  } else {
    for (const auto nu : s.source.species()) spectra.push_back(s.source.spectrum(nu));
  }
  const double unit = unit_of(s) / units::MeV;
  DoubleArray values = new_array(enu.size());
  auto out = writable(values);
  {
    py::gil_scoped_release release;
    for (std::size_t k = 0; k < enu.size(); ++k) {
      double sum = 0.0;
      for (const Spectrum* spectrum : spectra) sum += spectrum->density(enu[k] * units::MeV);
      out[k] = sum / unit;
    }
  }
  return values;
}

}  // namespace

void bind_sources(py::module_& m) {
  m.def("source_catalog", [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& e : io::source_catalog()) out.emplace_back(e.name, e.description);
        return out;
      },
      "(name, description) of every source make_source accepts (`cevns flux --list`).");

  py::class_<Source>(m, "Source", "A neutrino source at the detector: one spectrum per species.")
      .def_property_readonly("name", [](const Source& s) { return s.source.name; })
      .def_property_readonly("normalisation", [](const Source& s) {
        return std::string(s.source.normalisation == Normalisation::flux ? "flux" : "fluence");
      })
      .def_property_readonly("suffix", [](const Source& s) { return std::string(normalisation_suffix(s.source.normalisation)); })
      .def_property_readonly("references", [](const Source& s) { return s.source.references; })
      .def_property_readonly("species", [](const Source& s) {
        std::vector<std::string> out;
        for (const auto nu : s.source.species()) out.push_back(to_string(nu));
        return out;
      })
      .def("total", [](const Source& s, const std::optional<std::string>& flavour) {
             return (flavour ? spectrum_of(s, *flavour).total() : s.source.total()) / unit_of(s);
           },
           py::arg("flavour") = py::none(), "Integral over energy (continuum and lines), in <suffix>.")
      .def("mean_energy_MeV", [](const Source& s, const std::string& flavour) {
             return spectrum_of(s, flavour).mean_energy() / units::MeV;
           },
           py::arg("flavour"))
      .def("lines", [](const Source& s, const std::string& flavour) {
             std::vector<std::pair<double, double>> out;
             for (const auto& l : spectrum_of(s, flavour).lines())
               out.emplace_back(l.energy / units::MeV, l.intensity / unit_of(s));
             return out;
           },
           py::arg("flavour"), "(energy_MeV, intensity in <suffix>) of each monoenergetic line.")
      .def("energy_range_MeV", [](const Source& s, const std::string& flavour) -> std::optional<std::pair<double, double>> {
             const Spectrum& spectrum = spectrum_of(s, flavour);
             if (!spectrum.has_continuum()) return std::nullopt;
             return std::make_pair(spectrum.min_energy() / units::MeV, spectrum.max_energy() / units::MeV);
           },
           py::arg("flavour"), "(min, max) of the continuum in MeV, or None for lines only.")
      .def("panel_edges_MeV", [](const Source& s, const std::string& flavour) {
             std::vector<double> out;
             for (const double e : spectrum_of(s, flavour).panel_edges()) out.push_back(e / units::MeV);
             return out;
           },
           py::arg("flavour"), "Continuum endpoints and breakpoints (kinks) in MeV.")
      .def("density", &density, py::arg("enu_MeV"), py::arg("flavour") = py::none(),
           "Continuum density in <suffix> per MeV on a grid (lines are not included).")
      .def("scaled", [](const Source& s, double factor) { return Source{s.source.scaled(factor)}; },
           py::arg("factor"));

  m.def("make_source", &make, py::arg("name"), py::arg("power_GW"), py::arg("distance_m"),
        py::arg("distance_kpc"), py::arg("beam_power_MW"), py::arg("nu_per_proton"), py::arg("nu_per_fission"),
        py::arg("captures_per_fission"), py::arg("activity_MCi"), py::arg("total_energy_erg"),
        py::arg("solar_model"), py::arg("oscillate"), py::arg("scale"),
        "io::make_source with the options of `cevns flux` (units in the names).");
}

}  // namespace cevns::python
