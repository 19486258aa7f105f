// Asymptotic formulas of Cowan, Cranmer, Gross, Vitells (EPJC 71, 1554): quantiles, Asimov
// significance, CLs and Delta-chi^2 limits in the Gaussian limit, scans and contours.
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/stats/asymptotics.hpp"
#include "cevns/stats/scan.hpp"

using namespace cevns::stats;

TEST(Asymptotics, ChiSquaredLevels) {
  // PDG Statistics review, table 40.2: 1 dof 68.27% -> 1.00, 90% -> 2.71; 2 dof 68.27% -> 2.30,
  // 90% -> 4.61, 95.45% -> 6.18.
  EXPECT_NEAR(delta_chi2_level(sigma_to_cl(1.0), 1), 1.0, 1e-9);
  EXPECT_NEAR(delta_chi2_level(0.9, 1), 2.706, 1e-3);
  EXPECT_NEAR(delta_chi2_level(sigma_to_cl(1.0), 2), 2.296, 1e-3);
  EXPECT_NEAR(delta_chi2_level(0.9, 2), 4.605, 1e-3);
  EXPECT_NEAR(delta_chi2_level(sigma_to_cl(2.0), 2), 6.180, 1e-3);
  EXPECT_NEAR(p_value_to_z(z_to_p_value(3.0)), 3.0, 1e-9);
  EXPECT_NEAR(z_to_p_value(5.0), 2.87e-7, 0.01e-7);
}

namespace {
BinnedLikelihood counting(double s, double b, double n) {
  auto model = [s, b](std::span<const double> p) { return std::vector<double>{p[0] * s + b}; };
  return BinnedLikelihood(model, {{"mu", 1.0, 0.0, 100.0}}, {n});
}
}  // namespace

TEST(Asymptotics, AsimovSignificanceMatchesEquation97) {
  for (auto [s, b] : {std::pair{10.0, 5.0}, std::pair{5.0, 100.0}, std::pair{50.0, 2.0}}) {
    auto lik = counting(s, b, 0.0);
    const double z = median_discovery_significance(lik, 0, {1.0});
    EXPECT_NEAR(z, asimov_significance(s, b), 1e-4 * asimov_significance(s, b));
  }
  // s << b: Z_A -> s / sqrt(b).
  EXPECT_NEAR(asimov_significance(1.0, 1e4), 0.01, 1e-5);
}

TEST(Asymptotics, LimitsInTheGaussianRegime) {
  // n = b = 10^4, s = 1 per unit mu: sigma_mu = 100. One-sided 95 % Delta-chi^2 limit 1.645 sigma;
  // CLs with observed = median: Phi^-1(1 - 0.025) sigma = 1.96 sigma (CCGV sec. 3.7, 4.3).
  auto model = [](std::span<const double> p) { return std::vector<double>{p[0] + 1e4}; };
  BinnedLikelihood wide(model, {{"mu", 10.0, 0.0, 5000.0}}, {1e4});
  const auto ul = upper_limits(wide, 0, 0.95, {0.0});
  EXPECT_NEAR(ul.delta_chi2, 164.5, 2.0);
  EXPECT_NEAR(ul.cls, 196.0, 2.5);
  EXPECT_NEAR(ul.median_expected, 196.0, 2.5);
}

TEST(Asymptotics, ProfileScanIntervalMatchesHessianError) {
  auto model = [](std::span<const double> p) { return std::vector<double>{p[0], p[0] + p[1]}; };
  BinnedLikelihood lik(model, {{"a", 100.0, 1.0, 1e4}, {"b", 10.0, -1e3, 1e3}}, {400.0, 900.0});
  const auto fit = minimize(lik);
  const auto scan = profile_scan(lik, 1, linear_grid(400.0, 600.0, 41));
  const auto iv = interval_at(scan, delta_chi2_level(sigma_to_cl(1.0), 1));
  EXPECT_NEAR(0.5 * (iv.upper - iv.lower), fit.errors[1], 0.02 * fit.errors[1]);
  EXPECT_FALSE(iv.lower_open);
  EXPECT_FALSE(iv.upper_open);
}

TEST(Asymptotics, TwoDimensionalContourIsTheCovarianceEllipse) {
  auto model = [](std::span<const double> p) { return std::vector<double>{p[0], p[0] + p[1]}; };
  BinnedLikelihood lik(model, {{"a", 100.0, 1.0, 1e4}, {"b", 10.0, -1e3, 1e3}}, {400.0, 900.0});
  const auto fit = minimize(lik);
  const auto scan = profile_scan_2d(lik, 0, 1, linear_grid(330, 470, 15), linear_grid(380, 620, 15));
  const double level = delta_chi2_level(sigma_to_cl(1.0), 2);
  const auto pts = contour_points(scan, level);
  ASSERT_GT(pts.size(), 8u);
  const Eigen::Matrix2d Vinv = fit.covariance.inverse();
  for (const auto& p : pts) {
    const Eigen::Vector2d d(p[0] - fit.values[0], p[1] - fit.values[1]);
    // Poisson, not Gaussian: allow 10 % on the quadratic form.
    EXPECT_NEAR(d.dot(Vinv * d), level, 0.1 * level);
  }
}
