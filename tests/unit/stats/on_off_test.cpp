// ON/OFF analysis: formulas against independent routes (closed form vs numerical profile,
// Gaussian limits) and input errors.
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/stats/fit.hpp"
#include "cevns/stats/on_off.hpp"

using namespace cevns::stats;

TEST(OnOff, ExposureCorrectedExcessIsErrorPropagation) {
  const OnOffData d{653, 112.3, 582, 114.4};
  const auto r = analyse_on_off(d);
  const double a = 112.3 / 114.4;
  EXPECT_NEAR(r.alpha, a, 1e-15);
  EXPECT_NEAR(r.excess, 653 - a * 582, 1e-9);
  EXPECT_NEAR(r.excess_error, std::sqrt(653 + a * a * 582), 1e-9);
  EXPECT_NEAR(r.significance_simple, r.excess / r.excess_error, 1e-12);
}

TEST(OnOff, LiMaEquation17EqualsNumericallyProfiledLikelihood) {
  // Route 1: Li & Ma eq. 17 in closed form. Route 2: the profiled b^(s) root. Route 3: NLopt
  // minimisation of the two-count deviance over b at s = 0.
  for (const OnOffData d : {OnOffData{653, 112.3, 582, 114.4}, OnOffData{30, 1.0, 50, 5.0},
                            OnOffData{3, 2.0, 1, 1.0}, OnOffData{10, 1.0, 40, 2.0}}) {
    const double lm = li_ma_significance(d);
    EXPECT_NEAR(profile_significance(d), lm, 1e-9 * std::max(1.0, std::abs(lm)));
    Problem p;
    p.objective = [&](std::span<const double> x) { return on_off_deviance(d, 0.0, x[0]); };
    p.initial = {d.n_off + 1.0};
    p.lower = {1e-9};
    p.upper = {10.0 * (d.n_on + d.n_off) + 10.0};
    const auto fit = minimize(p, FitOptions{.covariance = false});
    EXPECT_NEAR(std::sqrt(fit.minimum), std::abs(lm), 1e-4) << d.n_on << " " << d.n_off;
  }
}

TEST(OnOff, LiMaApproachesSimpleEstimateForSmallAlphaAndLargeCounts) {
  // alpha -> 0 with alpha N_off fixed: known background; eq. 17 -> sqrt(2(n ln(n/b) - n + b)),
  // and for n - b << b that tends to (n - b)/sqrt(n) up to O((n-b)/b).
  const OnOffData d{10100, 1.0, 1e7, 1000.0};
  EXPECT_NEAR(li_ma_significance(d), simple_significance(d), 0.01);
  const double n = 10100, b = 10000;
  EXPECT_NEAR(li_ma_significance(d), std::sqrt(2 * (n * std::log(n / b) - n + b)), 2e-3);
}

TEST(OnOff, SignsAndZero) {
  EXPECT_DOUBLE_EQ(li_ma_significance({100, 1, 100, 1}), 0.0);
  EXPECT_LT(li_ma_significance({80, 1, 100, 1}), 0.0);
  EXPECT_LT(profile_significance({80, 1, 100, 1}), 0.0);
  EXPECT_GT(li_ma_significance({120, 1, 100, 1}), 0.0);
}

TEST(OnOff, IntervalIsGaussianInTheLargeCountLimit) {
  // s^ = 10000, sigma = sqrt(20000 + 0.01^2 1e6) = 141.8; 90 % two-sided: +-1.645 sigma.
  const OnOffData d{20000, 1.0, 1e6, 100.0};
  const auto iv = profile_interval(d, 0.9);
  const double sigma = std::sqrt(20000 + 1e-4 * 1e6);
  EXPECT_NEAR(iv.upper, 10000 + 1.6449 * sigma, 0.01 * sigma);
  EXPECT_NEAR(iv.lower, 10000 - 1.6449 * sigma, 0.01 * sigma);
}

TEST(OnOff, IntervalWithNegativeExcessStartsAtZero) {
  const auto iv = profile_interval({90, 1.0, 100, 1.0}, 0.9);
  EXPECT_DOUBLE_EQ(iv.lower, 0.0);
  EXPECT_GT(iv.upper, 0.0);
  // Known background, n = 0: -2 ln lambda(s) = 2 s, so s_up = chi2_1(0.9)/2 = 1.353.
  const auto zero = profile_interval({0, 1.0, 1e9, 1e9}, 0.9);
  EXPECT_NEAR(zero.upper, 1.3528, 2e-3);
}

TEST(OnOff, RejectsBadInput) {
  EXPECT_THROW(analyse_on_off({-1, 1, 1, 1}), cevns::InputError);
  EXPECT_THROW(analyse_on_off({1, 0, 1, 1}), cevns::InputError);
  EXPECT_THROW(analyse_on_off({1, 1, 1, -2}), cevns::InputError);
  EXPECT_THROW(analyse_on_off({1, 1, 1, 1}, 1.5), cevns::InputError);
}
