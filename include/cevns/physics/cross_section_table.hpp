#pragma once
// sigma(E) and <T>(E) for many neutrino energies from running integrals over recoil, tabulated once.
//
// With dsigma/dT = c0(T) + c1(T)/E + c2(T)/E^2 (CevnsCrossSection::energy_expansion),
//   sigma(E)          = C_0(T_max) + C_1(T_max) / E + C_2(T_max) / E^2,   C_k(t) = int_{T_lo}^t c_k dT,
//   int T dsigma/dT   = D_0(T_max) + D_1(T_max) / E + D_2(T_max) / E^2,   D_k(t) = int_{T_lo}^t T c_k dT,
// T_max = T_max(E), T_lo the model's recoil cutoff (0 in the SM). C_k and D_k are stored on a fixed
// logarithmic grid of recoils (128 points per decade from 1e-12 MeV, 4 Gauss-Legendre nodes per
// interval) and interpolated by the cubic Hermite polynomial with their exact derivatives c_k(t),
// t c_k(t): one binary search per energy instead of a quadrature. The grid does not depend on the
// energies asked for, so a value does not depend on the other energies of the same call.
// Accuracy against CevnsCrossSection::total / mean_recoil: tests/unit/physics/cross_section_table_test.cpp.
#include <array>
#include <span>
#include <vector>

#include "cevns/physics/cevns_cross_section.hpp"

namespace cevns {

class CrossSectionTable {
 public:
  // Covers neutrino energies up to max_energy (natural units). InputError for a model that
  // diverges at T -> 0 without a recoil cutoff (as CevnsCrossSection::total).
  CrossSectionTable(const CevnsCrossSection& xs, Neutrino nu, double max_energy);

  // sigma(E) (natural units, MeV^-2) for 0 <= E <= max_energy; InputError outside.
  [[nodiscard]] double total(double neutrino_energy) const;
  // <T>(E) = int T dsigma/dT / sigma (0 where sigma = 0).
  [[nodiscard]] double mean_recoil(double neutrino_energy) const;
  [[nodiscard]] double max_energy() const { return max_energy_; }

 private:
  struct Moments {
    std::array<double, 3> c{}, d{};  // C_k(t), D_k(t)
  };
  [[nodiscard]] Moments at(double recoil) const;
  [[nodiscard]] double check(double neutrino_energy) const;

  CevnsCrossSection xs_;  // for energies whose T_max lies below the grid (sub-keV neutrinos)
  Neutrino nu_;
  double mass_ = 0.0, max_energy_ = 0.0, lowest_ = 0.0;
  bool cutoff_ = false;
  std::vector<double> t_;                    // grid recoils
  std::vector<std::array<double, 3>> c_;     // c_k(t) at the grid points (derivative of C_k)
  std::vector<Moments> running_;             // C_k, D_k at the grid points
};

// sigma(E) (and <T>(E) when `mean_recoil` is not empty) for a batch of energies: the direct
// quadrature of CevnsCrossSection for fewer than tabulate_from energies, a CrossSectionTable
// (relative accuracy 1e-8, tests/unit/physics/cross_section_table_test.cpp) from there on.
inline constexpr std::size_t tabulate_from = 64;
void batch_cross_sections(const CevnsCrossSection& xs, Neutrino nu, std::span<const double> energies,
                          std::span<double> total, std::span<double> mean_recoil = {});

}  // namespace cevns
