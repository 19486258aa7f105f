#pragma once
// The Standard-Model CEvNS cross section on one nucleus, with exact kinematics:
//
//   dsigma/dT = G_F^2 M / (4 pi) Q_W(q)^2 (1 - T/E - M T / (2 E^2) + T^2 / (2 E^2)),
//   Q_W(q) = 2 [Z g_V^p F_p(q) + N g_V^n F_n(q)],  |q|^2 = T^2 + 2 M T,  0 <= T <= T_max(E).
//
// (D.Z. Freedman, PRD 9, 1389 (1974); exact spin-0 kinematic factor as in e.g. D.K. Papoulias,
// T.S. Kosmas, Adv. High Energy Phys. 2015, 763648; docs/physics.md.)
// All arguments and results in natural units (core/units.hpp). Everything that does not depend on
// the neutrino energy (couplings, form-factor parameters, the quadrature rule) is fixed at
// construction, so that evaluations over grids cost a few flops per point.
#include <array>
#include <span>

#include "cevns/core/flavour.hpp"
#include "cevns/core/constants.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/nuclear/nuclide.hpp"
#include "cevns/physics/bsm/interaction_model.hpp"
#include "cevns/physics/nuclear_shape.hpp"
#include "cevns/physics/weak_charge.hpp"

namespace cevns {

struct CevnsSettings {
  CouplingScheme couplings = CouplingScheme::radiative;
  double sin2_theta_w = constants::sin2_theta_w_default;
  NuclearShapeSettings shape;
  // Physics beyond the SM (physics/bsm/interaction_model.hpp); default = SM, no cost when unused.
  InteractionModel bsm;
};

// The coherent charge is linear in the vector NSI of the incoming flavour a (docs/physics/bsm.md):
//   Q_aa(q) = base(q) + c_u(q) eps^uV_aa + c_d(q) eps^dV_aa,   Q_ab(q) = c_u eps^uV_ab + c_d eps^dV_ab,
//   c_u = 2 (2 Z F_p + N F_n), c_d = 2 (Z F_p + 2 N F_n),
// where base is the charge of the configured settings without their vector NSI.
struct VectorNsiExpansion {
  double base = 0.0;
  double c_u = 0.0;
  double c_d = 0.0;
};

// sigma(E) as a quadratic form in the vector NSI for a fixed nucleus, species and energy:
//   sigma = s00 + 2 (s0u eps^u_aa + s0d eps^d_aa) + sum_b (suu eps^u_ab^2 + 2 sud eps^u_ab eps^d_ab
//           + sdd eps^d_ab^2) + (non-interfering terms of the settings: tensor, scalar, mu_nu),
// each s = int G_F^2 M/(4 pi) (kinematic factor) x (product of expansion terms) dT. Integrals are
// linear, so a caller folds each coefficient with the flux (and exposure) once and re-evaluates
// any eps without re-integrating.
struct VectorNsiQuadraticForm {
  double s00 = 0.0, s0u = 0.0, s0d = 0.0, suu = 0.0, sud = 0.0, sdd = 0.0;
  [[nodiscard]] double evaluate(Flavour incoming, const FlavourMatrix& eps_u, const FlavourMatrix& eps_d) const;
};

// The neutrino-energy dependence of dsigma/dT at fixed recoil T, exact for the SM and every model
// of InteractionModel (vector and tensor NSI, Z', scalar, magnetic moment, millicharge, charge
// radius, running sin^2 theta_W):
//   dsigma/dT(E, T) = c0(T) + c1(T) / E + c2(T) / E^2   for E >= E_min(T), zero below.
// Integrals over a neutrino spectrum from E_min(T) are therefore c0 F0 + c1 F1 + c2 F2 with
// F_k = int_{E_min} phi(E) E^-k dE: the recoil engine (rates/recoil_rate.hpp) tabulates F_k once.
struct EnergyExpansion {
  double c0 = 0.0, c1 = 0.0, c2 = 0.0;
  [[nodiscard]] double at(double neutrino_energy) const {
    const double inverse = 1.0 / neutrino_energy;
    return c0 + inverse * (c1 + c2 * inverse);
  }
};

// Proton and neutron form factors at one momentum transfer (they depend on T only).
struct FormFactorPair {
  double protons = 1.0, neutrons = 1.0;
};

class CevnsCrossSection {
 public:
  explicit CevnsCrossSection(const Nuclide& nuclide, const CevnsSettings& settings = {});

  [[nodiscard]] const Nuclide& nuclide() const { return nuclide_; }
  [[nodiscard]] double mass() const { return mass_; }
  [[nodiscard]] const NuclearShape& shape() const { return shape_; }
  [[nodiscard]] NucleonCouplings couplings(Neutrino nu) const { return couplings_[index_of(nu)]; }

  [[nodiscard]] double max_recoil(double neutrino_energy) const;
  [[nodiscard]] double min_neutrino_energy(double recoil) const;

