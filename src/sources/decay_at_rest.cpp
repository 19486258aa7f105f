#include "cevns/sources/decay_at_rest.hpp"

#include <cmath>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {
namespace {
constexpr double m_mu = constants::muon_mass_MeV * units::MeV;
constexpr double m_pi = constants::charged_pion_mass_MeV * units::MeV;
const char* const kMichelRef = "F.T. Avignone, Yu.V. Efremenko, J. Phys. G 29, 2615 (2003) (pi-DAR spectra)";
}  // namespace

double dar_prompt_energy() { return (m_pi * m_pi - m_mu * m_mu) / (2.0 * m_pi); }
double dar_michel_endpoint() { return m_mu / 2.0; }

double michel_nue_density(double energy) {
  if (energy < 0.0 || energy > dar_michel_endpoint()) return 0.0;
  const double x = energy / m_mu;
  return 192.0 / m_mu * x * x * (0.5 - x);
}

double michel_numubar_density(double energy) {
  if (energy < 0.0 || energy > dar_michel_endpoint()) return 0.0;
  const double x = energy / m_mu;
  return 64.0 / m_mu * x * x * (0.75 - x);
}

NeutrinoSource dar_spectra_per_decay_chain() {
  NeutrinoSource s;
  s.name = "pi-DAR per decay chain";
  s.add({Flavour::mu, false}, Spectrum::line_only({{dar_prompt_energy(), 1.0}}));
  s.add({Flavour::e, false}, Spectrum(michel_nue_density, 0.0, dar_michel_endpoint()));
  s.add({Flavour::mu, true}, Spectrum(michel_numubar_density, 0.0, dar_michel_endpoint()));
  s.references = {kMichelRef};
  return s;
}

double protons_per_time(double beam_power, double proton_energy) {
  if (!(beam_power > 0.0) || !std::isfinite(beam_power)) throw InputError("beam power must be positive");
  if (!(proton_energy > 0.0) || !std::isfinite(proton_energy)) throw InputError("proton energy must be positive");
  return beam_power / proton_energy;
}

double protons_on_target(double beam_energy, double proton_energy) {
  return protons_per_time(beam_energy, proton_energy);  // same ratio: energy / energy per proton
}

NeutrinoSource decay_at_rest_source(double protons_per_unit_time, double nu_per_flavour_per_proton,
                                    double distance, const std::string& name) {
  if (!(protons_per_unit_time > 0.0)) throw InputError("proton rate must be positive");
  if (!(nu_per_flavour_per_proton > 0.0) || !std::isfinite(nu_per_flavour_per_proton))
    throw InputError("neutrinos per flavour per proton must be positive");
  NeutrinoSource s = dar_spectra_per_decay_chain().scaled(protons_per_unit_time * nu_per_flavour_per_proton *
                                                          inverse_square(distance));
  s.name = name;
  s.normalisation = Normalisation::flux;
  return s;
}

NeutrinoSource decay_at_rest_source(const SpallationFacility& facility, double distance,
                                    std::optional<double> yield) {
  const auto y = yield ? yield : facility.nu_per_flavour_per_proton;
  if (!y)
    throw InputError("facility '" + facility.name +
                     "' has no published neutrino yield in data/decay_at_rest/facilities.csv: give "
                     "--nu-per-proton");
  NeutrinoSource s = decay_at_rest_source(protons_per_time(facility.beam_power, facility.proton_energy), *y,
                                          distance, facility.name);
  if (!facility.facility_reference.empty()) s.references.push_back(facility.facility_reference);
  if (!yield && !facility.yield_reference.empty()) s.references.push_back(facility.yield_reference);
  return s;
}

}  // namespace cevns
