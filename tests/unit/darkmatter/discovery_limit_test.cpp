// The Asimov discovery limit: one-bin closed forms (G. Cowan et al., EPJC 71, 1554 (2011), eq. 97),
// the profile over a constrained background against a brute-force 1-D minimisation, the exact fog
// index against finite differences, and the three regimes n = 1, 2, > 2.
#include <gtest/gtest.h>

#include <boost/math/tools/minima.hpp>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/darkmatter/discovery_limit.hpp"

namespace cevns {
namespace {

TEST(DiscoveryLimit, OneBinWithoutUncertaintyIsCowanEq97) {
  const AsimovDiscovery d({{2.0}}, {0.0});
  const std::vector<double> s{1.0};
  for (double x : {0.5, 3.0, 40.0}) {
    for (double sig : {0.1, 1.0, 10.0}) {
      const double b = 2.0 * x, sv = sig * x;
      EXPECT_NEAR(d.q0(s, sig, x), 2 * ((sv + b) * std::log1p(sv / b) - sv), 1e-10 * (1 + d.q0(s, sig, x)));
    }
  }
}

TEST(DiscoveryLimit, ProfiledNuisanceMatchesBruteForceMinimum) {
  // Two bins, one background with a 20 % constraint: q0 = 2 min_u [sum X m h + u^2/(2 d^2)].
  const std::vector<double> b{3.0, 1.0}, s{0.2, 1.0};
  const double delta = 0.2, x = 5.0, sig = 0.7;
  const AsimovDiscovery d({b}, {delta});
  const auto f = [&](double u) {
    double v = u * u / (2 * delta * delta);
    for (int i = 0; i < 2; ++i) {
      const double n = x * (b[i] + sig * s[i]), mu = x * b[i] * (1 + u);
      v += n * std::log(n / mu) - n + mu;
    }
    return 2 * v;
  };
  const auto [u, fmin] = boost::math::tools::brent_find_minima(f, -0.9, 2.0, 50);
  EXPECT_NEAR(d.q0(s, sig, x), fmin, 1e-9 * fmin);
  EXPECT_GT(u, 0.0);  // the background fit absorbs part of the signal
}

TEST(DiscoveryLimit, DiscoveryAtThreeSigmaAndTheExactFogIndex) {
  const std::vector<double> b1{5.0, 2.0, 0.5}, b2{0.1, 1.0, 3.0}, s{0.3, 1.0, 0.2};
  const AsimovDiscovery d({b1, b2}, {0.1, 0.3});
  AsimovDiscovery::Workspace ws;
  for (double x : {0.01, 1.0, 100.0, 1e4}) {
    const auto p = d.discovery(s, x, ws);
    if (!p.count_limited) {
      EXPECT_NEAR(d.q0(s, p.cross_section, x), 9.0, 1e-6);
    }
    // n = -(d ln sigma / d ln X)^-1 by central differences.
    const double h = 1e-3;
    const double up = d.discovery(s, x * std::exp(h), ws).cross_section;
    const double dn = d.discovery(s, x * std::exp(-h), ws).cross_section;
    const double n_fd = -2 * h / (std::log(up) - std::log(dn));
    EXPECT_NEAR(p.fog_index, n_fd, 2e-3 * n_fd) << x;
  }
}

TEST(DiscoveryLimit, BackgroundFreePoissonAndSaturatedRegimes) {
  // One bin, one background, 10 % normalisation uncertainty, same shape as the signal.
  const AsimovDiscovery d({{1.0}}, {0.1});
  AsimovDiscovery::Workspace ws;
  const std::vector<double> s{1.0};
  // Background free (1e-6 events): the 0.5-event requirement sets the limit, sigma X = 0.5, n = 1
  // (0.5 events on 1e-6 give q0 = 2 [(s + b) ln(1 + s/b) - s] = 12 > 9).
  const auto p0 = d.discovery(s, 1e-6, ws), p1 = d.discovery(s, 1e-5, ws);
  EXPECT_TRUE(p0.count_limited);
  EXPECT_TRUE(p1.count_limited);
  EXPECT_NEAR(p0.cross_section * 1e-6, 0.5, 1e-12);
  EXPECT_NEAR(std::log(p0.cross_section / p1.cross_section) / std::log(10.0), 1.0, 1e-9);
  // Poisson regime (b = 10 events << 1/delta^2 = 100): sigma X ~ 3 sqrt(b), n ~ 2.
  const auto pp = d.discovery(s, 10.0, ws);
  EXPECT_NEAR(pp.fog_index, 2.0, 0.3);
  EXPECT_NEAR(pp.signal_events / std::sqrt(10.0 + 0.01 * 100), 3.0, 0.6);
  // Saturation (b = 1e8): signal = 3 delta b per unit exposure -> sigma -> 0.3, n >> 2.
  const auto ps = d.discovery(s, 1e8, ws);
  EXPECT_NEAR(ps.cross_section, 0.3, 0.01);
  EXPECT_GT(ps.fog_index, 100.0);
}

TEST(DiscoveryLimit, BadInput) {
  EXPECT_THROW(AsimovDiscovery({}, {}), InputError);
  EXPECT_THROW(AsimovDiscovery({{1.0}, {1.0, 2.0}}, {0.1, 0.1}), InputError);
  EXPECT_THROW(AsimovDiscovery({{-1.0}}, {0.1}), InputError);
  EXPECT_THROW(AsimovDiscovery({{1.0}}, {0.1}, DiscoveryOptions{3.0, 0.0}), InputError);
  const AsimovDiscovery d({{1.0, 1.0}}, {0.1});
  AsimovDiscovery::Workspace ws;
  EXPECT_THROW((void)d.discovery(std::vector<double>{0.0, 0.0}, 1.0, ws), InputError);
  EXPECT_THROW((void)d.discovery(std::vector<double>{1.0}, 1.0, ws), InputError);
  EXPECT_THROW((void)d.discovery(std::vector<double>{1.0, 1.0}, -1.0, ws), InputError);
}

}  // namespace
}  // namespace cevns
