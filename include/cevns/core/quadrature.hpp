#pragma once
// Fixed-node quadrature: Gauss-Legendre rules from Boost.Math, composed over panels.
//
// A rule is built once (nodes and weights on [0, 1]) and reused for every interval and every
// parameter point, so that integrals over grids cost one multiply-add per node. Accuracy against
// adaptive integration is tested in tests/unit/core/quadrature_test.cpp.
#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace cevns {

class FixedQuadrature {
 public:
  // points_per_panel must be one of 4, 8, 16, 20, 24, 32, 48, 64; panels >= 1.
  FixedQuadrature(std::size_t points_per_panel, std::size_t panels);

  // Nodes on the unit interval [0, 1] and their weights (sum of weights = 1).
  [[nodiscard]] std::span<const double> unit_nodes() const { return nodes_; }
  [[nodiscard]] std::span<const double> unit_weights() const { return weights_; }
  [[nodiscard]] std::size_t size() const { return nodes_.size(); }

  // Integral of f over [a, b].
  template <class F>
  [[nodiscard]] double integrate(F&& f, double a, double b) const {
    const double width = b - a;
    double sum = 0.0;
    for (std::size_t i = 0; i < nodes_.size(); ++i) sum += weights_[i] * f(a + width * nodes_[i]);
    return sum * width;
  }

 private:
  std::vector<double> nodes_;
  std::vector<double> weights_;
};

// Adaptive Gauss-Kronrod (61 points) to relative tolerance: the independent reference route that
// tests and benchmarks compare the fixed rules with. Not for hot paths.
double adaptive_integral(const std::function<double(double)>& f, double a, double b,
                         double relative_tolerance = 1e-10);

}  // namespace cevns
