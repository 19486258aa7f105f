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
#include "cevns/darkmatter/neutrino_fog.hpp"
#include "cevns/io/atmospheric_data_reader.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "command.hpp"
#include "output.hpp"
#include "physics_options.hpp"

namespace cevns::cli {
namespace {

struct FogCliOptions {
  std::string target;
  std::vector<double> masses_GeV;
  double mass_min_GeV = 1.0, mass_max_GeV = 1e4;
  int mass_points = 25;
  double threshold_keV = 1e-4, max_recoil_keV = 200.0, efficiency = 1.0;
  int bins = 50;
  double exposure_min_ton_year = 1e-6, exposure_max_ton_year = 1e12;
  int exposures_per_decade = 10;
  double significance = 3.0;
  std::string halo = "baxter2021", fluxes = "ohare2021", solar_model = "GS98";
  std::optional<double> v0_km_s, vesc_km_s, vlab_km_s, rho_GeV_cm3;
  unsigned threads = 0;
  bool json = false, curves = false;
  PhysicsOptions physics;
};

StandardHaloModel halo_from(const FogCliOptions& o) {
  StandardHaloModel h;
  if (o.halo == "baxter2021") h = StandardHaloModel::baxter2021();
  else if (o.halo == "ohare2021") h = StandardHaloModel::ohare2021();
  else throw InputError("--halo must be baxter2021 or ohare2021, got '" + o.halo + "'");
  if (o.v0_km_s) h.v0 = *o.v0_km_s * km_per_s;
  if (o.vesc_km_s) h.v_esc = *o.vesc_km_s * km_per_s;
  if (o.vlab_km_s) h.v_lab = *o.vlab_km_s * km_per_s;
  if (o.rho_GeV_cm3) h.density = *o.rho_GeV_cm3 * units::GeV / cm3_natural;
  h.validate();
  return h;
}

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
  if (o.target.empty()) throw InputError("give --target (e.g. Xe, Ar, Ge, CaWO4, Xe131)");
  if (!(o.threshold_keV > 0.0) || !std::isfinite(o.threshold_keV)) throw InputError("--threshold-keV must be positive");
  if (o.fluxes != "ohare2021" && o.fluxes != "model") throw InputError("--fluxes must be ohare2021 or model");
  FogOptions fo;
  fo.binning.threshold = o.threshold_keV * units::keV;
  fo.binning.max_recoil = o.max_recoil_keV * units::keV;
  fo.binning.bins = o.bins;
  fo.binning.efficiency = o.efficiency;
  fo.exposure_min_ton_year = o.exposure_min_ton_year;
  fo.exposure_max_ton_year = o.exposure_max_ton_year;
  fo.exposures_per_decade = o.exposures_per_decade;
  fo.discovery.significance = o.significance;
  fo.threads = o.threads;
  fo.validate();
  const auto masses = mass_grid(o);
  const StandardHaloModel halo = halo_from(o);
  const Material material = Material::from_name(io::default_nuclear_database(), o.target);
  const auto backgrounds = dark_matter_neutrino_backgrounds(
      io::default_solar_model(o.solar_model), io::default_atmospheric_flux(),
      o.fluxes == "model" ? BackgroundFluxes::model : BackgroundFluxes::ohare2021);
  const NeutrinoFog fog(material, backgrounds, halo, fo, o.physics.settings());

  std::vector<double> reachable;
  for (double m : masses)
    if (fog.signal_total(m) > 0.0) reachable.push_back(m);
  const auto curves = fog.curves(reachable);

  nlohmann::json bg = nlohmann::json::array();
  for (std::size_t k = 0; k < fog.background_names().size(); ++k) {
    double total = 0.0;
    for (double v : fog.background_counts()[k]) total += v;
    bg.push_back({{"name", fog.background_names()[k]},
                  {"events_per_ton_year", total},
                  {"relative_uncertainty", fog.background_uncertainties()[k]}});
  }
  nlohmann::json rows = nlohmann::json::array();
  std::size_t next = 0;
  for (double m : masses) {
    nlohmann::json row = {{"mass_GeV", m}};
    if (next < curves.size() && curves[next].mass_GeV == m) {
      const auto& c = curves[next++];
      row["reachable"] = true;
      row["floor_cross_section_cm2"] = c.floor_cross_section_cm2 ? nlohmann::json(*c.floor_cross_section_cm2) : nlohmann::json();
      row["floor_exposure_ton_year"] = c.floor_exposure_ton_year ? nlohmann::json(*c.floor_exposure_ton_year) : nlohmann::json();
      row["exposure_ton_year"] = c.exposure_ton_year;
      row["discovery_cross_section_cm2"] = c.cross_section_cm2;
      row["fog_index"] = c.fog_index;
      row["neutrino_events"] = c.neutrino_events;
    } else {
      row["reachable"] = false;  // no WIMP recoil above threshold
    }
    rows.push_back(row);
  }
  if (o.json) {
    print_json({{"target", material.name()},
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
  std::cout << fmt::format("neutrino fog: {} above {:g} keVnr, {}-sigma discovery, floor at n = 2\n", material.name(),
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
