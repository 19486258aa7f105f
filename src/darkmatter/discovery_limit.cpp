#include "cevns/darkmatter/discovery_limit.hpp"

#include <Eigen/Dense>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <limits>
#include <numeric>

#include "cevns/core/error.hpp"

namespace cevns {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// (1 + r) ln(1 + r) - r, accurate for small |r| (series) and r -> -1 (limit 1).
double deviance_h(double r) {
  if (std::abs(r) < 1e-4) return r * r * (0.5 - r * (1.0 / 6.0 - r / 12.0));
  if (r <= -1.0) return 1.0;
  return (1.0 + r) * std::log1p(r) - r;
}

}  // namespace

AsimovDiscovery::AsimovDiscovery(std::vector<std::vector<double>> backgrounds,
                                 std::vector<double> relative_uncertainties, DiscoveryOptions options)
    : options_(options) {
  if (backgrounds.empty()) throw InputError("discovery limit: no background component");
  if (relative_uncertainties.size() != backgrounds.size())
    throw InputError("discovery limit: one uncertainty per background component is needed");
  if (!(options.significance > 0.0) || !std::isfinite(options.significance))
    throw InputError("discovery limit: the significance must be positive");
  if (!(options.min_signal_events > 0.0) || !std::isfinite(options.min_signal_events))
    throw InputError("discovery limit: the minimum number of signal events must be positive");
  const std::size_t nb = backgrounds.front().size();
  if (nb == 0) throw InputError("discovery limit: no bins");
  total_.assign(nb, 0.0);
  for (std::size_t k = 0; k < backgrounds.size(); ++k) {
    const auto& row = backgrounds[k];
    if (row.size() != nb) throw InputError("discovery limit: background components differ in bin count");
    const double d = relative_uncertainties[k];
    if (!(d >= 0.0) || !std::isfinite(d)) throw InputError("discovery limit: uncertainties must be >= 0");
    bool any = false;
    for (double v : row) {
      if (!(v >= 0.0) || !std::isfinite(v)) throw InputError("discovery limit: background counts must be >= 0");
      any = any || v > 0.0;
    }
    for (std::size_t i = 0; i < nb; ++i) total_[i] += row[i];
    if (any && d > 0.0) {
      b_.push_back(row);
      inv_var_.push_back(1.0 / (d * d));
    }
  }
}

