// Frequentist properties of the profile-likelihood fit on toys (docs/validation/statistics.md):
// pulls of the signal strength have mean 0 and width 1, the Hessian +-1 sigma interval covers the
// truth in 68.27 % of toys, and the profile-likelihood 90 % interval in 90 %; every bound is a
// 3-sigma binomial / sampling band, so a biased or mis-scaled error fails.
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/stats/asymptotics.hpp"
#include "cevns/stats/fit.hpp"
#include "cevns/stats/toys.hpp"

using namespace cevns::stats;

namespace {
// A CEvNS-like shape: falling signal over a flat background with a 10 % Gaussian-constrained
// normalisation nuisance.
BinnedLikelihood reactor_like() {
  auto model = [](std::span<const double> p) {
    const double s[5] = {60, 35, 20, 10, 5};
    std::vector<double> mu(5);
    for (int i = 0; i < 5; ++i) mu[static_cast<std::size_t>(i)] = p[0] * s[i] + p[1] * 40.0;
    return mu;
  };
  return BinnedLikelihood(model,
                          {{"mu", 1.0, -2.0, 5.0}, {"b", 1.0, 0.3, 2.0, Constraint::gaussian, 1.0, 0.1}},
                          std::vector<double>(5, 50.0));
}
}  // namespace

TEST(StatsCoverage, PullsAndCoverageOverToys) {
  const auto base = reactor_like();
  const std::vector<double> truth{1.0, 1.0};
  const std::size_t N = 300;
  FitOptions fo;
  const double level90 = delta_chi2_level(0.9, 1);
  double sum = 0, sum2 = 0, covered68 = 0, covered90 = 0;
  for (std::size_t k = 0; k < N; ++k) {
    const auto lik = with_toy(base, generate_toy(base, truth, 777, k));
    const auto fit = minimize(lik, fo);
    ASSERT_TRUE(fit.covariance_ok);
    const double pull = (fit.values[0] - truth[0]) / fit.errors[0];
    sum += pull;
    sum2 += pull * pull;
    covered68 += std::abs(pull) < 1.0 ? 1.0 : 0.0;
    const double q = profile(lik, 0, truth[0], fo, fit.values).minimum - fit.minimum;
    covered90 += q < level90 ? 1.0 : 0.0;
  }
  const double n = static_cast<double>(N);
  const double mean = sum / n, width = std::sqrt(sum2 / n - mean * mean);
  EXPECT_NEAR(mean, 0.0, 3.0 / std::sqrt(n));
  EXPECT_NEAR(width, 1.0, 3.0 / std::sqrt(2.0 * n));
  const double p68 = sigma_to_cl(1.0);
  EXPECT_NEAR(covered68 / n, p68, 3.0 * std::sqrt(p68 * (1 - p68) / n));
  EXPECT_NEAR(covered90 / n, 0.9, 3.0 * std::sqrt(0.09 / n));
}

TEST(StatsCoverage, MedianToySignificanceMatchesAsimov) {
  // The median of sqrt(q0) over signal toys approaches the Asimov significance (CCGV sec. 3.2).
  const auto base = reactor_like();
  FitOptions fo;
  fo.covariance = false;
  auto z = toy_distribution(base, {1.0, 1.0}, 201, 99, [&](const BinnedLikelihood& l) {
    return discovery_q0(l, 0, 0.0, fo).significance;
  });
  std::nth_element(z.begin(), z.begin() + 100, z.end());
  const double za = median_discovery_significance(base, 0, {1.0, 1.0}, fo);
  // Sampling error of a median of 201 unit-width values: 1.2533/sqrt(201) = 0.09; 3 sigma.
  EXPECT_NEAR(z[100], za, 0.27);
}