  // Q_W(q) for species nu, with form factors.
  [[nodiscard]] double weak_charge(Neutrino nu, double q) const;
  // dsigma/dT (MeV^-3); zero outside 0 <= T <= T_max(E). Evaluated as energy_expansion(nu, T).at(E).
  [[nodiscard]] double differential(Neutrino nu, double neutrino_energy, double recoil) const;
  // F_p, F_n at recoil T (q = sqrt(T^2 + 2 M T)).
  [[nodiscard]] FormFactorPair form_factors(double recoil) const;
  // The expansion of dsigma/dT in 1/E at recoil T > 0, from the form factors at T (so that a caller
  // evaluating several species, or re-evaluating new couplings on the same nodes, computes them
  // once). InputError at T = 0 for models that diverge there (magnetic moment, millicharge).
  [[nodiscard]] EnergyExpansion energy_expansion(Neutrino nu, double recoil, FormFactorPair ff) const;
  [[nodiscard]] EnergyExpansion energy_expansion(Neutrino nu, double recoil) const {
    return energy_expansion(nu, recoil, form_factors(recoil));
  }
  // True when the form factors of `other` equal ours at every recoil (same nucleus and nuclear
  // shape settings): cached FormFactorPair values may then be reused with other's couplings.
  [[nodiscard]] bool same_form_factors(const CevnsCrossSection& other) const;
  // dsigma/dT at one E for many T.
  void differential(Neutrino nu, double neutrino_energy, std::span<const double> recoils,
                    std::span<double> out) const;
  // dsigma/dT on the grid energies x recoils (out[i * recoils + j]): form factors once per recoil.
  void differential_grid(Neutrino nu, std::span<const double> energies, std::span<const double> recoils,
                         std::span<double> out) const;
  // dsigma/dT at the pairs (energies[i], recoils[i]).
  void differential_pairs(Neutrino nu, std::span<const double> energies, std::span<const double> recoils,
                          std::span<double> out) const;
  // The same with the point-nucleus weak charge (F = 1): the reference for coherency.
  [[nodiscard]] double differential_point_nucleus(Neutrino nu, double neutrino_energy,
                                                  double recoil) const;

  // sigma(E) = int_0^Tmax dsigma/dT dT (MeV^-2), fixed-node Gauss-Legendre.
  [[nodiscard]] double total(Neutrino nu, double neutrino_energy) const;
  void total(Neutrino nu, std::span<const double> energies, std::span<double> out) const;
  [[nodiscard]] double total_point_nucleus(Neutrino nu, double neutrino_energy) const;
  // <T>(E) = int T dsigma/dT / sigma(E).
  [[nodiscard]] double mean_recoil(Neutrino nu, double neutrino_energy) const;

  // The rule used for T integrals (nodes on [0, 1]), shared by all instances.
  static const FixedQuadrature& recoil_rule();

  [[nodiscard]] const InteractionModel& interaction_model() const { return bsm_; }
  // Vector-NSI structure of Q_W (see VectorNsiExpansion) at momentum transfer q.
  [[nodiscard]] VectorNsiExpansion vector_nsi_expansion(Neutrino nu, double q) const;
  // The integrated quadratic form (see VectorNsiQuadraticForm) at energy E.
  [[nodiscard]] VectorNsiQuadraticForm vector_nsi_quadratic_form(Neutrino nu, double neutrino_energy) const;

 private:
  // Per-flavour BSM constants fixed at construction (docs/physics/bsm.md).
  struct FlavourTerms {
    double dp = 0.0, dn = 0.0;                  // constant shifts of g_V^p, g_V^n (NSI diag, <r^2>)
    double dp_nsi = 0.0, dn_nsi = 0.0;          // the vector-NSI part of dp, dn
    double off_pp = 0.0, off_pn = 0.0, off_nn = 0.0;  // sum_{b != a} of products (Z a_b)(N b_b)
    double ten_pp = 0.0, ten_pn = 0.0, ten_nn = 0.0;  // tensor, sum over all b
    double zp_p = 0.0, zp_n = 0.0;              // Z' numerators: shift = zp / (q^2 + m^2)
    double zp_loop = 0.0;                       // L_mu - L_tau: g^2 Q_nu / (sqrt2 G_F)
    double millicharge = 0.0;                   // shift of g_V^p = millicharge / q^2
    double scalar_nsi = 0.0;                    // sqrt2 G_F eps^S
    double magnetic = 0.0;                      // pi alpha^2 mu^2 Z^2 / m_e^2
  };
  [[nodiscard]] double kinematic_factor(double neutrino_energy, double recoil) const;
  [[nodiscard]] double coherent_charge(Neutrino nu, double q, double fp, double fn) const;
  [[nodiscard]] EnergyExpansion bsm_expansion(Neutrino nu, double T, FormFactorPair ff) const;
  // int_{lo}^{T_max} f dT, with log-spaced nodes when the model peaks at low recoil.
  template <class F>
  [[nodiscard]] double integrate_recoil(F&& f, double neutrino_energy) const;

  Nuclide nuclide_;
  double mass_ = 0.0;
  NuclearShapeSettings shape_settings_;
  NuclearShape shape_;
  std::array<NucleonCouplings, 6> couplings_{};
  double prefactor_ = 0.0;  // G_F^2 M / (4 pi)
  InteractionModel bsm_;
  bool bsm_active_ = false;
  bool log_recoil_ = false;  // light mediator or 1/T terms: integrate in ln T
  bool tensor_ = false, scalar_ = false, zprime_ = false;  // which BSM terms are present
  double sin2_zero_ = 0.0;
  double zprime_mass2_ = 0.0, scalar_mass2_ = 0.0, scalar_g2_ = 0.0;
  double peak_recoil_ = 0.0;  // m^2/(2M) of the lightest mediator
  std::array<FlavourTerms, 3> terms_{};
};

}  // namespace cevns