AsimovDiscovery::Profile AsimovDiscovery::profile(std::span<const double> s, double sigma, double x,
                                                  Workspace& ws) const {
  const std::size_t nb = total_.size(), nk = b_.size();
  if (s.size() != nb) throw InputError("discovery limit: signal and background differ in bin count");
  for (std::size_t i = 0; i < nb; ++i)
    if (s[i] > 0.0 && total_[i] <= 0.0) return {inf, inf, inf};
  std::vector<double>& u = ws.shifts;
  if (u.size() != nk) u.assign(nk, 0.0);
  std::vector<double> m(nb), d(nb);
  // Objective at shifts v; false if an expectation is not positive where data are.
  const auto evaluate = [&](const std::vector<double>& v, double& f) {
    f = 0.0;
    for (std::size_t i = 0; i < nb; ++i) {
      double shift = 0.0;
      for (std::size_t k = 0; k < nk; ++k) shift += v[k] * b_[k][i];
      m[i] = total_[i] + shift;
      d[i] = sigma * s[i] - shift;
      const double n = total_[i] + sigma * s[i];
      if (n <= 0.0 && m[i] <= 0.0) continue;
      if (!(m[i] > 0.0)) return false;
      f += x * m[i] * deviance_h(d[i] / m[i]);
    }
    for (std::size_t k = 0; k < nk; ++k) f += 0.5 * v[k] * v[k] * inv_var_[k];
    return true;
  };
  double f = 0.0;
  if (!evaluate(u, f)) {
    std::fill(u.begin(), u.end(), 0.0);
    evaluate(u, f);
  }
  Eigen::VectorXd g(static_cast<Eigen::Index>(nk));
  Eigen::MatrixXd h(static_cast<Eigen::Index>(nk), static_cast<Eigen::Index>(nk));
  std::vector<double> trial(nk);
  for (int iter = 0; iter < 100 && nk > 0; ++iter) {
    g.setZero();
    h.setZero();
    for (std::size_t i = 0; i < nb; ++i) {
      if (!(m[i] > 0.0)) continue;
      const double r = d[i] / m[i];
      const double curv = x * (total_[i] + sigma * s[i]) / (m[i] * m[i]);
      for (std::size_t k = 0; k < nk; ++k) {
        const auto kk = static_cast<Eigen::Index>(k);
        g(kk) -= x * b_[k][i] * r;
        const double bk = b_[k][i] * curv;
        for (std::size_t l = 0; l <= k; ++l) h(kk, static_cast<Eigen::Index>(l)) += bk * b_[l][i];
      }
    }
    for (std::size_t k = 0; k < nk; ++k) {
      const auto kk = static_cast<Eigen::Index>(k);
      g(kk) += u[k] * inv_var_[k];
      h(kk, kk) += inv_var_[k];
    }
    const Eigen::VectorXd step = -h.selfadjointView<Eigen::Lower>().ldlt().solve(g);
    const double decrease = -g.dot(step);  // Newton decrement^2 (>= 0 for a convex objective)
    if (!(decrease > 1e-12 * (1.0 + std::abs(f)))) break;
    double t = 1.0, ft = 0.0;
    bool accepted = false;
    for (int ls = 0; ls < 60; ++ls, t *= 0.5) {
      for (std::size_t k = 0; k < nk; ++k) trial[k] = u[k] + t * step(static_cast<Eigen::Index>(k));
      if (evaluate(trial, ft) && ft <= f - 0.25 * t * decrease) {
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      evaluate(u, f);  // restore m, d of the current point
      break;
    }
    u = trial;
    f = ft;
  }
  evaluate(u, f);
  Profile p;
  p.q0 = 2.0 * f;
  for (std::size_t i = 0; i < nb; ++i) {
    if (!(m[i] > 0.0)) continue;
    const double r = d[i] / m[i];
    p.poisson += x * m[i] * deviance_h(r);
    if (s[i] > 0.0) p.slope += sigma * x * s[i] * std::log1p(r);
  }
  return p;
}

double AsimovDiscovery::q0(std::span<const double> signal, double cross_section, double exposure) const {
  Workspace ws;
  return q0(signal, cross_section, exposure, ws);
}

double AsimovDiscovery::q0(std::span<const double> signal, double cross_section, double exposure,
                           Workspace& ws) const {
  if (!(cross_section >= 0.0) || !(exposure > 0.0) || !std::isfinite(exposure))
    throw InputError("discovery limit: cross section must be >= 0 and exposure > 0");
  return profile(signal, cross_section, exposure, ws).q0;
}

DiscoveryPoint AsimovDiscovery::discovery(std::span<const double> signal, double exposure, Workspace& ws,
                                          double guess) const {
  if (!(exposure > 0.0) || !std::isfinite(exposure)) throw InputError("discovery limit: exposure must be > 0");
  if (signal.size() != bins()) throw InputError("discovery limit: signal and background differ in bin count");
  const double s_tot = std::accumulate(signal.begin(), signal.end(), 0.0);
  if (!(s_tot > 0.0) || !std::isfinite(s_tot)) throw InputError("discovery limit: the signal is zero in every bin");
  const double target = options_.significance * options_.significance;
  DiscoveryPoint out;
  out.background_events = exposure * std::accumulate(total_.begin(), total_.end(), 0.0);
  const double sigma_min = options_.min_signal_events / (exposure * s_tot);
  const Profile at_min = profile(signal, sigma_min, exposure, ws);
  if (at_min.q0 >= target) {
    out.cross_section = sigma_min;
    out.fog_index = 1.0;
    out.count_limited = true;
    out.signal_events = options_.min_signal_events;
    return out;
  }
  // Bracket [lo, hi] in ln sigma with q0(lo) < target <= q0(hi).
  double lo = std::log(sigma_min), hi = guess > sigma_min ? std::log(guess) : lo + 1.0;
  const auto excess = [&](double l) { return profile(signal, std::exp(l), exposure, ws).q0 - target; };
  double f_hi = excess(hi);
  if (f_hi < 0.0) {
    double step = 1.0;
    while (f_hi < 0.0) {
      lo = hi;
      hi += step;
      step *= 2.0;
      if (hi - std::log(sigma_min) > 200.0)
        throw NumericalError("discovery limit: no cross section reaches the significance (saturated background)");
      f_hi = excess(hi);
    }
  } else {
    // The guess was above the limit: step down to a point below (never below sigma_min).
    double step = 1.0;
    double f_lo = excess(std::max(std::log(sigma_min), hi - step));
    lo = std::max(std::log(sigma_min), hi - step);
    while (f_lo >= 0.0) {
      hi = lo;
      step *= 2.0;
      lo = std::max(std::log(sigma_min), lo - step);
      f_lo = excess(lo);
    }
  }
  std::uintmax_t iters = 100;
  const auto [a, b] = boost::math::tools::toms748_solve(excess, lo, hi, boost::math::tools::eps_tolerance<double>(40), iters);
  const double sigma = std::exp(0.5 * (a + b));
  const Profile p = profile(signal, sigma, exposure, ws);
  out.cross_section = sigma;
  out.signal_events = sigma * exposure * s_tot;
  out.fog_index = p.poisson > 0.0 ? p.slope / p.poisson : 1.0;
  if (!std::isfinite(out.fog_index) || !std::isfinite(sigma))
    throw NumericalError("discovery limit: non-finite result");
  return out;
}

}  // namespace cevns
