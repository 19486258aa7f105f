#pragma once
// Quenching: the electron-equivalent energy E_ee(T) that a nuclear recoil T produces in a detector
// whose calibration is in electron recoils (docs/physics/detectors.md).
//
//   none        E_ee = T (phonon/calorimetric detectors)
//   constant    E_ee = Q T                                  (COHERENT CsI 2017: Q = 0.0878)
//   lindhard    E_ee = T k g(eps) / (1 + k g(eps)),  eps = 11.5 Z^(-7/3) T[keV],
//               g = 3 eps^0.15 + 0.7 eps^0.6 + eps        (Lindhard et al., Mat. Fys. Medd. 33, 10 (1963);
//                                                           parametrisation of Lewin & Smith 1996)
//   polynomial  E_ee[MeV] = sum_i c_i T[MeV]^(i+1)        (COHERENT CsI 2021 scintRespCoefficients)
//   linear      E_ee = (a + b T[keV]) T                     (COHERENT LAr 2020: a = 0.246, b = 0.00078)
//   table       E_ee = Q(T) T, Q tabulated against T[keV], linear interpolation, clamped at the ends
// Every model's E_ee is multiplied by `scale` (1 by default): the quenching-scale nuisance of the
// likelihood analyses (analysis/likelihood_model.hpp) varies it.
// A value type evaluated by a switch; arguments and results in natural units.
#include <vector>

namespace cevns {

enum class QuenchingModel { none, constant, lindhard, polynomial, linear, table };

struct Quenching {
  QuenchingModel model = QuenchingModel::none;
  double factor = 1.0;                 // constant
  double lindhard_k = 0.157;           // lindhard
  double lindhard_z = 1.0;             // lindhard: atomic number of the recoiling nucleus
  std::vector<double> coefficients;    // polynomial: c_1.. (MeVee per MeVnr^i)
  double linear_a = 0.0;               // linear
  double linear_b_per_keV = 0.0;       // linear
  std::vector<double> table_recoil_keV, table_factor;  // table
  double scale = 1.0;                  // multiplies E_ee of every model (quenching-scale nuisance)

  static Quenching constant(double q);
  static Quenching lindhard(double k, double z);
  static Quenching polynomial(std::vector<double> c);
  static Quenching linear(double a, double b_per_keV);
  static Quenching table(std::vector<double> recoil_keV, std::vector<double> factor);

  // E_ee(T) (natural units), never negative.
  [[nodiscard]] double electron_equivalent(double recoil) const;
  // E_ee(T) of the model before `scale`.
  [[nodiscard]] double unscaled_electron_equivalent(double recoil) const;
  // E_ee / T (1 for none).
  [[nodiscard]] double factor_at(double recoil) const;
};

[[nodiscard]] const char* to_string(QuenchingModel m);

}  // namespace cevns
