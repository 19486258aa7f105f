#include "cevns/core/quadrature.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "cevns/core/error.hpp"

namespace cevns {
namespace {

TEST(FixedQuadrature, WeightsSumToOneAndNodesLieInUnitInterval) {
  for (std::size_t n : {8u, 16u, 20u, 24u, 32u, 48u, 64u}) {
    const FixedQuadrature rule(n, 3);
    double sum = 0.0;
    for (std::size_t i = 0; i < rule.size(); ++i) {
      EXPECT_GT(rule.unit_nodes()[i], 0.0);
      EXPECT_LT(rule.unit_nodes()[i], 1.0);
      sum += rule.unit_weights()[i];
    }
    EXPECT_EQ(rule.size(), 3 * n);
    EXPECT_NEAR(sum, 1.0, 1e-14);
  }
}

TEST(FixedQuadrature, ExactForPolynomialsUpToDegree2NMinus1) {
  // An n-point Gauss-Legendre rule integrates x^k exactly for k <= 2n - 1.
  const FixedQuadrature rule(8, 1);
  for (int k = 0; k <= 15; ++k) {
    const double value = rule.integrate([k](double x) { return std::pow(x, k); }, 0.0, 2.0);
    EXPECT_NEAR(value, std::pow(2.0, k + 1) / (k + 1), 1e-12 * std::pow(2.0, k + 1)) << "k=" << k;
  }
}

TEST(FixedQuadrature, AgreesWithAdaptiveOnOscillatoryIntegrand) {
  const FixedQuadrature rule(32, 4);
  auto f = [](double x) { return std::pow(std::sin(5.0 * x) / (5.0 * x + 1e-300), 2) + x; };
  const double fixed = rule.integrate(f, 1e-6, 6.0);
  const double adaptive = adaptive_integral(f, 1e-6, 6.0, 1e-12);
  EXPECT_NEAR(fixed / adaptive, 1.0, 1e-10);
}

TEST(FixedQuadrature, RejectsUnavailableRules) {
  EXPECT_THROW(FixedQuadrature(7, 1), InputError);
  EXPECT_THROW(FixedQuadrature(8, 0), InputError);
}

}  // namespace
}  // namespace cevns
