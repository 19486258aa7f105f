#include "cevns/analysis/analysis_fit.hpp"

#include <nlopt.hpp>

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/stats/asymptotics.hpp"
#include "cevns/stats/scan.hpp"

namespace cevns::analysis {

stats::FitOptions fit_options(const AnalysisConfig& config) {
  stats::FitOptions o;
  o.starts = config.fit.starts;
  o.seed = config.fit.seed;
  o.tolerance = config.fit.tolerance;
  o.max_evaluations = config.fit.max_evaluations;
  return o;
}

TestSidedness sidedness_of(const ParameterInput& parameter) {
  if (parameter.test) return *parameter.test;
  return parameter.name == "signal_scale" ? TestSidedness::one_sided : TestSidedness::two_sided;
}

HypothesisTest test_hypothesis(const LikelihoodModel& model, const stats::FitResult& best, std::size_t index,
                               double null_value, TestSidedness sidedness) {
  const auto options = fit_options(model.config());
  const auto conditional = stats::profile(model.likelihood(), index, null_value, options, best.values);
  HypothesisTest t;
  t.parameter = model.parameter_names().at(index);
  t.null_value = null_value;
  t.sidedness = sidedness;
  t.best = best.values.at(index);
  t.conditional_minus_two_lnl = conditional.minimum;
  t.q = std::max(conditional.minimum - best.minimum, 0.0);
  if (sidedness == TestSidedness::one_sided && t.best < null_value) t.q = 0.0;
  t.significance_sigma = std::sqrt(t.q);
  t.p_value = sidedness == TestSidedness::one_sided ? stats::z_to_p_value(t.significance_sigma)
                                                    : stats::chi2_p_value(t.q, 1);
  return t;
}

namespace {

struct GradientProblem {
  const LikelihoodModel* model;
  const stats::BinnedLikelihood* likelihood;
  std::vector<std::size_t> free;
  std::vector<double> full, gradient;
  std::vector<bool> held;
  int evaluations = 0;
};

double gradient_objective(unsigned n, const double* x, double* grad, void* data) {
  auto* p = static_cast<GradientProblem*>(data);
  for (unsigned k = 0; k < n; ++k) p->full[p->free[k]] = x[k];
  ++p->evaluations;
  const double value =
      p->model->minus_two_lnl(*p->likelihood, p->full, grad ? std::span<double>(p->gradient) : std::span<double>(), p->held);
  if (grad)
    for (unsigned k = 0; k < n; ++k) grad[k] = p->gradient[p->free[k]];
  return std::isfinite(value) ? value : stats::impossible_deviance;
}

}  // namespace

stats::FitResult profile_fit(const LikelihoodModel& model, const stats::BinnedLikelihood& likelihood,
                             const std::vector<double>& start, const std::vector<std::optional<double>>& fixed,
                             const stats::FitOptions& options) {
  const std::size_t n = likelihood.size();
  if (start.size() != n || (!fixed.empty() && fixed.size() != n))
    throw InputError("profile_fit: start and fixed must have one entry per parameter");
  GradientProblem p{&model, &likelihood, {}, start, std::vector<double>(n, 0.0), std::vector<bool>(n, false)};
  std::vector<double> x, lo, hi;
  for (std::size_t k = 0; k < n; ++k) {
    const auto& par = likelihood.parameters()[k];
    if (!fixed.empty() && fixed[k]) {
      p.full[k] = *fixed[k];
      p.held[k] = true;
      continue;
    }
    p.free.push_back(k);
    lo.push_back(par.lower);
    hi.push_back(par.upper);
    x.push_back(std::clamp(start[k], par.lower, par.upper));
  }
  stats::FitResult out;
  out.errors.assign(n, 0.0);
  out.covariance = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  if (p.free.empty()) {
    out.values = p.full;
    out.minimum = model.minus_two_lnl(likelihood, p.full);
    out.evaluations = 1;
    return out;
  }
  nlopt::opt opt(nlopt::LD_LBFGS, static_cast<unsigned>(p.free.size()));
  opt.set_lower_bounds(lo);
  opt.set_upper_bounds(hi);
  opt.set_min_objective(gradient_objective, &p);
  opt.set_ftol_rel(options.tolerance);
  opt.set_ftol_abs(1e-12);
  opt.set_xtol_rel(options.tolerance);
  opt.set_maxeval(options.max_evaluations);
  double value = 0.0;
  bool ok = true;
  try {
    const auto result = opt.optimize(x, value);
    ok = result > 0;
  } catch (const nlopt::roundoff_limited&) {
    value = gradient_objective(static_cast<unsigned>(x.size()), x.data(), nullptr, &p);
  } catch (const std::exception&) {
    ok = false;
  }
  if (!ok || !std::isfinite(value) || value >= stats::impossible_deviance) {
    // L-BFGS gave up (e.g. at the edge of the physical region): derivative-free BOBYQA.
    stats::Problem problem;
    problem.objective = [&](std::span<const double> v) { return likelihood(v); };
    problem.initial = start;
    for (const auto& par : likelihood.parameters()) {
      problem.lower.push_back(par.lower);
      problem.upper.push_back(par.upper);
    }
    stats::FitOptions o = options;
    o.covariance = false;
    auto r = stats::minimize(problem, o, fixed);
    r.evaluations += p.evaluations;
    return r;
  }
  for (std::size_t a = 0; a < p.free.size(); ++a) p.full[p.free[a]] = x[a];
  out.values = p.full;
  out.minimum = value;
  out.evaluations = p.evaluations;
  return out;
}

FitSummary run_fit(const LikelihoodModel& model) {
  const auto& likelihood = model.likelihood();
  const auto options = fit_options(model.config());
  const auto best = stats::minimize(likelihood, options);
  FitSummary s;
  s.minus_two_lnl = best.minimum;
  s.bins = model.bins();
  s.evaluations = best.evaluations;
  s.covariance_ok = best.covariance_ok;
  const auto& interest = model.interest_indices();
  const std::size_t n = likelihood.size();
  for (std::size_t k = 0; k < n; ++k) {
    const auto& p = likelihood.parameters()[k];
    ParameterEstimate e;
    e.name = p.name;
    e.interest = std::find(interest.begin(), interest.end(), k) != interest.end();
    e.value = best.values[k];
    e.error = best.errors[k];
    e.lower = p.lower;
    e.upper = p.upper;
    const double tolerance = 1e-6 * (p.upper - p.lower);
    e.at_bound = e.value - p.lower < tolerance || p.upper - e.value < tolerance;
    s.parameters.push_back(e);
  }
  s.correlation.assign(n, std::vector<double>(n, 0.0));
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = 0; b < n; ++b) {
      const auto ia = static_cast<Eigen::Index>(a), ib = static_cast<Eigen::Index>(b);
      const double d = std::sqrt(best.covariance(ia, ia) * best.covariance(ib, ib));
      s.correlation[a][b] = a == b ? 1.0 : (d > 0.0 ? best.covariance(ia, ib) / d : 0.0);
    }
  for (const std::size_t k : interest) {
    const auto& input = model.parameter_input(k);
    if (input.null_value) s.tests.push_back(test_hypothesis(model, best, k, *input.null_value, sidedness_of(input)));
  }
  for (const auto& scan : model.config().scans) {
    const auto& names = model.parameter_names();
    const auto it = std::find(names.begin(), names.end(), scan.parameter);
    if (it == names.end()) throw InputError("profile scan: '" + scan.parameter + "' is not a free parameter");
    const auto index = static_cast<std::size_t>(it - names.begin());
    const auto curve = stats::profile_scan(likelihood, index, stats::linear_grid(scan.min, scan.max, scan.points), options);
    ProfileScanResult r;
    r.parameter = scan.parameter;
    r.values = curve.values;
    r.delta_chi2 = curve.delta;
    r.best = curve.best;
    r.level = stats::delta_chi2_level(stats::sigma_to_cl(1.0), 1);
    const auto interval = stats::interval_at(curve, r.level);
    r.lower = interval.lower;
    r.upper = interval.upper;
    r.lower_open = interval.lower_open;
    r.upper_open = interval.upper_open;
    s.scans.push_back(std::move(r));
  }
  for (std::size_t k = 0; k < model.experiments().size(); ++k) {
    const auto& block = model.experiments()[k];
    const auto counts = model.counts(best.values, k);
    s.experiments.push_back({block.id, block.bins(), counts.observed, counts.signal, counts.background,
                             block.backgrounds, counts.background_components});
  }
  return s;
}

FitSummary run_fit(const AnalysisConfig& config) { return run_fit(LikelihoodModel(config)); }

}  // namespace cevns::analysis
