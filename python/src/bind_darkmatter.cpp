// Bindings of include/cevns/darkmatter: the neutrino fog of `cevns fog` (discovery limits versus
// exposure, fog index, floor) and single discovery limits, with the command line's options.
#include <cmath>
#include <memory>
#include <optional>
#include <string>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/darkmatter/fog_setup.hpp"
#include "common.hpp"

namespace cevns::python {
namespace {

DoubleArray array_of(const std::vector<double>& v) { return DoubleArray(static_cast<py::ssize_t>(v.size()), v.data()); }

py::dict fog(const FogSetup& setup, const DoubleArray& masses, const PhysicsOptions& physics) {
  const auto m = view(masses, "mass_GeV");
  for (double x : m)
    if (!(x > 0.0) || !std::isfinite(x)) throw InputError("WIMP masses (mass_GeV) must be positive");
  const std::vector<double> mass(m.begin(), m.end());
  FogTable t;
  {
    py::gil_scoped_release release;
    t = neutrino_fog_table(setup, mass, physics.settings(), FogOptionNames::python);
  }
  const std::size_t n = mass.size();
  py::array_t<bool> is_reachable(static_cast<py::ssize_t>(n)), reached(static_cast<py::ssize_t>(n));
  auto r = is_reachable.mutable_unchecked<1>();
  auto fr = reached.mutable_unchecked<1>();
  DoubleArray floor_cs = new_array(n), floor_x = new_array(n);
  auto fc = writable(floor_cs), fx = writable(floor_x);
  py::list curve_list;
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t i = 0; i < n; ++i) {
    const auto k = static_cast<py::ssize_t>(i);
    const auto& c = t.curves[i];
    r(k) = c.has_value();
    fr(k) = false;
    fc[i] = fx[i] = nan;  // flagged by floor_reached
    if (!c) {
      curve_list.append(py::none());
      continue;
    }
    if (c->floor_cross_section_cm2 && c->floor_exposure_ton_year) {
      fr(k) = true;
      fc[i] = *c->floor_cross_section_cm2;
      fx[i] = *c->floor_exposure_ton_year;
    }
    py::dict d;
    d["mass_GeV"] = c->mass_GeV;
    d["exposure_ton_year"] = array_of(c->exposure_ton_year);
    d["discovery_cross_section_cm2"] = array_of(c->cross_section_cm2);
    d["fog_index"] = array_of(c->fog_index);
    d["neutrino_events"] = array_of(c->neutrino_events);
    d["signal_events"] = array_of(c->signal_events);
    curve_list.append(d);
  }
  py::list bg;
  for (const auto& b : t.backgrounds) {
    py::dict d;
    d["name"] = b.name;
    d["events_per_ton_year"] = b.events_per_ton_year;
    d["relative_uncertainty"] = b.relative_uncertainty;
    bg.append(d);
  }
  const auto& halo = t.halo;
  py::dict h;
  h["v0_km_s"] = halo.v0 / km_per_s;
  h["vesc_km_s"] = halo.v_esc / km_per_s;
  h["vlab_km_s"] = halo.v_lab / km_per_s;
  h["rho_GeV_cm3"] = halo.density * cm3_natural / units::GeV;
  py::dict out;
  out["mass_GeV"] = array_of(mass);
  out["reachable"] = is_reachable;
  out["floor_reached"] = reached;
  out["floor_cross_section_cm2"] = floor_cs;
  out["floor_exposure_ton_year"] = floor_x;
  out["curves"] = curve_list;
  out["backgrounds"] = bg;
  out["halo"] = h;
  out["bin_edges_keV"] = array_of(t.bin_edges_keV);
  return out;
}

// The discovery limit of one WIMP mass at each exposure (AsimovDiscovery of the fog's setup).
py::dict discovery_limit(const FogSetup& setup, double mass_GeV, const DoubleArray& exposures,
                         const PhysicsOptions& physics) {
  const auto x = view(exposures, "exposure_ton_year");
  for (double v : x)
    if (!(v > 0.0) || !std::isfinite(v)) throw InputError("exposure_ton_year must be positive");
  if (!(mass_GeV > 0.0) || !std::isfinite(mass_GeV)) throw InputError("mass_GeV must be positive");
  const std::size_t n = x.size();
  DoubleArray cs = new_array(n), index = new_array(n), sig = new_array(n), bkg = new_array(n);
  py::array_t<bool> limited(static_cast<py::ssize_t>(n));
  auto w_cs = writable(cs), w_index = writable(index), w_sig = writable(sig), w_bkg = writable(bkg);
  auto w_lim = limited.mutable_unchecked<1>();
  {
    py::gil_scoped_release release;
    const auto f = make_neutrino_fog(setup, physics.settings(), FogOptionNames::python).fog;
    const auto signal = f->signal_counts(mass_GeV);  // InputError below the kinematic reach
    AsimovDiscovery::Workspace ws;
    double guess = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const auto p = f->statistics().discovery(signal, x[i], ws, guess);
      w_cs[i] = p.cross_section;
      w_index[i] = p.fog_index;
      w_sig[i] = p.signal_events;
      w_bkg[i] = p.background_events;
      w_lim(static_cast<py::ssize_t>(i)) = p.count_limited;
      guess = p.cross_section;
    }
  }
  py::dict out;
  out["mass_GeV"] = mass_GeV;
  out["exposure_ton_year"] = DoubleArray(static_cast<py::ssize_t>(n), x.data());
  out["discovery_cross_section_cm2"] = cs;
  out["fog_index"] = index;
  out["signal_events"] = sig;
  out["neutrino_events"] = bkg;
  out["count_limited"] = limited;
  return out;
}

}  // namespace

