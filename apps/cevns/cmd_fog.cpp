// `cevns fog`: the neutrino floor and fog of a dark-matter target: the 3-sigma spin-independent
// discovery limit versus exposure for a grid of WIMP masses, its fog index n and the floor (the
// cross section where n first reaches 2; C.A.J. O'Hare, PRL 127, 251802 (2021)).
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>
#include <optional>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/darkmatter/fog_setup.hpp"
#include "command.hpp"
#include "output.hpp"
#include "physics_options.hpp"

namespace cevns::cli {
namespace {

// The statistics options are the library's FogSetup; the mass grid and output are the command's.
struct FogCliOptions : FogSetup {
  std::vector<double> masses_GeV;
  double mass_min_GeV = 1.0, mass_max_GeV = 1e4;
  int mass_points = 25;
  bool json = false, curves = false;
  PhysicsOptions physics;
};

std::vector<double> mass_grid(const FogCliOptions& o) {
  if (!o.masses_GeV.empty()) {
    for (double m : o.masses_GeV)
      if (!(m > 0.0) || !std::isfinite(m)) throw InputError("--masses must be positive (GeV)");
    return o.masses_GeV;
  }
  if (!(o.mass_min_GeV > 0.0) || !(o.mass_max_GeV >= o.mass_min_GeV) || !std::isfinite(o.mass_max_GeV))
    throw InputError("--mass-min-GeV and --mass-max-GeV must satisfy 0 < min <= max");
  if (o.mass_points < 1 || o.mass_points > 10000) throw InputError("--mass-points must be between 1 and 10000");
  std::vector<double> m;
  for (int i = 0; i < o.mass_points; ++i)
    m.push_back(o.mass_points == 1 ? o.mass_min_GeV
                                   : o.mass_min_GeV * std::pow(o.mass_max_GeV / o.mass_min_GeV,
                                                               static_cast<double>(i) / (o.mass_points - 1)));
  return m;
}

void run_fog(const FogCliOptions& o) {
  const auto table = neutrino_fog_table(o, mass_grid(o), o.physics.settings(), FogOptionNames::command_line);
  const auto& halo = table.halo;

  nlohmann::json bg = nlohmann::json::array();
  for (const auto& b : table.backgrounds)
    bg.push_back({{"name", b.name}, {"events_per_ton_year", b.events_per_ton_year},
                  {"relative_uncertainty", b.relative_uncertainty}});
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < table.mass_GeV.size(); ++i) {
    nlohmann::json row = {{"mass_GeV", table.mass_GeV[i]}};
    if (const auto& c = table.curves[i]) {
      row["reachable"] = true;
      row["floor_cross_section_cm2"] = c->floor_cross_section_cm2 ? nlohmann::json(*c->floor_cross_section_cm2) : nlohmann::json();
      row["floor_exposure_ton_year"] = c->floor_exposure_ton_year ? nlohmann::json(*c->floor_exposure_ton_year) : nlohmann::json();
      row["exposure_ton_year"] = c->exposure_ton_year;
      row["discovery_cross_section_cm2"] = c->cross_section_cm2;
      row["fog_index"] = c->fog_index;
      row["neutrino_events"] = c->neutrino_events;
    } else {
      row["reachable"] = false;  // no WIMP recoil above threshold
    }
    rows.push_back(row);
  }
  if (o.json) {
    print_json({{"target", table.target},
                {"threshold_keV", o.threshold_keV},
                {"max_recoil_keV", o.max_recoil_keV},
                {"bins", o.bins},
                {"efficiency", o.efficiency},
                {"significance", o.significance},
                {"halo", {{"v0_km_s", halo.v0 / km_per_s}, {"vesc_km_s", halo.v_esc / km_per_s},
                          {"vlab_km_s", halo.v_lab / km_per_s}, {"rho_GeV_cm3", halo.density * cm3_natural / units::GeV}}},
                {"backgrounds", bg},
                {"masses", rows},
                {"cevns", run_metadata({"C.A.J. O'Hare, PRL 127, 251802 (2021)",
                                        "J. Billard, L. Strigari, E. Figueroa-Feliciano, PRD 89, 023524 (2014)",
                                        "D. Baxter et al., EPJC 81, 907 (2021)"})}});
    return;
  }
  std::cout << fmt::format("neutrino fog: {} above {:g} keVnr, {}-sigma discovery, floor at n = 2\n", table.target,
                           o.threshold_keV, o.significance);
  for (const auto& b : bg)
    std::cout << fmt::format("  {:<5} {:.4e} events/(t y)  +-{:g} %\n", b["name"].get<std::string>(),
                             b["events_per_ton_year"].get<double>(), 100 * b["relative_uncertainty"].get<double>());
  std::cout << fmt::format("{:>12} {:>16} {:>18}\n", "mass_GeV", "floor_cm2", "floor_exposure_t_y");
  for (const auto& r : rows) {
    if (!r["reachable"].get<bool>() || r["floor_cross_section_cm2"].is_null()) {
      std::cout << fmt::format("{:>12.4g} {:>16} {:>18}\n", r["mass_GeV"].get<double>(),
                               r["reachable"].get<bool>() ? "not reached" : "below threshold", "-");
      continue;
    }
    std::cout << fmt::format("{:>12.4g} {:>16.4e} {:>18.4e}\n", r["mass_GeV"].get<double>(),
                             r["floor_cross_section_cm2"].get<double>(), r["floor_exposure_ton_year"].get<double>());
    if (o.curves) {
      const auto& x = r["exposure_ton_year"];
      for (std::size_t j = 0; j < x.size(); ++j)
        std::cout << fmt::format("    {:.4e} t y  sigma {:.4e} cm2  n {:.3f}\n", x[j].get<double>(),
                                 r["discovery_cross_section_cm2"][j].get<double>(), r["fog_index"][j].get<double>());
    }
  }
}

}  // namespace

