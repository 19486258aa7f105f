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
#include "cevns/physics/nuclear_shape.hpp"
#include "cevns/physics/weak_charge.hpp"

namespace cevns {

struct CevnsSettings {
  CouplingScheme couplings = CouplingScheme::radiative;
  double sin2_theta_w = constants::sin2_theta_w_default;
  NuclearShapeSettings shape;
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
  // dsigma/dT (MeV^-3); zero outside 0 <= T <= T_max(E).
  [[nodiscard]] double differential(Neutrino nu, double neutrino_energy, double recoil) const;
  // dsigma/dT at one E for many T.
  void differential(Neutrino nu, double neutrino_energy, std::span<const double> recoils,
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

 private:
  [[nodiscard]] double kinematic_factor(double neutrino_energy, double recoil) const;

  Nuclide nuclide_;
  double mass_ = 0.0;
  NuclearShape shape_;
  std::array<NucleonCouplings, 6> couplings_{};
  double prefactor_ = 0.0;  // G_F^2 M / (4 pi)
};

}  // namespace cevns