void bind_darkmatter(py::module_& m) {
  py::class_<FogSetup>(m, "FogSetup", "The statistics options of `cevns fog` (see cevns.fog).")
      .def(py::init([](std::string target, double threshold_keV, double max_recoil_keV, int bins, double efficiency,
                       double exposure_min_ton_year, double exposure_max_ton_year, int exposures_per_decade,
                       double significance, std::string halo, std::string fluxes, std::string solar_model,
                       std::optional<double> v0_km_s, std::optional<double> vesc_km_s,
                       std::optional<double> vlab_km_s, std::optional<double> rho_GeV_cm3, unsigned threads) {
             return FogSetup{std::move(target),     threshold_keV,         max_recoil_keV, efficiency,
                             bins,                  exposure_min_ton_year, exposure_max_ton_year,
                             exposures_per_decade,  significance,          std::move(halo),
                             std::move(fluxes),     std::move(solar_model), v0_km_s,
                             vesc_km_s,             vlab_km_s,             rho_GeV_cm3,
                             threads};
           }),
           py::kw_only(), py::arg("target"), py::arg("threshold_keV"), py::arg("max_recoil_keV"), py::arg("bins"),
           py::arg("efficiency"), py::arg("exposure_min_ton_year"), py::arg("exposure_max_ton_year"),
           py::arg("exposures_per_decade"), py::arg("significance"), py::arg("halo"), py::arg("fluxes"),
           py::arg("solar_model"), py::arg("v0_km_s"), py::arg("vesc_km_s"), py::arg("vlab_km_s"),
           py::arg("rho_GeV_cm3"), py::arg("threads"));
  m.def("fog", &fog, py::arg("setup"), py::arg("mass_GeV"), py::arg("physics"),
        "The neutrino fog of `cevns fog` for the given WIMP masses.");
  m.def("discovery_limit", &discovery_limit, py::arg("setup"), py::arg("mass_GeV"), py::arg("exposure_ton_year"),
        py::arg("physics"), "The 3-sigma (setup.significance) discovery limit of one WIMP mass per exposure.");
}

}  // namespace cevns::python
