#include "cevns/core/interpolation.hpp"

#include <algorithm>

namespace cevns {

double linear_interpolation(std::span<const double> x, std::span<const double> y, double at) {
  if (at <= x.front()) return y.front();
  if (at >= x.back()) return y.back();
  const auto hi = static_cast<std::size_t>(std::upper_bound(x.begin(), x.end(), at) - x.begin());
  return y[hi - 1] + (at - x[hi - 1]) / (x[hi] - x[hi - 1]) * (y[hi] - y[hi - 1]);
}

}  // namespace cevns
