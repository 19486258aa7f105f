#pragma once
// Vector couplings of neutrinos to protons and neutrons, and the nuclear weak charge.
//
// Convention (docs/physics.md): Q_W(q) = 2 [Z g_V^p F_p(q) + N g_V^n F_n(q)], so that at tree level
// and q = 0, Q_W = Z(1 - 4 sin^2 theta_W) - N, the square of the Wagner 2022 review, NUCLEUS INFN presentation's weak charge, and
// dsigma/dT = G_F^2 M / (4 pi) Q_W^2 (kinematic factor).
#include <string>
#include <string_view>

#include "cevns/core/flavour.hpp"

namespace cevns {

enum class CouplingScheme {
  tree_level,  // g_V^p = 1/2 - 2 sin^2 theta_W, g_V^n = -1/2
  radiative,   // Erler & Su 2013 / PDG with flavour-dependent neutrino charge radius (validation C05)
};

std::string to_string(CouplingScheme scheme);
// "tree" / "tree-level", "radiative"; InputError otherwise.
CouplingScheme parse_coupling_scheme(std::string_view name);

struct NucleonCouplings {
  double proton = 0.0;   // g_V^p
  double neutron = 0.0;  // g_V^n
};

// Standard-Model couplings for species `nu`.
//  tree_level: at the given sin^2 theta_W.
//  radiative: g_V^p = 0.01836 + charge-radius term (nue +0.0196964, numu +0.0114381,
//    nutau +0.00706633), g_V^n = -0.5117 (J. Erler, S. Su, Prog. Part. Nucl. Phys. 71, 119
//    (2013); PDG); these hold at sin^2 theta_W = 0.23857, and a different sin^2 theta_W shifts
//    g_V^p by -2 (sin^2 theta_W - 0.23857) so that the weak mixing angle stays a fit parameter.
//    Neutrinos and antineutrinos get the same couplings: the charge radius and the Z coupling of
//    the neutrino both change sign for an antineutrino.
NucleonCouplings standard_model_couplings(Neutrino nu, CouplingScheme scheme, double sin2_theta_w);

}  // namespace cevns
