#pragma once
// Detection efficiency as a function of the observable x (keVnr, keVee or PE: the detector's unit).
//
//   none      1
//   logistic  a / (1 + exp(-k (x - x0))) + d, clamped to [0, 1]
//             (COHERENT CsI 2017 release: a = 0.6655, k = 0.4942/PE, x0 = 10.8507 PE, d = 0;
//              COHERENT CsI 2021 effCoefficients: a/(1+exp(-b(x-c))) + d),
//             times an optional step: 0 for x < step_zero_below, 1/2 for x < step_half_below
//             (the CsI 2017 release's modified Heaviside H(x - 5) with the half step up to 6 PE)
//   table     linear interpolation in (x, efficiency), the end values held outside the table
//             (COHERENT LAr 2020 CENNS10AnlAEfficiency.txt)
#include <optional>
#include <vector>

namespace cevns {

enum class EfficiencyModel { none, logistic, table };

struct Efficiency {
  EfficiencyModel model = EfficiencyModel::none;
  double a = 1.0, k = 1.0, x0 = 0.0, d = 0.0;      // logistic
  std::optional<double> step_zero_below;          // logistic step (x units)
  std::optional<double> step_half_below;
  std::vector<double> table_x, table_efficiency;  // table

  static Efficiency logistic(double a, double k, double x0, double d = 0.0);
  static Efficiency table(std::vector<double> x, std::vector<double> efficiency);

  // Efficiency at observable x, in [0, 1].
  [[nodiscard]] double operator()(double x) const;
  // Where the efficiency has a step or a kink (steps, clamping at 0 or 1, table nodes), increasing:
  // integrals of eps(x) p(x) break their panels there.
  [[nodiscard]] std::vector<double> breakpoints() const;
  // The largest x0 with eps(x) = 0 for every x < x0 (-infinity when eps > 0 below every x, +infinity
  // when eps is 0 everywhere); conservative: a logistic that is not increasing gives -infinity.
  [[nodiscard]] double zero_below() const;
};

}  // namespace cevns
