// Detector response: quenching, efficiency, smearing and backgrounds against independent routes
// (closed forms computed here, adaptive integration).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/detector/background.hpp"
#include "cevns/detector/detector_response.hpp"

using namespace cevns;

TEST(Quenching, ModelsAgreeWithTheirDefiningFormulas) {
  const double t = 20 * units::keV;
  EXPECT_DOUBLE_EQ(Quenching{}.electron_equivalent(t), t);
  EXPECT_NEAR(Quenching::constant(0.0878).electron_equivalent(t) / units::keV, 1.756, 1e-12);
  // LAr 2020: QF(20 keVnr) = 0.246 + 0.00078 * 20 = 0.2616
  EXPECT_NEAR(Quenching::linear(0.246, 0.00078).factor_at(t), 0.2616, 1e-12);
  // Polynomial with one coefficient is a constant quenching factor.
  EXPECT_NEAR(Quenching::polynomial({0.1}).electron_equivalent(t), 0.1 * t, 1e-15);
  // CsI 2021 nominal at T = 10 keVnr = 0.01 MeV: 0.0554628*0.01 + 4.30681e-4 - 111.707e-6 + 840.384e-8
  const auto csi = Quenching::polynomial({0.0554628, 4.30681, -111.707, 840.384});
  EXPECT_NEAR(csi.electron_equivalent(0.01 * units::MeV) / units::MeV,
              0.000554628 + 0.000430681 - 0.000111707 + 0.00000840384, 1e-12);
  // Lindhard: for eps -> large, g ~ eps and QF -> 1; at Ge 1 keVnr, k = 0.157 the closed form.
  const double eps = 11.5 * std::pow(32.0, -7.0 / 3.0) * 1.0;
  const double g = 3 * std::pow(eps, 0.15) + 0.7 * std::pow(eps, 0.6) + eps;
  EXPECT_NEAR(Quenching::lindhard(0.157, 32).factor_at(1 * units::keV), 0.157 * g / (1 + 0.157 * g), 1e-12);
  EXPECT_GT(Quenching::lindhard(0.157, 32).factor_at(1e6 * units::keV), 0.99);
  const auto tab = Quenching::table({1, 11}, {0.1, 0.2});
  EXPECT_NEAR(tab.factor_at(6 * units::keV), 0.15, 1e-12);
  EXPECT_NEAR(tab.factor_at(50 * units::keV), 0.2, 1e-12);
}

TEST(Efficiency, Coherent2017StepAndLogistic) {
  auto e = Efficiency::logistic(0.6655, 0.4942, 10.8507);
  e.step_zero_below = 5;
  e.step_half_below = 6;
  EXPECT_EQ(e(4.5), 0.0);
  EXPECT_NEAR(e(5.5), 0.5 * 0.6655 / (1 + std::exp(-0.4942 * (5.5 - 10.8507))), 1e-14);
  EXPECT_NEAR(e(10.8507), 0.6655 / 2, 1e-14);
  // CsI 2021 form with negative offset is clamped at 0, never negative.
  EXPECT_EQ(Efficiency::logistic(1.32045, 0.285979, 10.8646, -0.333322)(0.0), 0.0);
  // Kinks where smearing integrals break their panels: the CsI 2021 curve reaches 0 once (never 1).
  const auto e21 = Efficiency::logistic(1.32045, 0.285979, 10.8646, -0.333322);
  const auto kinks = e21.breakpoints();
  ASSERT_EQ(kinks.size(), 1u);
  EXPECT_NEAR(1.32045 / (1 + std::exp(-0.285979 * (kinks[0] - 10.8646))) - 0.333322, 0.0, 1e-12);
  EXPECT_EQ(e.breakpoints(), (std::vector<double>{5.0, 6.0}));
  const auto t = Efficiency::table({1, 3}, {0.2, 0.6});
  EXPECT_EQ(t.breakpoints(), (std::vector<double>{1.0, 3.0}));
  EXPECT_NEAR(t(2.0), 0.4, 1e-14);
  EXPECT_NEAR(t(9.0), 0.6, 1e-14);
}

TEST(DetectorResponse, PoissonPhotostatisticsMatchTheClosedForm) {
  DetectorResponse d;
  d.observable = Observable::pe;
  d.quenching = Quenching::constant(0.1);
  d.light_yield_pe_per_keVee = 10.0;
  for (int i = 0; i <= 200; ++i) d.bin_edges.push_back(i);
  const double t = 7 * units::keV;  // mu = 7 PE
  std::vector<double> col(d.bins());
  d.response_column(t, col);
  double sum = 0.0;
  for (int n = 0; n < 200; ++n) {
    EXPECT_NEAR(col[static_cast<std::size_t>(n)], std::pow(7.0, n) * std::exp(-7.0) / std::tgamma(n + 1.0), 1e-13);
    sum += col[static_cast<std::size_t>(n)];
  }
  EXPECT_NEAR(sum, 1.0, 1e-12);
  // Threshold at 5 PE: P(n >= 5) in total.
  d.threshold = 5;
  d.response_column(t, col);
  double above = 0.0, expect = 0.0;
  for (int n = 0; n < 200; ++n) above += col[static_cast<std::size_t>(n)];
  for (int n = 5; n < 200; ++n) expect += std::pow(7.0, n) * std::exp(-7.0) / std::tgamma(n + 1.0);
  EXPECT_NEAR(above, expect, 1e-12);
}

