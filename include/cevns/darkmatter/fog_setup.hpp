#pragma once
// The neutrino fog as `cevns fog` and cevns.fog compute it: the same options, checks, halo,
// backgrounds and per-mass table, so that the command line and Python cannot drift apart.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cevns/darkmatter/halo_model.hpp"
#include "cevns/darkmatter/neutrino_fog.hpp"

namespace cevns {

// The options that define the statistics (the mass grid is the caller's).
struct FogSetup {
  std::string target;
  double threshold_keV = 1e-4, max_recoil_keV = 200.0, efficiency = 1.0;
  int bins = 50;
  double exposure_min_ton_year = 1e-6, exposure_max_ton_year = 1e12;
  int exposures_per_decade = 10;
  double significance = 3.0;
  std::string halo = "baxter2021", fluxes = "ohare2021", solar_model = "GS98";
  std::optional<double> v0_km_s, vesc_km_s, vlab_km_s, rho_GeV_cm3;
  unsigned threads = 0;
};

// How InputError messages name the options: "--threshold-keV" or "threshold_keV".
enum class FogOptionNames { command_line, python };

// The named halo (baxter2021 or ohare2021) with the setup's overrides, validated.
StandardHaloModel fog_halo(const FogSetup& setup, FogOptionNames names);

struct FogModel {
  std::unique_ptr<NeutrinoFog> fog;
  StandardHaloModel halo;
  std::string target;  // the material's name
};
// Checks the setup (InputError) and builds the fog of its target with the catalog's solar model,
// atmospheric flux and DSNB.
FogModel make_neutrino_fog(const FogSetup& setup, const CevnsSettings& settings, FogOptionNames names);

struct FogBackgroundTotal {
  std::string name;
  double events_per_ton_year = 0.0;  // above threshold, nominal normalisation
  double relative_uncertainty = 0.0;
};

struct FogTable {
  std::string target;                         // the material's name
  StandardHaloModel halo;
  std::vector<double> mass_GeV;               // as given
  std::vector<std::optional<FogCurve>> curves;  // per mass; none: no WIMP recoil above threshold
  std::vector<FogBackgroundTotal> backgrounds;
  std::vector<double> bin_edges_keV;
};
// The fog at each mass (masses must be positive; the curves are computed in parallel).
FogTable neutrino_fog_table(const FogSetup& setup, const std::vector<double>& mass_GeV, const CevnsSettings& settings,
                            FogOptionNames names);

}  // namespace cevns
