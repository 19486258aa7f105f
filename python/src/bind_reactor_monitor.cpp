// Bindings of reactor monitoring (analysis/reactor_monitoring.hpp): a dict with the keys of
// `cevns reactor-monitor --json`.
#include <array>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>

#include "cevns/analysis/reactor_monitoring.hpp"
#include "cevns/core/error.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "common.hpp"

namespace cevns::python {
namespace {

py::dict reactor_monitor(double power_MW, double distance_m, double mass_kg, double threshold_eV,
                         double background_ckkd, double exposure_days, double delta_pu239, double power_prior,
                         bool free_power) {
  ReactorMonitorSetup s;
  s.power_MW = power_MW;
  s.distance_m = distance_m;
  s.mass_kg = mass_kg;
  s.threshold_eV = threshold_eV;
  s.background_ckkd = background_ckkd;
  s.exposure_days = exposure_days;
  s.power_uncertainty = free_power ? std::numeric_limits<double>::infinity() : power_prior;
  CoreState declared;
  MonitorFit fit;
  PuRemoval removal;
  {
    py::gil_scoped_release release;
    const ReactorMonitor monitor(s, io::default_reactor_model(),
                                 Material::from_name(io::default_nuclear_database(), "Ge"));
    declared = monitor.declared();
    if (!(delta_pu239 >= 0.0 && delta_pu239 <= declared.fractions[2]))
    {
      std::ostringstream text;
      text << "delta_pu239 must lie in [0, " << declared.fractions[2]
           << "] (the declared 239Pu fission fraction), got " << delta_pu239;
      throw InputError(text.str());
    }
    fit = monitor.fit(monitor.expected(declared));
    removal = monitor.pu_removal(delta_pu239);
  }
  const std::array<const char*, 4> names{"U235", "U238", "Pu239", "Pu241"};
  py::dict fractions;
  for (std::size_t i = 0; i < 4; ++i) fractions[names[i]] = declared.fractions[i];
  auto width = [](double w) { return std::isfinite(w) ? py::object(py::float_(w)) : py::object(py::str("free")); };
  py::dict setup;
  setup["power_MW"] = s.power_MW;
  setup["distance_m"] = s.distance_m;
  setup["mass_kg"] = s.mass_kg;
  setup["exposure_days"] = s.exposure_days;
  setup["threshold_eV"] = s.threshold_eV;
  setup["max_recoil_eV"] = s.max_recoil_eV;
  setup["recoil_bins"] = s.recoil_bins;
  setup["background_ckkd"] = s.background_ckkd;
  setup["fission_fractions"] = fractions;
  setup["captures_per_fission"] = s.captures_per_fission;
  setup["power_prior_relative"] = width(s.power_uncertainty);
  setup["f238_prior"] = width(s.f238_uncertainty);
  setup["f241_prior"] = width(s.f241_uncertainty);
  setup["background_prior_relative"] = width(s.background_uncertainty);
  py::dict asimov;
  asimov["power_MW"] = fit.best.power_scale * s.power_MW;
  asimov["power_error_MW"] = fit.errors[MonitorIndex::power] * s.power_MW;
  asimov["f239"] = fit.best.fractions[2];
  asimov["f239_error"] = fit.errors[MonitorIndex::f239];
  asimov["f235"] = fit.best.fractions[0];
  asimov["f238"] = fit.best.fractions[1];
  asimov["f241"] = fit.best.fractions[3];
  asimov["covariance_ok"] = fit.covariance_ok;
  py::dict pu;
  pu["delta_f239"] = removal.delta_f239;
  pu["signal_counts_actual"] = removal.signal_counts_actual;
  pu["delta_chi2"] = removal.delta_chi2;
  pu["significance_sigma"] = removal.significance;
  py::dict out;
  out["setup"] = setup;
  out["signal_counts"] = removal.signal_counts_declared;
  out["background_counts"] = removal.background_counts;
  out["asimov_fit"] = asimov;
  out["pu_removal"] = pu;
  return out;
}

}  // namespace

void bind_reactor_monitor(py::module_& m) {
  const ReactorMonitorSetup defaults;
  // The defaults of `cevns reactor-monitor` (ReactorMonitorSetup; --delta-pu239 0.1).
  m.def("reactor_monitor", &reactor_monitor, py::kw_only(), py::arg("power_MW") = defaults.power_MW,
        py::arg("distance_m") = defaults.distance_m, py::arg("mass_kg") = defaults.mass_kg,
        py::arg("threshold_eV") = defaults.threshold_eV, py::arg("background_ckkd") = defaults.background_ckkd,
        py::arg("exposure_days") = defaults.exposure_days, py::arg("delta_pu239") = 0.1,
        py::arg("power_prior") = defaults.power_uncertainty, py::arg("free_power") = false,
        "Reactor monitoring, as `cevns reactor-monitor --json`.");
}

}  // namespace cevns::python
