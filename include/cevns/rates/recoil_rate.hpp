#pragma once
// The recoil engine: the CEvNS recoil-rate density of a material in a tabulated source,
//
//   dR/dT = sum_i n_i sum_a int_{E_min,i(T)} phi_a(E) dsigma_i/dT(E, T) dE
//         = sum_i n_i sum_a [c0 F_0 + c1 F_1 + c2 F_2]_{i,a}(E_min,i(T)),
//
// n_i the nuclei of isotope i per kg, c the 1/E expansion of dsigma/dT at T
// (CevnsCrossSection::energy_expansion: exact for the SM and every InteractionModel) and F_k the
// source's inverse-energy moments above E_min (TabulatedSpectrum::moments_above). Every path from a
// source to counts goes through this formula: predictions (rates/recoil_kernel.hpp,
// rates/prediction.hpp), the dark-matter backgrounds and the unfolding response. Per kg, per unit
// time for a flux, per fluence otherwise; natural units.
#include <array>
#include <vector>

#include "cevns/physics/material_cross_section.hpp"
#include "cevns/sources/tabulated_spectrum.hpp"

namespace cevns {

// int phi dsigma/dT from E_min: the engine's one formula, for moments F_0, F_1, F_2 at E_min.
inline double fold(const EnergyExpansion& c, const double* moments) {
  return c.c0 * moments[0] + c.c1 * moments[1] + c.c2 * moments[2];
}
inline double fold(const EnergyExpansion& c, const std::array<double, 3>& moments) { return fold(c, moments.data()); }

class RecoilRate {
 public:
  RecoilRate(const MaterialCrossSection& xs, const TabulatedSource& source);

  // dR/dT per kg at recoil T (0 outside (0, max_recoil]).
  [[nodiscard]] double differential_per_kg(double recoil) const;
  // int dR/dT dT over [from, to] per kg: a recoil kernel on that range (rates/recoil_kernel.hpp).
  // InputError unless 0 <= from < to.
  [[nodiscard]] double integrated_per_kg(double from, double to) const;
  // The largest recoil the source can give on any isotope.
  [[nodiscard]] double max_recoil() const { return max_recoil_; }
  [[nodiscard]] Normalisation normalisation() const { return source_.normalisation; }
  [[nodiscard]] const MaterialCrossSection& cross_section() const { return xs_; }
  [[nodiscard]] const TabulatedSource& source() const { return source_; }

 private:
  MaterialCrossSection xs_;
  TabulatedSource source_;
  std::vector<double> nuclei_per_kg_;
  double max_recoil_ = 0.0;
};

}  // namespace cevns
