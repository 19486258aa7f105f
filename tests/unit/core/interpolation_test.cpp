// Piecewise-linear table interpolation: exact on lines, end values held, nodes reproduced.
#include <gtest/gtest.h>

#include <vector>

#include "cevns/core/interpolation.hpp"

using namespace cevns;

TEST(LinearInterpolation, ExactOnEachSegmentAndHeldOutside) {
  const std::vector<double> x{1.0, 2.0, 4.0}, y{10.0, 30.0, 20.0};
  for (std::size_t i = 0; i < x.size(); ++i) EXPECT_DOUBLE_EQ(linear_interpolation(x, y, x[i]), y[i]);
  EXPECT_DOUBLE_EQ(linear_interpolation(x, y, 1.25), 15.0);  // 10 + 0.25 x 20
  EXPECT_DOUBLE_EQ(linear_interpolation(x, y, 3.0), 25.0);   // 30 - 0.5 x 10
  EXPECT_DOUBLE_EQ(linear_interpolation(x, y, -5.0), 10.0);
  EXPECT_DOUBLE_EQ(linear_interpolation(x, y, 9.0), 20.0);
}
