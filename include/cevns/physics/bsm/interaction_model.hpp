#pragma once
// Interactions beyond the Standard Model that plug into CevnsCrossSection through
// CevnsSettings::bsm (docs/physics/bsm.md has every formula and its reference).
//
// A plain struct of parameters: the cross section reads it once at construction, precomputes the
// per-flavour shifts of the nucleon couplings, and branches on what is nonzero, so the default
// (all zero) costs nothing and models compose (vector NSI + Z' + scalar + tensor + EM in one).
//
// Conventions (our Q_W = 2 [Z g_V^p F_p + N g_V^n F_n], dsigma/dT = G_F^2 M/(4 pi) Q_W^2 (...)):
//  vector NSI      g_V^p -> g_V^p + 2 eps^u_aa + eps^d_aa,  g_V^n -> g_V^n + eps^u_aa + 2 eps^d_aa;
//                  off-diagonal eps_ab (b != a) add 4 [Z(2 eps^u_ab + eps^d_ab)F_p +
//                  N(eps^u_ab + 2 eps^d_ab)F_n]^2 to Q_W^2 (final flavours summed incoherently).
//  light vector Z' g_V^{p,n} += g^2 Q_nu^a (2Q_u + Q_d | Q_u + 2Q_d) / (sqrt2 G_F (|q|^2 + m^2)),
//                  so m -> infinity is vector NSI with eps^q_aa = g^2 Q_nu^a Q_q / (sqrt2 G_F m^2).
//  EM              g_V^p += 2 sqrt2 pi alpha q_nu / (G_F |q|^2) - sqrt2 pi alpha <r^2> / (3 G_F):
//                  the photon vertex F_Q(q^2) = q_nu + q^2 <r^2>/6 at q^2 = -|q|^2 (C. Giunti,
//                  A. Studenikin, RMP 87, 531 (2015)); the sign reproduces the PDG/Erler-Su flavour
//                  splitting of g_V^p from the SM charge radii (tests/physics/bsm_published_test.cpp).
// Antineutrinos get the same shifts: the SM and every vector/EM amplitude flip sign together.
#include <array>
#include <string>

#include "cevns/core/flavour.hpp"

namespace cevns {

// eps_{alpha beta}, alpha, beta in (e, mu, tau); real and symmetric (only [a][b] with a <= b is read
// for off-diagonal entries; parsers fill both).
using FlavourMatrix = std::array<std::array<double, 3>, 3>;

enum class ZprimeModel {
  universal,       // Q_nu = Q_u = Q_d = 1 (e.g. Liao & Marfatia 2017; Cadeddu et al. 2021)
  b_minus_l,       // Q_nu = -1, Q_u = Q_d = 1/3
  lmu_minus_ltau,  // Q_numu = +1, Q_nutau = -1, quarks only through the mu/tau loop (kinetic mixing)
  custom,          // charges given in LightVectorMediator
};
std::string to_string(ZprimeModel model);
// "universal", "b-l", "lmu-ltau", "custom"; InputError with did-you-mean otherwise.
ZprimeModel parse_zprime_model(std::string_view name);

struct LightVectorMediator {
  double mass = 0.0;      // natural units (MeV)
  double coupling = 0.0;  // g_Z' (0: absent)
  ZprimeModel model = ZprimeModel::universal;
  // Used only for ZprimeModel::custom.
  std::array<double, 3> neutrino_charge{1.0, 1.0, 1.0};
  double up_charge = 1.0;
  double down_charge = 1.0;
};

// A light scalar with universal coupling g to neutrinos and quarks (D.G. Cerdeno et al., JHEP 05
// (2016) 118, Table IV): dsigma/dT = g^4 Q_phi^2 M^2 T / (4 pi E^2 (|q|^2 + m^2)^2),
// Q_phi = 15.1 Z F_p + 14 N F_n = (14 A + 1.1 Z) at F = 1, as in Billard et al. JCAP 11 (2018) 016.
struct LightScalarMediator {
  double mass = 0.0;
  double coupling = 0.0;
};

struct InteractionModel {
  FlavourMatrix vector_u{};  // eps^{uV}_{ab}
  FlavourMatrix vector_d{};  // eps^{dV}_{ab}
  FlavourMatrix tensor_u{};  // eps^{uT}_{ab} (CONUS, JHEP 05 (2022) 085)
  FlavourMatrix tensor_d{};
  std::array<double, 3> scalar_nsi{};  // eps^S_a, the contact limit of the universal scalar
  LightVectorMediator zprime;
  LightScalarMediator scalar;
  std::array<double, 3> magnetic_moment_bohr{};  // effective mu_nu per flavour, units of mu_B
  std::array<double, 3> millicharge_e{};         // q_nu per flavour, units of e
  std::array<double, 3> charge_radius_sq{};      // BSM <r^2> per flavour, natural units (MeV^-2)
  // Use sin^2 theta_W(|q|) (MS-bar, running from CevnsSettings::sin2_theta_w at q = 0).
  bool running_weak_mixing = false;
  // Lower end of recoil integrals (natural units); needed (> 0) when a magnetic moment or a
  // millicharge makes dsigma/dT diverge at T -> 0.
  double min_recoil = 0.0;

