// Reproducible toy streams and the Wilks / Chernoff distribution of q0.
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/stats/asymptotics.hpp"
#include "cevns/stats/toys.hpp"

using namespace cevns::stats;

TEST(Toys, StreamsAreReproduciblePerToy) {
  auto a = toy_engine(42, 7), b = toy_engine(42, 7), c = toy_engine(42, 8), d = toy_engine(43, 7);
  const auto va = a(), vb = b(), vc = c(), vd = d();
  EXPECT_EQ(va, vb);
  EXPECT_NE(va, vc);
  EXPECT_NE(va, vd);
  auto e = toy_engine(1, 0);
  const std::vector<double> mu{0.0, 3.0, 1e4};
  const auto n = poisson_toy(mu, e);
  EXPECT_EQ(n[0], 0.0);
  EXPECT_NEAR(n[2], 1e4, 500.0);
}

TEST(Toys, PoissonMeanAndVariance) {
  double sum = 0, sum2 = 0;
  const int N = 4000;
  const std::vector<double> mu{7.5};
  for (int k = 0; k < N; ++k) {
    auto e = toy_engine(9, static_cast<std::uint64_t>(k));
    const double n = poisson_toy(mu, e)[0];
    sum += n;
    sum2 += n * n;
  }
  const double mean = sum / N, var = sum2 / N - mean * mean;
  EXPECT_NEAR(mean, 7.5, 4 * std::sqrt(7.5 / N));
  EXPECT_NEAR(var, 7.5, 4 * 7.5 * std::sqrt(2.0 / N));
}

TEST(Toys, Q0FollowsHalfChiSquareUnderBackgroundOnly) {
  // Chernoff / Wilks: P(q0 > x) = P(chi2_1 > x) / 2 for x > 0 (CCGV eq. 49). 400 toys of a
  // 4-bin shape fit with a free background normalisation.
  auto model = [](std::span<const double> p) {
    return std::vector<double>{p[0] * 5 + p[1] * 200, p[0] * 20 + p[1] * 180, p[0] * 10 + p[1] * 160, p[1] * 140};
  };
  BinnedLikelihood lik(model, {{"mu", 0.0, -20.0, 20.0}, {"b", 1.0, 0.1, 3.0}}, {200, 180, 160, 140});
  FitOptions o;
  o.covariance = false;
  const auto q = toy_distribution(lik, {0.0, 1.0}, 400, 2024, [&](const BinnedLikelihood& l) {
    return discovery_q0(l, 0, 0.0, o).value;
  });
  for (double x : {1.0, 2.706}) {
    double frac = 0;
    for (double v : q) frac += v > x ? 1.0 : 0.0;
    frac /= static_cast<double>(q.size());
    const double p = 0.5 * chi2_p_value(x, 1);
    EXPECT_NEAR(frac, p, 3.0 * std::sqrt(p * (1 - p) / 400.0)) << "x = " << x;
  }
}
