#include "cevns/io/yaml_limits.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace cevns::io {
namespace {

YamlLimit number(std::string key, std::string unit, double min, double max, bool min_open = false) {
  return {std::move(key), std::move(unit), min, max, min_open, false};
}
YamlLimit count(std::string key, double min, double max) { return {std::move(key), "", min, max, false, true}; }

}  // namespace

// Generous enough for every detector and source the catalog describes (DARWIN's 40 t, a 10 GW
// plant at 3 m, a galactic supernova), tight enough that no rate, exposure or timing formula
// overflows. Same units as the key names; the command line uses the same ranges for the same
// quantities.
const std::vector<YamlLimit>& yaml_limits() {
  static const std::vector<YamlLimit> table{
      // target and exposure
      number("mass_kg", "kg", 0.0, 1e9, true),
      number("exposure_kg_yr", "kg yr", 0.0, 1e12, true),
      number("live_days", "days", 0.0, 1e5, true),
      number("protons_on_target", "protons", 0.0, 1e30, true),
      number("proton_energy_GeV", "GeV", 0.0, 1e4, true),
      number("beam_power_MW", "MW", 0.0, 1e3, true),
      number("beam_energy_GWh", "GWh", 0.0, 1e9, true),
      // sources
      number("distance_m", "m", 1e-3, 1e8),
      number("distances_m", "m", 1e-3, 1e8),
      number("power_GW", "GW", 0.0, 1e3, true),
      number("nu_per_flavour_per_proton", "", 0.0, 10.0),
      number("nu_per_fission", "", 0.0, 20.0),
      number("captures_per_fission", "", 0.0, 5.0),
      number("flux_per_cm2_s", "cm^-2 s^-1", 0.0, 1e20),
      // timing
      number("pulse_mean_ns", "ns", 0.0, 1e6),
      number("pulse_sigma_ns", "ns", 0.0, 1e6, true),
      number("efficiency_flat_until_ns", "ns", 0.0, 1e7),
      number("efficiency_decay_per_us", "us^-1", 0.0, 1e6),
      // detector response
      number("light_yield_pe_per_keVee", "PE/keVee", 0.0, 1e5, true),
      number("pe_efficiency_offset", "PE", -10.0, 10.0),
      number("threshold_eV", "eV", 0.0, 1e7),
      number("threshold_keVnr", "keVnr", 0.0, 1e4),
      number("threshold_keVee", "keVee", 0.0, 1e4),
      number("threshold_pe", "PE", 0.0, 1e6),
      number("min_recoil_keV", "keV", 0.0, 1e6),
      number("sigma0_keV", "keV", 0.0, 1e4),
      number("a_sqrt_keV", "keV^1/2", 0.0, 1e3),
      number("b_keV", "keV", 0.0, 1e4),
      number("b_per_keVnr", "keVnr^-1", -1e3, 1e3),
      number("fano_factor", "", 0.0, 10.0),
      number("pair_energy_eV", "eV", 0.0, 1e3, true),
      number("zero_below", "", -1e6, 1e6),
      number("half_below", "", -1e6, 1e6),
      // backgrounds and counts
      number("rate_ckkd", "counts/(keV kg day)", 0.0, 1e12),
      number("background_ckkd", "counts/(keV kg day)", 0.0, 1e12),
      number("total_counts", "events", 0.0, 1e15),
      // physics choices (as on the command line)
      number("sin2w", "", 0.0, 1.0),
      number("neutron_radius_fm", "fm", 0.0, 20.0, true),
      number("neutron_skin_fm", "fm", -5.0, 5.0),
      number("deformation_beta2", "", -0.6, 0.6),
      number("magnetic_moment_bohr", "Bohr magnetons", -1.0, 1.0),
      number("millicharge_e", "e", -1.0, 1.0),
      number("charge_radius_cm2", "cm2", -1e-24, 1e-24),
      // fit settings
      number("tolerance", "", 0.0, 1.0, true),
      // counts
      count("points", 1, 1e6),
      count("samples", 1, 1e8),
      count("count", 1, 1e8),
      count("starts", 1, 1e4),
      count("max_evaluations", 1, 1e8),
      count("atomic_number", 1, 120),
      count("x_column", 0, 1000),
      count("efficiency_column", 0, 1000),
      count("column", 0, 1000),
  };
  return table;
}

const YamlLimit* yaml_limit(const std::string& key) {
  const auto& t = yaml_limits();
  const auto it = std::find_if(t.begin(), t.end(), [&](const YamlLimit& l) { return l.key == key; });
  return it == t.end() ? nullptr : &*it;
}

std::string yaml_limit_problem(const YamlLimit& l, double v) {
  if (!std::isfinite(v)) return "not a finite number";
  if (l.whole) {
    if (v != std::floor(v) || v < l.min || v > l.max)
      return fmt::format("expected a whole number from {:g} to {:g}, got {:g}", l.min, l.max, v);
    return "";
  }
  const bool low = l.min_open ? !(v > l.min) : !(v >= l.min);
  if (!low && v <= l.max) return "";
  const std::string unit = l.unit.empty() ? "" : " (" + l.unit + ")";
  return fmt::format("{:g} is outside the allowed range: expected a number{} in {}{:g}, {:g}]", v, unit,
                     l.min_open ? "(" : "[", l.min, l.max);
}

}  // namespace cevns::io
