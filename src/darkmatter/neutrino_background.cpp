#include "cevns/darkmatter/neutrino_background.hpp"

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {

const std::vector<BackgroundNormalisation>& ohare2021_background_normalisations() {
  static const std::vector<BackgroundNormalisation> table{
      {"pp", 5.98e10, 0.006},  {"pep", 1.44e8, 0.01},  {"hep", 7.98e3, 0.30}, {"7Be", 4.93e8 + 4.50e9, 0.06},
      {"8B", 5.16e6, 0.02},    {"13N", 2.78e8, 0.15},  {"15O", 2.05e8, 0.17}, {"17F", 5.29e6, 0.20},
      {"DSNB", 85.7, 0.50},    {"atm", 0.0, atmospheric_flux_uncertainty}};
  return table;
}

std::vector<NeutrinoBackground> dark_matter_neutrino_backgrounds(const SolarModel& solar, const AtmosphericFlux& atm,
                                                                 BackgroundFluxes fluxes, const DsnbModel& dsnb) {
  std::vector<NeutrinoBackground> out;
  const double flux_unit = 1.0 / (units::cm2 * units::s);
  for (const auto& n : ohare2021_background_normalisations()) {
    NeutrinoSource src;
    if (n.name == "DSNB") {
      src = dsnb_source(dsnb);
    } else if (n.name == "atm") {
      src = atmospheric_source(atm);
    } else {
      src = solar_source(solar, {parse_solar_component(n.name)});
      src.name = "solar:" + n.name;
    }
    if (fluxes == BackgroundFluxes::ohare2021 && n.total_per_cm2_s > 0.0) {
      const double total = src.total();
      if (!(total > 0.0)) throw DataError("neutrino background '" + n.name + "' has zero flux");
      src = src.scaled(n.total_per_cm2_s * flux_unit / total);
      src.references.push_back("total rescaled to C.A.J. O'Hare, PRL 127, 251802 (2021)");
    }
    out.push_back({n.name, std::move(src), n.relative_uncertainty});
  }
  return out;
}

}  // namespace cevns