TEST(DetectorResponse, GaussianSmearingMatchesErfAndAdaptiveIntegral) {
  DetectorResponse d;
  d.observable = Observable::keVee;
  d.quenching = Quenching::constant(0.25);
  d.resolution.model = ResolutionModel::sqrt;
  d.resolution.a_sqrt_keV = 0.58;
  d.bin_edges = {0, 5, 10, 20, 40};
  const double mu = 10.0, sigma = 0.58 * std::sqrt(mu);
  std::vector<double> col(d.bins());
  d.response_column(40 * units::keV, col);
  auto cdf = [&](double x) { return 0.5 * (1 + std::erf((x - mu) / (sigma * std::sqrt(2.0)))); };
  for (std::size_t k = 0; k < d.bins(); ++k) EXPECT_NEAR(col[k], cdf(d.bin_edges[k + 1]) - cdf(d.bin_edges[k]), 1e-14);
  // With an efficiency: int eps(x) N(x) dx over each bin, adaptive reference.
  d.efficiency = Efficiency::logistic(0.9, 0.8, 8.0);
  d.response_column(40 * units::keV, col);
  for (std::size_t k = 0; k < d.bins(); ++k) {
    const double ref = adaptive_integral(
        [&](double x) {
          return d.efficiency(x) * std::exp(-0.5 * std::pow((x - mu) / sigma, 2)) / (sigma * std::sqrt(2 * M_PI));
        },
        d.bin_edges[k], d.bin_edges[k + 1]);
    EXPECT_NEAR(col[k], ref, 1e-9) << k;
  }
}

// The CsI 2021 release's gamma PE response: shape 1 + beta Eee, mean Y Eee. Without efficiency the
// bins hold the closed-form gamma CDF differences (regularised incomplete gamma, std::tgamma route
// via series here); with the release efficiency, an adaptive integral of eps(x) p(x) on each bin.
TEST(DetectorResponse, GammaPhotoelectronResponseMatchesClosedFormAndAdaptiveIntegral) {
  DetectorResponse d;
  d.observable = Observable::pe;
  d.quenching = Quenching::constant(0.08);
  d.light_yield_pe_per_keVee = 13.35;
  d.resolution.model = ResolutionModel::gamma;
  d.resolution.gamma_shape_per_keVee = 9.56;
  d.pe_efficiency_offset = 0.0;
  for (int i = 0; i <= 120; ++i) d.bin_edges.push_back(i);
  std::vector<double> col(d.bins());
  for (const double t_keV : {0.5, 3.0, 12.5, 40.0}) {
    const double ee = 0.08 * t_keV, mu = 13.35 * ee, kappa = 1.0 + 9.56 * ee, theta = mu / kappa;
    const auto pdf = [&](double x) {
      return std::exp((kappa - 1.0) * std::log(x) - x / theta - std::lgamma(kappa) - kappa * std::log(theta));
    };
    d.efficiency = Efficiency{};
    d.response_column(t_keV * units::keV, col);
    double sum = 0.0, mean = 0.0, second = 0.0;
    for (std::size_t k = 0; k < d.bins(); ++k) {
      const double ref = adaptive_integral(pdf, std::max(d.bin_edges[k], 1e-300), d.bin_edges[k + 1]);
      EXPECT_NEAR(col[k], ref, 1e-9) << t_keV << " keVnr, bin " << k;
      const double centre = 0.5 * (d.bin_edges[k] + d.bin_edges[k + 1]);
      sum += col[k];
      mean += col[k] * centre;
      second += col[k] * centre * centre;
    }
    EXPECT_NEAR(sum, 1.0, 1e-9) << t_keV;
    if (mu > 5.0) {  // moments from 1-PE bins: variance mu^2 / kappa plus the bin width's 1/12
      EXPECT_NEAR(mean / mu, 1.0, 2e-3) << t_keV;
      EXPECT_NEAR((second - mean * mean) / (mu * mu / kappa + 1.0 / 12.0), 1.0, 2e-2) << t_keV;
    }
    d.efficiency = Efficiency::logistic(1.32045, 0.285979, 10.8646, -0.333322);
    d.threshold = 2.0;
    d.response_column(t_keV * units::keV, col);
    for (std::size_t k = 2; k < d.bins(); ++k) {
      const double ref = adaptive_integral([&](double x) { return d.efficiency(x) * pdf(x); }, d.bin_edges[k],
                                           d.bin_edges[k + 1]);
      EXPECT_NEAR(col[k], ref, 1e-9 + 1e-7 * ref) << t_keV << " keVnr, bin " << k;
    }
    EXPECT_EQ(col[0] + col[1], 0.0);  // below the threshold
    d.threshold = 0.0;
  }
  // Gamma is for photoelectrons only; negative shapes are refused.
  DetectorResponse e = d;
  e.observable = Observable::keVee;
  EXPECT_THROW(e.validate(), InputError);
  d.resolution.gamma_shape_per_keVee = -1.0;
  EXPECT_THROW(d.validate(), InputError);
}

