// Binned likelihood, fitter and Hessian covariance against closed-form maximum-likelihood results.
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/stats/binned_likelihood.hpp"
#include "cevns/stats/fit.hpp"

using namespace cevns::stats;

TEST(BinnedLikelihood, BakerCousinsDeviance) {
  const std::vector<double> mu{1.0, 2.0, 5.0}, n{3.0, 0.0, 5.0};
  // 2[(1 - 3 + 3 ln 3) + (2 - 0) + 0]
  EXPECT_NEAR(poisson_deviance(mu, n), 2.0 * (1 - 3 + 3 * std::log(3.0) + 2.0), 1e-12);
  EXPECT_DOUBLE_EQ(poisson_deviance(n, n), 0.0);
  const std::vector<double> zero{0.0, 1.0, 1.0};
  EXPECT_EQ(poisson_deviance(zero, n), impossible_deviance);  // mu = 0 with n > 0: never NaN
}

TEST(BinnedLikelihood, ValidatesParameters) {
  auto model = [](std::span<const double> p) { return std::vector<double>{p[0]}; };
  EXPECT_THROW(BinnedLikelihood(model, {{"a", 1.0}, {"a", 1.0}}, {1.0}), cevns::InputError);
  EXPECT_THROW(BinnedLikelihood(model, {{"a", 5.0, 0.0, 1.0}}, {1.0}), cevns::InputError);
  EXPECT_THROW(BinnedLikelihood(model, {{"a", 1.0, 0.0, 2.0, Constraint::gaussian, 1.0, 0.0}}, {1.0}),
               cevns::InputError);
  BinnedLikelihood ok(model, {{"a", 1.0, 0.0, 10.0}}, {1.0});
  EXPECT_THROW((void)ok.index("b"), cevns::InputError);
}

TEST(Fit, TwoBinLinearModelMatchesAnalyticCovariance) {
  // mu_1 = a, mu_2 = a + b: MLE a = n1, b = n2 - n1; Fisher inverse var(a) = n1,
  // var(b) = n1 + n2, cov(a, b) = -n1.
  auto model = [](std::span<const double> p) { return std::vector<double>{p[0], p[0] + p[1]}; };
  BinnedLikelihood lik(model, {{"a", 100.0, 1.0, 1e4}, {"b", 10.0, -1e3, 1e3}}, {400.0, 900.0});
  const auto f = minimize(lik);
  ASSERT_TRUE(f.covariance_ok);
  EXPECT_NEAR(f.values[0], 400.0, 1e-3);
  EXPECT_NEAR(f.values[1], 500.0, 1e-3);
  EXPECT_NEAR(f.minimum, 0.0, 1e-8);
  EXPECT_NEAR(f.covariance(0, 0), 400.0, 4.0);
  EXPECT_NEAR(f.covariance(1, 1), 1300.0, 13.0);
  EXPECT_NEAR(f.covariance(0, 1), -400.0, 4.0);
}

TEST(Fit, ConstraintsPullNuisances) {
  // Signal strength mu with background b n_b; b constrained at 1 +- 0.1 (Gaussian) or log-normal.
  for (Constraint c : {Constraint::gaussian, Constraint::log_normal}) {
    auto model = [](std::span<const double> p) { return std::vector<double>{10.0 * p[0] + 100.0 * p[1], 100.0 * p[1]}; };
    BinnedLikelihood lik(model, {{"mu", 1.0, 0.0, 10.0}, {"b", 1.0, 0.01, 5.0, c, 1.0, 0.1}}, {110.0, 100.0});
    const auto f = minimize(lik);
    EXPECT_NEAR(f.values[0], 1.0, 1e-3);
    EXPECT_NEAR(f.values[1], 1.0, 1e-4);
    // Fixing mu at 0 must raise b above 1 but not to 1.1 (constraint and bin 2 resist).
    const auto p0 = profile(lik, 0, 0.0);
    EXPECT_GT(p0.values[1], 1.0);
    EXPECT_LT(p0.values[1], 1.1);
    EXPECT_GT(p0.minimum, f.minimum);
  }
}

TEST(Fit, MultipleStartsEscapeAFalseMinimum) {
  // A double well: global minimum 0 at x = 2, a false one (value 1) at x = -1.5 where the first
  // start sits; only the extra starts can find the global one.
  Problem p;
  p.objective = [](std::span<const double> x) {
    const double u = (x[0] - 2.0) * (x[0] + 1.5);
    return u * u + (x[0] < 0 ? 1.0 : 0.0) + x[1] * x[1];
  };
  p.initial = {-1.5, 1.0};
  p.lower = {-5.0, -5.0};
  p.upper = {5.0, 5.0};
  FitOptions o;
  o.starts = 8;
  o.covariance = false;
  const auto f = minimize(p, o);
  EXPECT_NEAR(f.values[0], 2.0, 1e-4);
  EXPECT_NEAR(f.minimum, 0.0, 1e-8);
}
