#include "cevns/sources/tabulated_function.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"

namespace cevns {

TEST(TabulatedFunction, ReproducesLinearDataExactly) {
  // Steffen's slopes equal the secant for collinear points, so a line is reproduced exactly.
  TabulatedFunction f({0.0, 1.0, 2.5, 4.0}, {1.0, 3.0, 6.0, 9.0});
  for (double x : {0.0, 0.3, 1.7, 3.9, 4.0}) EXPECT_NEAR(f(x), 1.0 + 2.0 * x, 1e-12);
  EXPECT_EQ(f(-0.1), 0.0);
  EXPECT_EQ(f(4.1), 0.0);
}

TEST(TabulatedFunction, NeverOvershootsAStep) {
  // A step: a natural cubic spline rings below 0 and above 1 here; Steffen must not.
  TabulatedFunction f({0, 1, 2, 3, 4, 5}, {0, 0, 0, 1, 1, 1});
  for (double x = 0.0; x <= 5.0; x += 0.01) {
    EXPECT_GE(f(x), 0.0);
    EXPECT_LE(f(x), 1.0 + 1e-12);
  }
}

TEST(TabulatedFunction, IntegralAgreesWithAdaptiveQuadrature) {
  std::vector<double> x, y;
  for (int i = 0; i <= 20; ++i) {
    x.push_back(0.1 * i * i);
    y.push_back(std::exp(-0.1 * i * i) * (1 + 0.2 * i));
  }
  TabulatedFunction f(x, y);
  EXPECT_NEAR(f.integral(), adaptive_integral([&](double t) { return f(t); }, x.front(), x.back(), 1e-12),
              1e-9 * f.integral());
}

TEST(TabulatedFunction, RejectsNonIncreasingAbscissae) {
  EXPECT_THROW(TabulatedFunction({0.0, 1.0, 1.0}, {1, 2, 3}), InputError);
  EXPECT_THROW(TabulatedFunction({0.0}, {1}), InputError);
  EXPECT_THROW(TabulatedFunction({0.0, 1.0}, {1, NAN}), InputError);
}

}  // namespace cevns
