// Bindings of include/cevns/rates: the event-rate prediction of a catalog experiment (or a user
// YAML file), with the same physics options as the cross sections.
#include <string>

#include "cevns/core/units.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/rates/prediction.hpp"
#include "common.hpp"

namespace cevns::python {
namespace {

// Counts per (energy, time) bin as a 2-D array [energy bins, time bins].
DoubleArray binned(const std::vector<double>& values, std::size_t energy_bins, std::size_t time_bins) {
  DoubleArray out = new_array(energy_bins, time_bins);
  auto w = writable(out);
  for (std::size_t i = 0; i < values.size(); ++i) w[i] = values[i];
  return out;
}

DoubleArray to_array(const std::vector<double>& values) {
  DoubleArray out = new_array(values.size());
  auto w = writable(out);
  for (std::size_t i = 0; i < values.size(); ++i) w[i] = values[i];
  return out;
}

py::dict rate(const std::string& experiment_id, const PhysicsOptions& physics) {
  const Experiment experiment = io::load_experiment(experiment_id);
  const CevnsSettings settings = physics.settings();
  PredictionResult r;
  std::vector<std::string> isotopes, species, modules;
  {
    py::gil_scoped_release release;
    const Prediction prediction(experiment, settings);
    r = prediction.evaluate();
    isotopes = prediction.isotope_names();
    for (std::size_t m = 0; m < prediction.modules(); ++m) modules.push_back(prediction.module_name(m));
    for (const auto& nu : prediction.species()) species.push_back(to_string(nu));
  }
  py::dict out;
  out["experiment"] = experiment.id;
  out["name"] = experiment.name;
  out["target"] = experiment.target_name();
  out["mass_kg"] = experiment.mass_kg;
  out["signal_counts"] = r.signal_counts;
  out["background_counts"] = r.background_counts;
  out["total_counts"] = r.signal_counts + r.background_counts;
  py::dict per_isotope, per_flavour;
  for (std::size_t i = 0; i < isotopes.size() && i < r.isotope_counts.size(); ++i)
    per_isotope[py::str(isotopes[i])] = r.isotope_counts[i];
  for (std::size_t a = 0; a < species.size() && a < r.species_counts.size(); ++a)
    per_flavour[py::str(species[a])] = r.species_counts[a];
  out["isotope_signal_counts"] = per_isotope;
  if (!experiment.modules.empty()) {  // several detectors: each one's target, mass and counts
    py::list detectors;
    for (std::size_t m = 0; m < experiment.modules.size(); ++m) {
      py::dict d;
      d["name"] = modules[m];
      d["target"] = experiment.modules[m].material.name();
      d["mass_kg"] = experiment.modules[m].mass_kg;
      d["signal_counts"] = r.module_counts[m];
      detectors.append(d);
    }
    out["detectors"] = detectors;
  }
  out["flavour_signal_counts"] = per_flavour;
  out["signal"] = binned(r.signal, r.energy_bins, r.time_bins);
  out["total"] = binned(r.total, r.energy_bins, r.time_bins);
  py::list backgrounds, background_names;
  for (const auto& b : r.background) backgrounds.append(binned(b, r.energy_bins, r.time_bins));
  for (const auto& b : experiment.backgrounds) background_names.append(b.name);
  out["backgrounds"] = backgrounds;
  out["background_names"] = background_names;
  // Bin edges, so that spectra can be drawn without re-reading the YAML file.
  out["observable_unit"] = to_string(experiment.response.observable);
  out["observable_edges"] = to_array(experiment.response.bin_edges);
  std::vector<double> time_us;
  for (const double t : experiment.time_edges) time_us.push_back(t / units::us);
  out["time_edges_us"] = to_array(time_us);
  return out;
}

}  // namespace

void bind_rates(py::module_& m) {
  m.def("rate", &rate, py::arg("experiment"), py::arg("physics"),
        "Expected counts of a catalog experiment (id) or experiment YAML (path), as `cevns rate --json`.");
}

}  // namespace cevns::python