// A user resolution table: sigma interpolated linearly between rows, held beyond them; a constant
// table smears exactly as the sqrt model with a = 0, b = that constant.
TEST(DetectorResponse, ResolutionTableInterpolatesAndSmearsLikeTheClosedForms) {
  const auto t = Resolution::table({1.0, 3.0, 7.0}, {0.2, 0.4, 0.4});
  EXPECT_DOUBLE_EQ(t.sigma(0.5), 0.2);
  EXPECT_NEAR(t.sigma(2.0), 0.3, 1e-15);
  EXPECT_DOUBLE_EQ(t.sigma(50.0), 0.4);
  EXPECT_THROW(Resolution::table({1.0, 1.0}, {0.1, 0.1}), InputError);
  EXPECT_THROW(Resolution::table({1.0, 2.0}, {0.1, -0.1}), InputError);
  EXPECT_THROW(Resolution::table({1.0}, {0.1}), InputError);
  DetectorResponse d;
  d.observable = Observable::keVee;
  d.quenching = Quenching::constant(0.2);
  d.bin_edges = {0.0, 0.5, 1.0, 1.5, 2.0, 3.0};
  d.efficiency = Efficiency::logistic(1.0, 8.0, 0.6);
  d.resolution = Resolution::table({0.0, 10.0}, {0.15, 0.15});
  DetectorResponse g = d;
  g.resolution = Resolution{};
  g.resolution.model = ResolutionModel::sqrt;
  g.resolution.b_keV = 0.15;
  std::vector<double> a(d.bins()), b(d.bins());
  for (const double t_keV : {2.0, 5.0, 9.0}) {
    d.response_column(t_keV * units::keV, a);
    g.response_column(t_keV * units::keV, b);
    for (std::size_t k = 0; k < d.bins(); ++k) EXPECT_DOUBLE_EQ(a[k], b[k]) << t_keV << " " << k;
  }
  // A sloped table against an adaptive integral with sigma(mu) from the same rows.
  d.resolution = Resolution::table({0.0, 4.0}, {0.05, 0.45});
  const double mu = 1.2, sigma = 0.05 + 0.1 * mu;
  d.response_column(mu / 0.2 * units::keV, a);
  for (std::size_t k = 0; k < d.bins(); ++k) {
    const double ref = adaptive_integral(
        [&](double x) {
          return d.efficiency(x) * std::exp(-0.5 * std::pow((x - mu) / sigma, 2)) / (sigma * std::sqrt(2 * M_PI));
        },
        d.bin_edges[k], d.bin_edges[k + 1]);
    EXPECT_NEAR(a[k], ref, 1e-9) << k;
  }
}

TEST(DetectorResponse, DeterministicObservableHasBreakpointsAtEdges) {
  DetectorResponse d;
  d.observable = Observable::keVee;
  d.quenching = Quenching::linear(0.246, 0.00078);
  d.bin_edges = {10, 20};
  const auto b = d.recoil_breakpoints(200 * units::keV);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_NEAR(d.mean_observable(b[0]), 10.0, 1e-9);
  EXPECT_NEAR(d.mean_observable(b[1]), 20.0, 1e-9);
  EXPECT_THROW(DetectorResponse{}.validate(), InputError);
}

TEST(Background, FlatCkkdAndTableShapes) {
  DetectorResponse d;
  d.observable = Observable::pe;
  d.light_yield_pe_per_keVee = 10.0;
  d.bin_edges = {0, 10, 30};
  Background b;
  b.rate_ckkd = 2.0;
  const auto c = b.binned_counts(d, 3.0, 100.0);  // widths 1 and 2 keVee
  EXPECT_NEAR(c[0], 2.0 * 1.0 * 3.0 * 100.0, 1e-12);
  EXPECT_NEAR(c[1], 2.0 * 2.0 * 3.0 * 100.0, 1e-12);
  Background t;
  t.shape = BackgroundShape::table;
  t.table_x = {5, 15, 25, 35};
  t.table_counts = {1, 1, 1, 1};
  t.total_counts = 8;
  const auto ct = t.binned_counts(d, 1, 1);
  EXPECT_NEAR(ct[0], 2.0, 1e-12);
  EXPECT_NEAR(ct[1], 4.0, 1e-12);  // the entry at 35 lies outside the ROI
  const DecayAtRestTiming timing;
  const auto g = Background{}.time_fractions({0.0, 1 * units::us, 3 * units::us}, timing);
  EXPECT_NEAR(g[0], 1.0 / 3, 1e-12);
  EXPECT_NEAR(g[1], 2.0 / 3, 1e-12);
}