void add_fog_command(CLI::App& app) {
  auto o = std::make_shared<FogCliOptions>();
  auto* cmd = app.add_subcommand("fog", "neutrino floor and fog of a dark-matter target (SI WIMP discovery limits)");
  cmd->add_option("--target", o->target, "target material: element, isotope or formula (Xe, Ar, Ge, Xe131, CaWO4)");
  cmd->add_option("--masses", o->masses_GeV, "WIMP masses in GeV (overrides the grid)")->delimiter(',');
  cmd->add_option("--mass-min-GeV", o->mass_min_GeV, "smallest WIMP mass of the log grid")->capture_default_str();
  cmd->add_option("--mass-max-GeV", o->mass_max_GeV, "largest WIMP mass of the log grid")->capture_default_str();
  cmd->add_option("--mass-points", o->mass_points, "points of the mass grid")->capture_default_str();
  cmd->add_option("--threshold-keV", o->threshold_keV, "nuclear-recoil threshold (keVnr)")->capture_default_str();
  cmd->add_option("--max-recoil-keV", o->max_recoil_keV, "upper end of the recoil window (keVnr)")->capture_default_str();
  cmd->add_option("--bins", o->bins, "logarithmic recoil bins")->capture_default_str();
  cmd->add_option("--efficiency", o->efficiency, "flat signal and background efficiency")->capture_default_str();
  cmd->add_option("--exposure-min-ton-year", o->exposure_min_ton_year, "smallest exposure")->capture_default_str();
  cmd->add_option("--exposure-max-ton-year", o->exposure_max_ton_year, "largest exposure")->capture_default_str();
  cmd->add_option("--exposures-per-decade", o->exposures_per_decade, "exposure grid density")->capture_default_str();
  cmd->add_option("--significance", o->significance, "discovery significance Z (q0 = Z^2)")->capture_default_str();
  cmd->add_option("--halo", o->halo, "baxter2021 (v0 238, vesc 544, rho 0.3) or ohare2021")->capture_default_str();
  cmd->add_option("--v0-km-s", o->v0_km_s, "override the halo's most probable speed");
  cmd->add_option("--vesc-km-s", o->vesc_km_s, "override the escape speed");
  cmd->add_option("--vlab-km-s", o->vlab_km_s, "override the lab speed");
  cmd->add_option("--rho-GeV-cm3", o->rho_GeV_cm3, "override the local density");
  cmd->add_option("--fluxes", o->fluxes, "ohare2021 (fog convention) or model (SSM/DSNB/FLUKA totals)")->capture_default_str();
  cmd->add_option("--solar-model", o->solar_model, "GS98 or AGSS09met")->capture_default_str();
  cmd->add_option("--threads", o->threads, "worker threads (0: all cores)");
  cmd->add_flag("--curves", o->curves, "text output: print the discovery limit at every exposure");
  cmd->add_flag("--json", o->json, "print one JSON object (with the full curves)");
  o->physics.add_to(*cmd);
  cmd->callback([o] { run_fog(*o); });
}

}  // namespace cevns::cli
