#include "likelihood_core.hpp"

#include <algorithm>
#include <cmath>

namespace cevns::analysis {
namespace likelihood_detail {

std::array<double, 3> morph_weights(double a, MorphInterpolation interpolation) {
  if (interpolation == MorphInterpolation::linear) {
    if (a >= 0.0) return {1.0 - a, a, 0.0};
    return {1.0 + a, 0.0, -a};
  }
  if (a > 1.0) return {-2.0 * (a - 1.0), 1.0 + 1.5 * (a - 1.0), 0.5 * (a - 1.0)};
  if (a < -1.0) return {2.0 * (a + 1.0), -0.5 * (a + 1.0), 1.0 - 1.5 * (a + 1.0)};
  return {1.0 - a * a, 0.5 * (a * a + a), 0.5 * (a * a - a)};
}

std::array<double, 3> morph_weight_slopes(double a, MorphInterpolation interpolation) {
  if (interpolation == MorphInterpolation::linear) {
    if (a >= 0.0) return {-1.0, 1.0, 0.0};
    return {1.0, 0.0, -1.0};
  }
  if (a > 1.0) return {-2.0, 1.5, 0.5};
  if (a < -1.0) return {2.0, -0.5, -1.5};
  return {-2.0 * a, a + 0.5, a - 0.5};
}

}  // namespace likelihood_detail

using likelihood_detail::morph_weight_slopes;
using likelihood_detail::morph_weights;

void LikelihoodModel::Core::expected(std::span<const double> v, std::span<double> out) const {
  std::array<double, max_monomials> m{};
  monomials_at(v, m);
  const std::vector<double>& S = signal_cache(m);
  const double a = value_or(v, signal_scale, 1.0);
  for (const Block& b : blocks) {
    const double norm = a * value_or(v, b.flux, 1.0);
    std::array<double, 3> w{1.0, 0.0, 0.0};
    if (b.variants == 3) w = morph_weights((value(v, b.quenching) - 1.0) / b.delta, b.interpolation);
    const std::size_t nb = b.background_scale.size();
    std::array<double, 64> scale{};
    std::vector<double> heap;
    double* s = scale.data();
    if (nb > scale.size()) s = (heap = std::vector<double>(nb)).data();
    for (std::size_t c = 0; c < nb; ++c) s[c] = value_or(v, b.background_scale[c], 1.0);
    const double* signal = S.data() + b.signal_offset;
    const double* background = b.backgrounds.data();
    double* o = out.data() + b.info.offset;
    const std::size_t n = b.info.bins(), nv = b.variants;
    for (std::size_t i = 0; i < n; ++i, signal += nv, background += nb) {
      double x = 0.0;
      for (std::size_t q = 0; q < nv; ++q) x += w[q] * signal[q];
      double mu = norm * x;
      for (std::size_t c = 0; c < nb; ++c) mu += s[c] * background[c];
      o[i] = mu;
    }
  }
}

double LikelihoodModel::Core::minus_two_lnl(const stats::BinnedLikelihood& likelihood, std::span<const double> v,
                                            std::span<double> gradient, const std::vector<bool>& held) const {
  thread_local std::vector<double> scratch;
  std::vector<double>& mu = scratch;  // one TLS lookup, not one per bin
  mu.resize(bins);
  expected(v, mu);
  const auto& n = likelihood.observed();
  const double total = stats::poisson_deviance(mu, n) + likelihood.constraint_term(v);
  if (gradient.empty()) return total;
  std::fill(gradient.begin(), gradient.end(), 0.0);
  if (!(total < stats::impossible_deviance)) return total;
  std::array<double, max_monomials> m{};
  monomials_at(v, m);
  const std::vector<double>& S = signal_cache(m);
  // d m / d x_k for the free linear parameters.
  const std::size_t nl = linear.size();
  std::array<std::array<double, max_monomials>, max_linear> dm{};
  std::array<std::size_t, max_linear> dpos{};
  std::array<double, max_linear> t{};
  for (std::size_t k = 0; k < nl; ++k) t[k] = (value(v, linear[k].index) - linear[k].center) / linear[k].step;
  for (std::size_t k = 0; k < nl; ++k) {
    dpos[k] = free_position[linear[k].index];
    if (dpos[k] != none && dpos[k] < held.size() && held[dpos[k]]) dpos[k] = none;  // not wanted
    const double h = 1.0 / linear[k].step;
    dm[k][1 + k] = h;
    dm[k][1 + nl + k] = 2.0 * t[k] * h;
    std::size_t j = 1 + 2 * nl;
    for (std::size_t p = 0; p < nl; ++p)
      for (std::size_t q = p + 1; q < nl; ++q, ++j) dm[k][j] = ((p == k ? t[q] : 0.0) + (q == k ? t[p] : 0.0)) * h;
  }
  const double a = value_or(v, signal_scale, 1.0);
  const std::size_t ga = signal_scale == none ? none : free_position[signal_scale];
  for (const Block& b : blocks) {
    const double f = value_or(v, b.flux, 1.0), norm = a * f;
    const std::size_t gf = b.flux == none ? none : free_position[b.flux];
    std::array<double, 3> w{1.0, 0.0, 0.0}, dw{0.0, 0.0, 0.0};
    std::size_t gq = none;
    if (b.variants == 3) {
      const double alpha = (value(v, b.quenching) - 1.0) / b.delta;
      w = morph_weights(alpha, b.interpolation);
      dw = morph_weight_slopes(alpha, b.interpolation);
      for (auto& x : dw) x /= b.delta;
      gq = free_position[b.quenching];
    }
    const std::size_t nb = b.background_scale.size(), nv = b.variants, nbins = b.info.bins();
    const double* signal = S.data() + b.signal_offset;
    const double* coefficient = b.coefficients.data();
    const double* background = b.backgrounds.data();
    const double* observed = n.data() + b.info.offset;
    const double* expected_counts = mu.data() + b.info.offset;
    // Sums kept in locals (no loop-carried stores), added to the gradient after the bins.
    double sum_a = 0.0, sum_q = 0.0;
    std::array<double, 64> sum_b_small{};
    std::vector<double> sum_b_large;
    double* sum_b = sum_b_small.data();
    if (nb > sum_b_small.size()) sum_b = (sum_b_large = std::vector<double>(nb, 0.0)).data();
    std::array<double, max_linear> sum_x{};
    bool any_linear = false;
    for (std::size_t k = 0; k < nl; ++k) any_linear = any_linear || dpos[k] != none;
    for (std::size_t i = 0; i < nbins; ++i, signal += nv, background += nb) {
      const double r = observed[i] > 0.0 ? 2.0 * (1.0 - observed[i] / expected_counts[i]) : 2.0;  // d dev / d mu
      double x = 0.0, dx = 0.0;
      for (std::size_t q = 0; q < nv; ++q) {
        x += w[q] * signal[q];
        dx += dw[q] * signal[q];
      }
      sum_a += r * x;
      sum_q += r * dx;
      for (std::size_t c = 0; c < nb; ++c) sum_b[c] += r * background[c];
      if (!any_linear) continue;
      for (std::size_t k = 0; k < nl; ++k) {
        if (dpos[k] == none) continue;
        double ds = 0.0;
        for (std::size_t q = 0; q < nv; ++q) {
          const double* c = coefficient + (i * nv + q) * monomials;
          double d = 0.0;
          for (std::size_t j = 0; j < monomials; ++j) d += c[j] * dm[k][j];
          ds += w[q] * d;
        }
        sum_x[k] += r * ds;
      }
    }
    if (ga != none) gradient[ga] += f * sum_a;
    if (gf != none) gradient[gf] += a * sum_a;
    if (gq != none) gradient[gq] += norm * sum_q;
    for (std::size_t c = 0; c < nb; ++c) {
      const std::size_t i = b.background_scale[c];
      if (i != none && free_position[i] != none) gradient[free_position[i]] += sum_b[c];
    }
    for (std::size_t k = 0; k < nl; ++k)
      if (dpos[k] != none) gradient[dpos[k]] += norm * sum_x[k];
  }
  // Constraint terms.
  const auto& parameters = likelihood.parameters();
  for (std::size_t k = 0; k < parameters.size(); ++k) {
    const auto& p = parameters[k];
    if (p.constraint == stats::Constraint::gaussian) {
      gradient[k] += 2.0 * (v[k] - p.center) / (p.width * p.width);
    } else if (p.constraint == stats::Constraint::log_normal) {
      gradient[k] += 2.0 * std::log(v[k] / p.center) / (p.width * p.width * v[k]);
    }
  }
  return total;
}

}  // namespace cevns::analysis
