#include "cevns/sources/tabulated_function.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"

namespace cevns {

TabulatedFunction::TabulatedFunction(std::vector<double> x, std::vector<double> y, const std::string& what)
    : x_(std::move(x)), y_(std::move(y)) {
  if (x_.size() != y_.size()) throw InputError(what + ": x and y have different lengths");
  if (x_.size() < 2) throw InputError(what + ": needs at least 2 points");
  for (std::size_t i = 0; i < x_.size(); ++i) {
    if (!std::isfinite(x_[i]) || !std::isfinite(y_[i]))
      throw InputError(what + ": non-finite value at point " + std::to_string(i + 1));
    if (i > 0 && !(x_[i] > x_[i - 1]))
      throw InputError(what + ": abscissae must increase strictly (point " + std::to_string(i + 1) + ")");
  }
  // Steffen (1990) slopes, eqs. 11 (interior) and 26-27 (ends).
  const std::size_t n = x_.size();
  std::vector<double> h(n - 1), s(n - 1);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    h[i] = x_[i + 1] - x_[i];
    s[i] = (y_[i + 1] - y_[i]) / h[i];
  }
  slope_.assign(n, 0.0);
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const double p = (s[i - 1] * h[i] + s[i] * h[i - 1]) / (h[i - 1] + h[i]);
    slope_[i] = (std::copysign(1.0, s[i - 1]) + std::copysign(1.0, s[i])) *
                std::min({std::abs(s[i - 1]), std::abs(s[i]), 0.5 * std::abs(p)});
  }
  auto end_slope = [](double s0, double s1, double h0, double h1) {
    const double p = s0 * (1.0 + h0 / (h0 + h1)) - s1 * h0 / (h0 + h1);
    if (p * s0 <= 0.0) return 0.0;
    if (std::abs(p) > 2.0 * std::abs(s0)) return 2.0 * s0;
    return p;
  };
  if (n == 2) {
    slope_[0] = slope_[1] = s[0];
  } else {
    slope_[0] = end_slope(s[0], s[1], h[0], h[1]);
    slope_[n - 1] = end_slope(s[n - 2], s[n - 3], h[n - 2], h[n - 3]);
  }
}

double TabulatedFunction::operator()(double x) const {
  if (x_.empty() || x < x_.front() || x > x_.back()) return 0.0;
  auto it = std::upper_bound(x_.begin(), x_.end(), x);
  std::size_t i = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, (it - x_.begin()) - 1));
  if (i + 1 >= x_.size()) i = x_.size() - 2;
  const double h = x_[i + 1] - x_[i];
  const double t = (x - x_[i]) / h;
  const double h00 = (1 + 2 * t) * (1 - t) * (1 - t), h10 = t * (1 - t) * (1 - t);
  const double h01 = t * t * (3 - 2 * t), h11 = t * t * (t - 1);
  return h00 * y_[i] + h10 * h * slope_[i] + h01 * y_[i + 1] + h11 * h * slope_[i + 1];
}

double TabulatedFunction::integral() const {
  // int of the cubic Hermite on [x_i, x_i+1] = h (y_i + y_i+1)/2 + h^2 (m_i - m_i+1)/12.
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < x_.size(); ++i) {
    const double h = x_[i + 1] - x_[i];
    sum += h * (y_[i] + y_[i + 1]) / 2.0 + h * h * (slope_[i] - slope_[i + 1]) / 12.0;
  }
  return sum;
}

}  // namespace cevns
