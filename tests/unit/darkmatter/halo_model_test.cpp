// The SHM mean inverse speed: closed form (Savage, Freese, Gondolo 2006; McCabe 2010) against a
// direct numerical integral over the lab-frame velocity distribution, and its limits.
#include <gtest/gtest.h>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <numbers>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/darkmatter/halo_model.hpp"

namespace cevns {
namespace {

constexpr double km_s = 1e3 / constants::speed_of_light_m_per_s;  // c = 1

// eta(v_min) = int_{v > v_min} f(v)/v d^3v with f(v) = exp(-|v + v_lab|^2/v0^2) Theta(...) / N,
// in spherical coordinates about v_lab (c = cos angle); N integrated numerically as well.
double numerical_eta(const StandardHaloModel& h, double v_min) {
  using Q = boost::math::quadrature::gauss_kronrod<double, 61>;
  const double norm = 4.0 * std::numbers::pi *
                      Q::integrate([&](double u) { return u * u * std::exp(-u * u / (h.v0 * h.v0)); }, 0.0, h.v_esc, 15, 1e-12);
  const auto inner = [&](double v) {
    const double ve = h.v_lab;
    double c_max = 1.0;
    if (v * ve > 0.0) c_max = std::min(1.0, (h.v_esc * h.v_esc - v * v - ve * ve) / (2.0 * v * ve));
    else if (v * v + ve * ve > h.v_esc * h.v_esc) return 0.0;
    if (c_max <= -1.0) return 0.0;
    const double angular = Q::integrate(
        [&](double c) { return std::exp(-(v * v + ve * ve + 2.0 * v * ve * c) / (h.v0 * h.v0)); }, -1.0, c_max, 5, 1e-13);
    return 2.0 * std::numbers::pi * v * angular;  // v^2 dv / v
  };
  const double top = h.v_esc + h.v_lab;
  if (v_min >= top) return 0.0;
  // Split at the kink where the escape cut starts to bite (v = v_esc - v_lab).
  const double kink = std::abs(h.v_esc - h.v_lab);
  double sum = 0.0;
  if (v_min < kink) sum += Q::integrate(inner, v_min, kink, 10, 1e-10);
  sum += Q::integrate(inner, std::max(v_min, kink), top, 10, 1e-10);
  return sum / norm;
}

TEST(HaloModel, AnalyticEtaMatchesNumericalVelocityIntegral) {
  for (const auto& h : {StandardHaloModel::baxter2021(), StandardHaloModel::ohare2021()}) {
    for (double v_km_s : {0.0, 50.0, 200.0, 293.0, 400.0, 600.0, 780.0}) {
      const double v = v_km_s * km_s;
      const double ref = numerical_eta(h, v);
      EXPECT_NEAR(h.mean_inverse_speed(v), ref, 1e-7 * numerical_eta(h, 0.0)) << v_km_s;
    }
  }
  // Lab faster than the escape speed (the z < y branch): every WIMP above v_min below v_lab - v_esc.
  StandardHaloModel fast = StandardHaloModel::baxter2021();
  fast.v_esc = 200 * km_s;
  fast.v_lab = 300 * km_s;
  for (double v_km_s : {20.0, 99.0, 150.0, 400.0})
    EXPECT_NEAR(fast.mean_inverse_speed(v_km_s * km_s), numerical_eta(fast, v_km_s * km_s),
                1e-7 * numerical_eta(fast, 0.0)) << v_km_s;
}

TEST(HaloModel, KnownLimits) {
  StandardHaloModel h = StandardHaloModel::baxter2021();
  // Zero above v_esc + v_lab; continuous there.
  EXPECT_EQ(h.mean_inverse_speed(h.max_speed() * 1.001), 0.0);
  EXPECT_LT(h.mean_inverse_speed(h.max_speed() * 0.999), 1e-6 * h.mean_inverse_speed(0.0));
  // No escape cut (v_esc -> infinity): eta(0) = <1/v> = erf(y)/(v0 y), y = v_lab/v0.
  h.v_esc = 0.9;  // ~ 2.7e5 km/s >> v0: N_esc = 1 to machine precision
  const double y = h.v_lab / h.v0;
  EXPECT_NEAR(h.mean_inverse_speed(0.0), std::erf(y) / (h.v0 * y), 1e-12 / h.v0);
  // Lab at rest, no cut: eta = 2 exp(-x^2) / (sqrt(pi) v0).
  h.v_lab = 0.0;
  h.v_esc = 0.5;
  for (double x : {0.0, 0.5, 1.3}) EXPECT_NEAR(h.mean_inverse_speed(x * h.v0), 2 * std::exp(-x * x) / (std::sqrt(std::numbers::pi) * h.v0), 1e-12 / h.v0);
  // Monotone decreasing in v_min.
  const auto b = StandardHaloModel::baxter2021();
  double prev = b.mean_inverse_speed(0.0);
  for (double v = 10; v < 800; v += 10) {
    const double e = b.mean_inverse_speed(v * km_s);
    EXPECT_LE(e, prev);
    prev = e;
  }
}

TEST(HaloModel, Presets) {
  const auto b = StandardHaloModel::baxter2021();
  EXPECT_NEAR(b.v0 / km_s, 238.0, 1e-9);
  EXPECT_NEAR(b.v_esc / km_s, 544.0, 1e-9);
  EXPECT_NEAR(b.v_lab / km_s, 250.6, 0.05);
  EXPECT_NEAR(b.density * cm3_natural / units::GeV, 0.3, 1e-12);
  StandardHaloModel bad = b;
  bad.v0 = -1;
  EXPECT_THROW(bad.validate(), InputError);
  bad = b;
  bad.density = 0;
  EXPECT_THROW(bad.validate(), InputError);
}

TEST(HaloModel, AnnualModulationOfTheLabSpeed) {
  // Maximum near 1 June (day ~150), minimum near 1 December; amplitude ~ 29.8 km/s x cos(60 deg)
  // ~ 15 km/s (Lee, Lisanti, Safdi 2013): check phase to 10 days, amplitude to 10 %.
  double best = 0, worst = 1, day_best = 0, sum = 0;
  for (int d = 0; d < 365; ++d) {
    const double v = annual_lab_speed(d);
    sum += v;
    if (v > best) { best = v; day_best = d; }
    worst = std::min(worst, v);
  }
  EXPECT_NEAR(day_best, 152, 10);
  EXPECT_NEAR((best - worst) / 2 / km_s, 15.0, 1.5);
  // Annual mean = |v_sun| + <v_earth,perp^2> / (2 |v_sun|) to second order: |v_earth| = 29.8 km/s is
  // constant and its component along v_sun has amplitude A = 29.8 |(e1.s, e2.s)| km/s, so the
  // correction is (29.8^2 - A^2/2) / (2 |v_sun|) ~ 1.56 km/s.
  const double vs = StandardHaloModel::baxter2021().v_lab / km_s;
  const double sx = 11.1 / vs, sy = (238 + 12.24) / vs, sz = 7.25 / vs;
  const double a = 29.8 * std::hypot(0.9940 * sx + 0.1095 * sy + 0.003116 * sz, -0.05173 * sx + 0.4945 * sy - 0.8677 * sz);
  EXPECT_NEAR(sum / 365 / km_s, vs + (29.8 * 29.8 - a * a / 2) / (2 * vs), 0.1);
}

}  // namespace
}  // namespace cevns
