#include "cevns/stats/asymptotics.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/tools/roots.hpp>
#include <cmath>

#include "cevns/core/error.hpp"

namespace cevns::stats {
namespace {

const boost::math::normal& unit_normal() {
  static const boost::math::normal n(0.0, 1.0);
  return n;
}

void check_cl(double cl) {
  if (!(cl > 0.0 && cl < 1.0)) throw InputError("confidence level must lie in (0, 1)");
}

// Root of an increasing f on [lo, hi] where f(lo) < 0 < f(hi); hi grows by `step` until it does.
template <class F>
double increasing_root(F f, double lo, double step) {
  double hi = lo + step;
  for (int i = 0; f(hi) < 0.0; ++i) {
    if (i > 60) throw NumericalError("limit search did not bracket the crossing");
    lo = hi;
    step *= 2.0;
    hi = lo + step;
  }
  if (f(lo) >= 0.0) return lo;
  boost::math::tools::eps_tolerance<double> tol(30);
  std::uintmax_t iterations = 100;
  const auto r = boost::math::tools::toms748_solve(f, lo, hi, tol, iterations);
  return 0.5 * (r.first + r.second);
}

}  // namespace

double normal_cdf(double z) { return boost::math::cdf(unit_normal(), z); }
double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) throw InputError("probability must lie in (0, 1)");
  return boost::math::quantile(unit_normal(), p);
}
double sigma_to_cl(double n_sigma) { return 2.0 * normal_cdf(n_sigma) - 1.0; }

double delta_chi2_level(double cl, int dof) {
  check_cl(cl);
  if (dof < 1) throw InputError("degrees of freedom must be >= 1");
  return boost::math::quantile(boost::math::chi_squared(dof), cl);
}

double chi2_p_value(double chi2, int dof) {
  if (dof < 1) throw InputError("degrees of freedom must be >= 1");
  if (!(chi2 > 0.0)) return 1.0;
  return boost::math::cdf(boost::math::complement(boost::math::chi_squared(dof), chi2));
}

double p_value_to_z(double p) {
  if (!(p > 0.0 && p <= 1.0)) throw InputError("p-value must lie in (0, 1]");
  if (p >= 1.0) return -std::numeric_limits<double>::max();
  return boost::math::quantile(boost::math::complement(unit_normal(), p));
}
double z_to_p_value(double z) { return boost::math::cdf(boost::math::complement(unit_normal(), z)); }

double asimov_significance(double s, double b) {
  if (!(b > 0.0) || s < 0.0) throw InputError("asimov_significance needs s >= 0 and b > 0");
  return std::sqrt(2.0 * ((s + b) * std::log1p(s / b) - s));
}

TestStatistic discovery_q0(const BinnedLikelihood& likelihood, std::size_t poi, double null_value,
                           const FitOptions& options) {
  TestStatistic t;
  t.free_fit = minimize(likelihood, options);
  t.mu_hat = t.free_fit.values.at(poi);
  t.conditional_fit = profile(likelihood, poi, null_value, options, t.free_fit.values);
  const double q = std::max(t.conditional_fit.minimum - t.free_fit.minimum, 0.0);
  t.value = t.mu_hat >= null_value ? q : 0.0;
  t.significance = std::sqrt(t.value);
  t.p_value = z_to_p_value(t.significance);
  return t;
}

TestStatistic limit_q_mu(const BinnedLikelihood& likelihood, std::size_t poi, double mu, const FitOptions& options) {
  TestStatistic t;
  t.free_fit = minimize(likelihood, options);
  t.mu_hat = t.free_fit.values.at(poi);
  t.conditional_fit = profile(likelihood, poi, mu, options, t.free_fit.values);
  const double q = std::max(t.conditional_fit.minimum - t.free_fit.minimum, 0.0);
  t.value = t.mu_hat <= mu ? q : 0.0;
  t.significance = std::sqrt(t.value);
  t.p_value = z_to_p_value(t.significance);
  return t;
}

std::vector<double> asimov_dataset(const BinnedLikelihood& likelihood, const std::vector<double>& values) {
  auto mu = likelihood.expected(values);
  for (double& m : mu) m = std::max(m, 0.0);
  return mu;
}

double median_discovery_significance(BinnedLikelihood likelihood, std::size_t poi, const std::vector<double>& truth,
                                     const FitOptions& options) {
  likelihood.set_observed(asimov_dataset(likelihood, truth));
  return discovery_q0(likelihood, poi, 0.0, options).significance;
}

double cls_asymptotic(double q_mu, double q_mu_asimov) {
  const double sq = std::sqrt(std::max(q_mu, 0.0)), sa = std::sqrt(std::max(q_mu_asimov, 0.0));
  const double p_mu = z_to_p_value(sq);
  const double clb = normal_cdf(sa - sq);
  return clb > 0.0 ? std::min(p_mu / clb, 1.0) : 1.0;
}

UpperLimit upper_limits(const BinnedLikelihood& likelihood, std::size_t poi, double cl,
                        const std::vector<double>& background_values, const FitOptions& options) {
  check_cl(cl);
  FitOptions quiet = options;
  quiet.covariance = false;
  const FitResult free_fit = minimize(likelihood, options);
  const double mu_hat = std::max(free_fit.values.at(poi), 0.0);
  BinnedLikelihood asimov = likelihood;
  asimov.set_observed(asimov_dataset(likelihood, background_values));
  const FitResult asimov_fit = minimize(asimov, quiet);

  auto q_obs = [&](double mu) {
    if (free_fit.values[poi] > mu) return 0.0;
    return std::max(profile(likelihood, poi, mu, quiet, free_fit.values).minimum - free_fit.minimum, 0.0);
  };
  auto q_asimov = [&](double mu) {
    return std::max(profile(asimov, poi, mu, quiet, asimov_fit.values).minimum - asimov_fit.minimum, 0.0);
  };
  const double alpha = 1.0 - cl;
  double step = free_fit.errors.at(poi);
  if (!(step > 0.0)) step = std::max(0.1 * std::abs(mu_hat), 1e-3);

  UpperLimit out;
  out.cls = increasing_root([&](double mu) { return alpha - cls_asymptotic(q_obs(mu), q_asimov(mu)); }, mu_hat, step);
  const double level = delta_chi2_level(2.0 * cl - 1.0, 1);  // one-sided: (Phi^-1(cl))^2
  out.delta_chi2 = increasing_root([&](double mu) { return q_obs(mu) - level; }, mu_hat, step);
  // Median expected CLs limit: observed = Asimov, CLb = 1/2, so q_mu,A = (Phi^-1(1 - alpha/2))^2.
  const double z = normal_quantile(1.0 - 0.5 * alpha);
  out.median_expected =
      increasing_root([&](double mu) { return q_asimov(mu) - z * z; }, std::max(asimov_fit.values[poi], 0.0), step);
  return out;
}

}  // namespace cevns::stats
