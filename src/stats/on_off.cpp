#include "cevns/stats/on_off.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <string>

#include "cevns/core/error.hpp"

namespace cevns::stats {
namespace {

// n ln(n / mu) with the 0 ln 0 = 0 convention.
double xlogx_over(double n, double mu) { return n > 0.0 ? n * std::log(n / mu) : 0.0; }

// One Poisson term of the deviance, 2 [mu - n + n ln(n/mu)]; a huge finite value when mu <= 0 < n.
double deviance_term(double n, double mu) {
  if (mu < 0.0 || (mu == 0.0 && n > 0.0)) return 1e300;
  return 2.0 * (mu - n + xlogx_over(n, mu));
}

double signed_root(double q, double excess) {
  const double z = std::sqrt(std::max(q, 0.0));
  return excess < 0.0 ? -z : z;
}

double alpha_of(const OnOffData& d) { return d.exposure_on / d.exposure_off; }

// Solves f(s) = 0 on [lo, hi] with f(lo) < 0 < f(hi) (or the reverse), to ~1e-10 relative.
template <class F>
double bracket_root(F f, double lo, double hi) {
  boost::math::tools::eps_tolerance<double> tol(40);
  std::uintmax_t iterations = 200;
  const auto r = boost::math::tools::toms748_solve(f, lo, hi, tol, iterations);
  return 0.5 * (r.first + r.second);
}

}  // namespace

void validate(const OnOffData& d) {
  auto count = [](double n, const char* what) {
    if (!std::isfinite(n) || n < 0.0) throw InputError(std::string(what) + " must be a finite count >= 0");
  };
  count(d.n_on, "the ON count");
  count(d.n_off, "the OFF count");
  if (!std::isfinite(d.exposure_on) || !(d.exposure_on > 0.0)) throw InputError("the ON exposure must be > 0");
  if (!std::isfinite(d.exposure_off) || !(d.exposure_off > 0.0)) throw InputError("the OFF exposure must be > 0");
}

double simple_significance(const OnOffData& d) {
  const double a = alpha_of(d);
  const double var = d.n_on + a * a * d.n_off;
  return var > 0.0 ? (d.n_on - a * d.n_off) / std::sqrt(var) : 0.0;
}

double li_ma_significance(const OnOffData& d) {
  const double a = alpha_of(d);
  const double n = d.n_on + d.n_off;
  if (n <= 0.0) return 0.0;
  const double t_on = d.n_on > 0.0 ? d.n_on * std::log((1.0 + a) / a * d.n_on / n) : 0.0;
  const double t_off = d.n_off > 0.0 ? d.n_off * std::log((1.0 + a) * d.n_off / n) : 0.0;
  return signed_root(2.0 * (t_on + t_off), d.n_on - a * d.n_off);
}

double on_off_deviance(const OnOffData& d, double s, double b) {
  const double a = alpha_of(d);
  return deviance_term(d.n_on, s + a * b) + deviance_term(d.n_off, b);
}

double profiled_background(const OnOffData& d, double s) {
  const double a = alpha_of(d);
  // d lnL / db = 0  <=>  a(1+a) b^2 - [a(N_on+N_off) - (1+a) s] b - N_off s = 0; positive root.
  const double p = a * (d.n_on + d.n_off) - (1.0 + a) * s;
  const double disc = p * p + 4.0 * a * (1.0 + a) * d.n_off * s;
  const double b = (p + std::sqrt(std::max(disc, 0.0))) / (2.0 * a * (1.0 + a));
  return std::max(b, 0.0);
}

double on_off_profile_q(const OnOffData& d, double s) {
  // The unconstrained maximum is the saturated model (s^ = N_on - a N_off, b^ = N_off): deviance 0.
  return std::max(on_off_deviance(d, s, profiled_background(d, s)), 0.0);
}

double profile_significance(const OnOffData& d) {
  return signed_root(on_off_profile_q(d, 0.0), d.n_on - alpha_of(d) * d.n_off);
}

OnOffInterval profile_interval(const OnOffData& d, double cl) {
  if (!(cl > 0.0 && cl < 1.0)) throw InputError("the confidence level must lie in (0, 1)");
  const double a = alpha_of(d);
  const double level = boost::math::quantile(boost::math::chi_squared(1.0), cl);
  const double s_hat = std::max(d.n_on - a * d.n_off, 0.0);  // bounded MLE (Rolke et al. 2005)
  const double q_hat = on_off_profile_q(d, s_hat);
  auto f = [&](double s) { return on_off_profile_q(d, s) - q_hat - level; };
  const double scale = std::sqrt(d.n_on + a * a * d.n_off) + 1.0;
  double hi = s_hat + scale;
  for (int i = 0; i < 200 && f(hi) < 0.0; ++i) hi += scale * (i + 1);
  OnOffInterval out;
  out.cl = cl;
  out.upper = bracket_root(f, s_hat, hi);
  out.lower = (s_hat > 0.0 && f(0.0) > 0.0) ? bracket_root(f, 0.0, s_hat) : 0.0;
  return out;
}

OnOffResult analyse_on_off(const OnOffData& d, double cl) {
  validate(d);
  OnOffResult r;
  r.alpha = alpha_of(d);
  r.background_on = r.alpha * d.n_off;
  r.excess = d.n_on - r.background_on;
  r.excess_error = std::sqrt(d.n_on + r.alpha * r.alpha * d.n_off);
  r.significance_simple = simple_significance(d);
  r.significance_li_ma = li_ma_significance(d);
  r.significance_profile = profile_significance(d);
  r.interval = profile_interval(d, cl);
  return r;
}

}  // namespace cevns::stats
