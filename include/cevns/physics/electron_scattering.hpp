#pragma once
// Standard-Model neutrino-electron elastic scattering at tree level (docs/physics/channels.md):
//
//   dsigma/dT = (2 G_F^2 m_e / pi) [g_L^2 + g_R^2 (1 - T/E)^2 - g_L g_R m_e T / E^2],
//   0 <= T <= T_max = 2 E^2 / (m_e + 2 E),
//   nu_e: g_L = 1/2 + sin^2 theta_W (W and Z exchange), nu_mu, nu_tau: g_L = -1/2 + sin^2 theta_W,
//   g_R = sin^2 theta_W; antineutrinos swap g_L and g_R.
// (G. 't Hooft, PLB 37, 195 (1971); P. Vogel, J. Engel, PRD 39, 3378 (1989); PDG review
// "Electroweak model and constraints on new physics".) T is the electron's kinetic energy.
// Radiative corrections (J.N. Bahcall, M. Kamionkowski, A. Sirlin, PRD 51, 6146 (1995)) are
// left out: they move sigma by about 1-2 %, below what a comparison of channels needs.
#include <array>
#include <span>

#include "cevns/core/constants.hpp"
#include "cevns/core/flavour.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/nuclear/material.hpp"

namespace cevns {

struct ElectronCouplings {
  double left = 0.0;   // g_L
  double right = 0.0;  // g_R
};

// Tree-level chiral couplings of species nu to the electron.
ElectronCouplings electron_couplings(Neutrino nu, double sin2_theta_w);

class ElectronScattering {
 public:
  explicit ElectronScattering(double sin2_theta_w = constants::sin2_theta_w_default);

  [[nodiscard]] double sin2_theta_w() const { return sin2_theta_w_; }
  [[nodiscard]] ElectronCouplings couplings(Neutrino nu) const { return couplings_[index_of(nu)]; }
  // T_max = 2 E^2 / (m_e + 2 E).
  [[nodiscard]] double max_recoil(double neutrino_energy) const;

  // dsigma/dT per electron (MeV^-3); zero outside 0 <= T <= T_max(E).
  [[nodiscard]] double differential(Neutrino nu, double neutrino_energy, double recoil) const;
  // sigma(E) per electron for recoils above recoil_threshold (MeV^-2), fixed Gauss-Legendre.
  [[nodiscard]] double total(Neutrino nu, double neutrino_energy, double recoil_threshold = 0.0) const;
  void total(Neutrino nu, std::span<const double> energies, std::span<double> out) const;
  // The same integral in closed form: the independent route for tests.
  [[nodiscard]] double total_analytic(Neutrino nu, double neutrino_energy,
                                      double recoil_threshold = 0.0) const;

 private:
  double sin2_theta_w_;
  std::array<ElectronCouplings, 6> couplings_{};
  double prefactor_ = 0.0;  // 2 G_F^2 m_e / pi
};

// Electrons per formula unit of a neutral material: sum over nuclei of atoms x Z.
double electrons_per_formula_unit(const Material& material);

}  // namespace cevns
