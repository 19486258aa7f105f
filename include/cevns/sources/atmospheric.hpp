#pragma once
// Low-energy atmospheric neutrinos: the direction-averaged FLUKA fluxes of nu_e, anti-nu_e, nu_mu
// and anti-nu_mu (G. Battistoni, A. Ferrari, T. Montaruli, P.R. Sala, Astropart. Phys. 23, 526
// (2005)), 13.2-982 MeV, as used for the neutrino floor by C.A.J. O'Hare, PRL 127, 251802 (2021).
//
// No oscillation is applied and no nu_tau is present: CEvNS is (nearly) flavour blind, and the
// tables are what the neutrino-floor literature uses. The overall normalisation is uncertain by
// 25 % (O'Hare 2021, after the FLUKA authors' estimate at these energies), the dominant
// uncertainty of the floor for heavy WIMPs.
#include <array>
#include <string>
#include <vector>

#include "cevns/sources/neutrino_source.hpp"
#include "cevns/sources/tabulated_function.hpp"

namespace cevns {

// The species of the tables, in the order of AtmosphericFlux::density.
inline constexpr std::array<Neutrino, 4> atmospheric_species{
    {{Flavour::e, false}, {Flavour::e, true}, {Flavour::mu, false}, {Flavour::mu, true}}};

// Relative 1-sigma uncertainty of the normalisation (O'Hare 2021, src/Params.py of NeutrinoFog).
inline constexpr double atmospheric_flux_uncertainty = 0.25;

struct AtmosphericFlux {
  // dPhi/dE per species (natural units: x energy, y per area, time and energy).
  std::array<TabulatedFunction, 4> density{};
  std::vector<std::string> references;
};

// The source at the detector (Normalisation::flux), each species interpolated from its table.
NeutrinoSource atmospheric_source(const AtmosphericFlux& flux);

}  // namespace cevns
