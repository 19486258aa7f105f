#pragma once
// A function given at tabulated points, interpolated with Steffen's monotone cubic
// (M. Steffen, Astron. Astrophys. 239, 443 (1990)): C1, passes through every point, and never
// overshoots between points, so a non-negative table stays non-negative and a monotone stretch
// stays monotone (no spline ringing at the steps of reactor or beta spectra). Zero outside the
// table. Used for tabulated spectral shapes and user spectra.
#include <string>
#include <vector>

namespace cevns {

class TabulatedFunction {
 public:
  TabulatedFunction() = default;
  // x strictly increasing (InputError naming `what` and the index otherwise), >= 2 points,
  // all values finite.
  TabulatedFunction(std::vector<double> x, std::vector<double> y, const std::string& what = "table");

  [[nodiscard]] double operator()(double x) const;
  [[nodiscard]] double min_x() const { return x_.front(); }
  [[nodiscard]] double max_x() const { return x_.back(); }
  [[nodiscard]] const std::vector<double>& x() const { return x_; }
  [[nodiscard]] const std::vector<double>& y() const { return y_; }
  // Exact integral of the interpolant over its whole range (cubic Hermite, Simpson per interval).
  [[nodiscard]] double integral() const;

 private:
  std::vector<double> x_, y_, slope_;
};

}  // namespace cevns
