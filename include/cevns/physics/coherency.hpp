#pragma once
// How coherent the scattering is.
//
// coherent_energy_limit: the Maneschg 2018 review's condition E_nu <~ 1/(2 R_A) with R_A = 1.25 A^(1/3) fm
//   ("197 / (2.5 A^(1/3)) MeV"), the energy above which the nucleus is resolved.
// flux_averaged_coherency: <alpha> = int phi sigma(F) dE / int phi sigma(F = 1) dE, the fraction of
//   the point-nucleus rate that survives the form factor, averaged over a spectrum (the definition
//   cevns uses for the Maneschg 2018 review's table from S. Kerman et al., PRD 93, 113006 (2016); see
//   docs/physics/cross_section.md and validation N06).
#include "cevns/core/flavour.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "cevns/sources/spectrum.hpp"

namespace cevns {

double coherent_energy_limit(int mass_number);

// <alpha> for species nu with spectrum `spectrum` on the material (isotopes weighted by their
// atoms per formula unit, as the rate is).
double flux_averaged_coherency(const MaterialCrossSection& target, Neutrino nu, const Spectrum& spectrum);

// A second reading of <alpha>: the flux average of the energy-dependent ratio
// alpha(E) = sigma_F(E) / sigma_{F=1}(E), each energy weighted by the flux alone rather than by
// the rate, int phi alpha dE / int phi dE. Compared with the first in `cevns coherency`.
double flux_weighted_coherency(const MaterialCrossSection& target, Neutrino nu, const Spectrum& spectrum);

}  // namespace cevns
