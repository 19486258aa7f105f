#pragma once
// Antineutrino spectrum of one allowed beta-minus branch (endpoint Q = kinetic-energy endpoint,
// daughter charge Z):
//   dN/dE_nu ∝ E_nu^2 p_e W_e F(Z, W_e),   W_e = Q - E_nu + m_e,  p_e = sqrt(W_e^2 - m_e^2),
// with the non-relativistic Fermi function F = 2 pi eta / (1 - exp(-2 pi eta)), eta = alpha Z W_e/p_e.
// Approximations (documented in docs/physics/sources.md): allowed shape (no forbidden shape
// factors), point nucleus, no screening, radiative or weak-magnetism corrections; recoil neglected.
// For Z ~ 90 the Fermi function keeps p_e F finite as p_e -> 0, so the neutrino spectrum ends with
// a step at E_nu = Q, as the tabulated capture spectra of reactors show.
#include <vector>

#include "cevns/sources/spectrum.hpp"

namespace cevns {

struct BetaBranch {
  double endpoint = 0.0;   // kinetic-energy endpoint Q (natural units)
  double intensity = 1.0;  // decays per parent decay
};

// Unnormalised shape of one branch.
double allowed_beta_antineutrino_shape(double neutrino_energy, double endpoint, int daughter_z);

// Antineutrinos per parent decay: sum over branches, each normalised to its intensity.
Spectrum beta_decay_antineutrino_spectrum(const std::vector<BetaBranch>& branches, int daughter_z);

}  // namespace cevns