  [[nodiscard]] bool has_vector_nsi() const;
  [[nodiscard]] bool has_tensor_nsi() const;
  [[nodiscard]] bool has_zprime() const { return zprime.coupling != 0.0; }
  [[nodiscard]] bool has_scalar() const { return scalar.coupling != 0.0; }
  [[nodiscard]] bool has_scalar_nsi() const;
  [[nodiscard]] bool has_magnetic_moment() const;
  [[nodiscard]] bool has_millicharge() const;
  [[nodiscard]] bool has_charge_radius() const;
  // dsigma/dT ~ 1/T or 1/T^2 as T -> 0 (magnetic moment, millicharge).
  [[nodiscard]] bool infrared_divergent() const { return has_magnetic_moment() || has_millicharge(); }
  [[nodiscard]] bool is_standard_model() const;
  // InputError for non-finite values, negative masses or recoil cutoff, a Z' or scalar coupling
  // without a mass, asymmetric flavour matrices.
  void validate() const;
};

// Neutrino charge of the Z' for flavour a and the vector charges of u and d quarks (tree level;
// zero quark charges for lmu-ltau, whose coupling to protons comes from zprime_loop_factor).
struct ZprimeCharges {
  std::array<double, 3> neutrino{};
  double up = 0.0;
  double down = 0.0;
};
ZprimeCharges zprime_charges(const LightVectorMediator& zprime);

// L_mu - L_tau (loop as in M. Abdullah et al., PRD 98, 015005 (2018); sign fixed physically, see
// docs/physics/bsm.md: the muon loop dominates, so nu_mu sees protons like a same-sign Z' charge):
// the Z'-photon kinetic mixing from mu and tau loops gives the Z' a coupling
// eps(q) e to the proton charge, eps(q) e = g e^2/(2 pi^2) int_0^1 x(1-x) ln[(m_tau^2 + x(1-x)q^2) /
// (m_mu^2 + x(1-x)q^2)] dx. Returns e * eps(q) / g (dimensionless); at q -> 0 it is
// (alpha / (3 pi)) ln(m_tau^2 / m_mu^2).
double lmu_ltau_proton_coupling_per_g2(double momentum_transfer);

// sin^2 theta_W(mu) in the MS-bar scheme below 2 m_pi, given its value at mu -> 0: one-loop
// running with the charged leptons (e, mu) decoupled at their masses (the only charged states
// lighter than 2 m_pi): s^2(mu) = 1/4 + (s^2(0) - 1/4) alpha(mu)/alpha(0), 1/alpha(mu) = 1/alpha -
// (2/(3 pi)) sum_{m_l < mu} ln(mu/m_l) (J. Erler, M.J. Ramsey-Musolf, PRD 72, 073003 (2005), Eq. 9
// without the hadronic terms, which start at 2 m_pi). InputError above 2 m_pi.
double sin2_theta_w_running(double scale, double sin2_at_zero);
// The inverse: s^2(0) from a value quoted at `scale`.
double sin2_theta_w_at_zero(double scale, double sin2_at_scale);

// Neutrino magnetic moment on a free electron (P. Vogel, J. Engel, PRD 39, 3378 (1989); Maneschg 2018 review):
// dsigma/dT = pi alpha^2 / m_e^2 (mu/mu_B)^2 (1/T - 1/E), zero outside 0 < T <= T_max.
double magnetic_moment_electron_differential(double mu_nu_bohr, double neutrino_energy, double recoil);

}  // namespace cevns
