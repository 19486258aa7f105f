#include "cevns/darkmatter/halo_model.hpp"

#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <numbers>
#include <string>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"

namespace cevns {
namespace {

// Speeds in units of c (exact; units::km / units::s agrees to 2e-10, the rounding of hbar and hbar c).
constexpr double km_s = 1e3 / constants::speed_of_light_m_per_s;

}  // namespace

StandardHaloModel StandardHaloModel::baxter2021() {
  StandardHaloModel h;
  h.v0 = 238.0 * km_s;
  h.v_esc = 544.0 * km_s;
  h.v_lab = std::hypot(11.1, 238.0 + 12.24, 7.25) * km_s;
  h.density = 0.3 * units::GeV / cm3_natural;
  return h;
}

StandardHaloModel StandardHaloModel::ohare2021() {
  StandardHaloModel h;
  h.v0 = std::numbers::sqrt2 * 167.0 * km_s;
  h.v_esc = 533.0 * km_s;
  h.v_lab = 245.6 * km_s;
  h.density = 0.3 * units::GeV / cm3_natural;
  return h;
}

void StandardHaloModel::validate() const {
  const auto check = [](double v, const char* what, bool allow_zero) {
    if (!std::isfinite(v) || v < 0.0 || (!allow_zero && v == 0.0))
      throw InputError(std::string("halo model: ") + what + " must be " + (allow_zero ? "non-negative" : "positive"));
  };
  check(v0, "v0", false);
  check(v_esc, "v_esc", false);
  check(v_lab, "v_lab", true);
  check(density, "density", false);
  if (v_esc + v_lab >= 1.0) throw InputError("halo model: v_esc + v_lab must stay below the speed of light");
}

double StandardHaloModel::escape_normalisation() const {
  const double z = v_esc / v0;
  return boost::math::erf(z) - 2.0 * z * std::exp(-z * z) / std::sqrt(std::numbers::pi);
}

double StandardHaloModel::mean_inverse_speed(double v_min) const {
  using boost::math::erf;
  const double x = std::max(v_min, 0.0) / v0, y = v_lab / v0, z = v_esc / v0;
  const double inv_sqrt_pi = 1.0 / std::sqrt(std::numbers::pi);
  if (x >= y + z) return 0.0;
  if (y == 0.0) {
    // Lab at rest: eta = 2 / (sqrt(pi) N_esc v0) [exp(-x^2) - exp(-z^2)] for x < z (limit y -> 0).
    return 2.0 * inv_sqrt_pi * (std::exp(-x * x) - std::exp(-z * z)) / (escape_normalisation() * v0);
  }
  const double nesc = escape_normalisation();
  if (x < std::abs(y - z)) {
    if (z < y) return 1.0 / (v0 * y);  // every WIMP is faster than v_min in the lab
    return (erf(x + y) - erf(x - y) - 4.0 * inv_sqrt_pi * y * std::exp(-z * z)) / (2.0 * nesc * v0 * y);
  }
  return (erf(z) - erf(x - y) - 2.0 * inv_sqrt_pi * (y + z - x) * std::exp(-z * z)) / (2.0 * nesc * v0 * y);
}

double annual_lab_speed(double days_since_jan1, double circular_speed) {
  if (!std::isfinite(days_since_jan1) || !(circular_speed >= 0.0))
    throw InputError("annual_lab_speed: day must be finite and the circular speed non-negative");
  constexpr std::array<double, 3> e1{0.9940, 0.1095, 0.003116}, e2{-0.05173, 0.4945, -0.8677};
  const double phase = 2.0 * std::numbers::pi / 365.25 * (days_since_jan1 - 79.3);
  const double earth = 29.8 * km_s;
  const std::array<double, 3> sun{11.1 * km_s, circular_speed + 12.24 * km_s, 7.25 * km_s};
  double sum2 = 0.0;
  for (std::size_t i = 0; i < 3; ++i) {
    const double v = sun[i] + earth * (e1[i] * std::cos(phase) + e2[i] * std::sin(phase));
    sum2 += v * v;
  }
  return std::sqrt(sum2);
}

}  // namespace cevns
