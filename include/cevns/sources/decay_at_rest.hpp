#pragma once
// Stopped-pion (pi+ decay-at-rest) neutrinos at spallation sources.
//
//   pi+ -> mu+ nu_mu        prompt line at E = (m_pi^2 - m_mu^2) / (2 m_pi) = 29.79 MeV
//   mu+ -> e+ nu_e anti-nu_mu   delayed Michel spectra, endpoint m_mu / 2 (electron mass neglected):
//     dN/dE(nu_e)      = (192 / m_mu) (E/m_mu)^2 (1/2 - E/m_mu)
//     dN/dE(anti-nu_mu) = (64 / m_mu) (E/m_mu)^2 (3/4 - E/m_mu)
// (e.g. F.T. Avignone, Y.V. Efremenko, J. Phys. G 29, 2615 (2003); docs/physics/sources.md.)
// Each flavour carries the same number of neutrinos per proton, Y (nu/flavour/proton); the flux at
// distance L from a beam of P protons per unit time is P Y / (4 pi L^2) per flavour. No flux is
// hard-wired: power, proton energy and yield are inputs (facility presets: data/decay_at_rest/).
#include <optional>
#include <string>

#include "cevns/sources/neutrino_source.hpp"

namespace cevns {

// The prompt nu_mu energy and the Michel endpoint (natural units), from constants.hpp masses.
double dar_prompt_energy();
double dar_michel_endpoint();
// Unit-normalised densities (per unit energy; integrate to 1 over [0, m_mu/2]).
double michel_nue_density(double energy);
double michel_numubar_density(double energy);

// One neutrino of each DAR flavour (the spectra integrate to 1 per flavour).
NeutrinoSource dar_spectra_per_decay_chain();

// Beam parameters of a spallation facility (natural units: energies MeV, times MeV^-1;
// beam power in MeV per unit time).
struct SpallationFacility {
  std::string name;
  double proton_energy = 0.0;
  double beam_power = 0.0;
  double repetition_rate = 0.0;  // pulses per unit time
  double pulse_width = 0.0;
  std::optional<double> nu_per_flavour_per_proton;  // absent where no published yield is known
  std::string facility_reference;
  std::string yield_reference;
};

// Protons per unit time for a beam power and proton kinetic energy.
double protons_per_time(double beam_power, double proton_energy);
// Protons on target delivered by an integrated beam energy (e.g. GW hr), same conversion.
double protons_on_target(double beam_energy, double proton_energy);

// Time-averaged DAR flux (Normalisation::flux) at `distance` for `protons_per_unit_time` and a
// yield of nu/flavour/proton.
NeutrinoSource decay_at_rest_source(double protons_per_unit_time, double nu_per_flavour_per_proton,
                                    double distance, const std::string& name = "decay-at-rest");
// The same from a facility preset; `yield` overrides the preset's yield (InputError if neither).
NeutrinoSource decay_at_rest_source(const SpallationFacility& facility, double distance,
                                    std::optional<double> yield = std::nullopt);

}  // namespace cevns
