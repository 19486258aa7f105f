#include "cevns/darkmatter/fog_setup.hpp"

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/atmospheric_data_reader.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"

namespace cevns {
namespace {

// The option as the caller's users spell it: a flag or a keyword.
std::string option(FogOptionNames names, const std::string& flag, const std::string& keyword) {
  return names == FogOptionNames::command_line ? flag : keyword;
}

}  // namespace

StandardHaloModel fog_halo(const FogSetup& o, FogOptionNames names) {
  StandardHaloModel h;
  if (o.halo == "baxter2021") h = StandardHaloModel::baxter2021();
  else if (o.halo == "ohare2021") h = StandardHaloModel::ohare2021();
  else throw InputError(option(names, "--halo", "halo") + " must be baxter2021 or ohare2021, got '" + o.halo + "'");
  if (o.v0_km_s) h.v0 = *o.v0_km_s * km_per_s;
  if (o.vesc_km_s) h.v_esc = *o.vesc_km_s * km_per_s;
  if (o.vlab_km_s) h.v_lab = *o.vlab_km_s * km_per_s;
  if (o.rho_GeV_cm3) h.density = *o.rho_GeV_cm3 * units::GeV / cm3_natural;
  h.validate();
  return h;
}

FogModel make_neutrino_fog(const FogSetup& o, const CevnsSettings& settings, FogOptionNames names) {
  if (o.target.empty())
    throw InputError(option(names, "give --target", "give a target") + " (e.g. Xe, Ar, Ge, CaWO4, Xe131)");
  if (!(o.threshold_keV > 0.0) || !std::isfinite(o.threshold_keV))
    throw InputError(option(names, "--threshold-keV", "threshold_keV") + " must be positive");
  if (o.fluxes != "ohare2021" && o.fluxes != "model")
    throw InputError(option(names, "--fluxes", "fluxes") + " must be ohare2021 or model");
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
  FogModel out;
  out.halo = fog_halo(o, names);
  const Material material = Material::from_name(io::default_nuclear_database(), o.target);
  const auto backgrounds = dark_matter_neutrino_backgrounds(
      io::default_solar_model(o.solar_model), io::default_atmospheric_flux(),
      o.fluxes == "model" ? BackgroundFluxes::model : BackgroundFluxes::ohare2021);
  out.target = material.name();
  out.fog = std::make_unique<NeutrinoFog>(material, backgrounds, out.halo, fo, settings);
  return out;
}

FogTable neutrino_fog_table(const FogSetup& setup, const std::vector<double>& mass_GeV, const CevnsSettings& settings,
                            FogOptionNames names) {
  const auto [fog, halo, target] = make_neutrino_fog(setup, settings, names);
  FogTable t;
  t.target = target;
  t.halo = halo;
  t.mass_GeV = mass_GeV;
  std::vector<double> reachable;
  for (double m : mass_GeV)
    if (fog->signal_total(m) > 0.0) reachable.push_back(m);
  auto curves = fog->curves(reachable);
  std::size_t next = 0;
  for (double m : mass_GeV) {
    if (next < curves.size() && curves[next].mass_GeV == m) t.curves.emplace_back(std::move(curves[next++]));
    else t.curves.emplace_back();
  }
  for (std::size_t k = 0; k < fog->background_names().size(); ++k) {
    double total = 0.0;
    for (double v : fog->background_counts()[k]) total += v;
    t.backgrounds.push_back({fog->background_names()[k], total, fog->background_uncertainties()[k]});
  }
  t.bin_edges_keV = fog->bin_edges_keV();
  return t;
}

}  // namespace cevns
