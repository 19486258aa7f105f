#include "cevns/stats/fit.hpp"

#include <nlopt.hpp>

#include <algorithm>
#include <cmath>
#include <random>

#include "cevns/core/error.hpp"

namespace cevns::stats {
namespace {

struct Reduced {
  const Problem* problem;
  std::vector<std::size_t> free;
  std::vector<double> full;
  int evaluations = 0;
};

double reduced_objective(unsigned n, const double* x, double* /*grad*/, void* data) {
  auto* r = static_cast<Reduced*>(data);
  for (unsigned k = 0; k < n; ++k) r->full[r->free[k]] = x[k];
  ++r->evaluations;
  const double v = r->problem->objective(r->full);
  return std::isfinite(v) ? v : impossible_deviance;
}

double default_step(const Problem& p, std::size_t k, double x) {
  double s = p.step.size() > k && p.step[k] > 0.0 ? p.step[k] : std::max(0.1 * std::abs(x), 0.1);
  const double range = p.upper[k] - p.lower[k];
  if (std::isfinite(range)) s = std::min(s, 0.25 * range);
  // A step below 1e-9 of the parameter's scale (a denormal prior width, say) is no step: NLopt's
  // trust regions degenerate on it.
  return std::max(s, 1e-9 * std::max(std::abs(x), 1.0));
}

std::vector<double> clamp_into(const Problem& p, std::vector<double> x) {
  for (std::size_t k = 0; k < x.size(); ++k) x[k] = std::clamp(x[k], p.lower[k], p.upper[k]);
  return x;
}

}  // namespace

Eigen::MatrixXd finite_difference_hessian(const Problem& problem, std::span<const double> x,
                                          const std::vector<std::size_t>& free, std::vector<double> steps) {
  const std::size_t n = free.size();
  std::vector<double> c(x.begin(), x.end());
  // Centre the stencil inside the bounds: a minimum on a boundary is differentiated just inside it.
  for (std::size_t a = 0; a < n; ++a) {
    const std::size_t k = free[a];
    const double h = steps[a];
    c[k] = std::clamp(c[k], problem.lower[k] + h, problem.upper[k] - h);
  }
  auto f = [&](std::vector<double> v) { return problem.objective(v); };
  const double f0 = f(c);
  Eigen::MatrixXd H(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  for (std::size_t a = 0; a < n; ++a) {
    const std::size_t k = free[a];
    auto p = c, m = c;
    p[k] += steps[a];
    m[k] -= steps[a];
    const auto ia = static_cast<Eigen::Index>(a);
    H(ia, ia) = (f(p) - 2.0 * f0 + f(m)) / (steps[a] * steps[a]);
    for (std::size_t b = 0; b < a; ++b) {
      const std::size_t l = free[b];
      auto pp = c, pm = c, mp = c, mm = c;
      pp[k] += steps[a], pp[l] += steps[b];
      pm[k] += steps[a], pm[l] -= steps[b];
      mp[k] -= steps[a], mp[l] += steps[b];
      mm[k] -= steps[a], mm[l] -= steps[b];
      const auto ib = static_cast<Eigen::Index>(b);
      H(ia, ib) = H(ib, ia) = (f(pp) - f(pm) - f(mp) + f(mm)) / (4.0 * steps[a] * steps[b]);
    }
  }
  return H;
}

FitResult minimize(const Problem& problem, const FitOptions& options,
                   const std::vector<std::optional<double>>& fixed) {
  const std::size_t n = problem.initial.size();
  if (problem.lower.size() != n || problem.upper.size() != n)
    throw InputError("fit: bounds and initial values differ in length");
  if (!fixed.empty() && fixed.size() != n) throw InputError("fit: the fixed-parameter list has the wrong length");
  if (options.starts < 1) throw InputError("fit: starts must be >= 1");

  Reduced r{&problem, {}, clamp_into(problem, problem.initial)};
  for (std::size_t k = 0; k < n; ++k) {
    if (!fixed.empty() && fixed[k]) {
      r.full[k] = *fixed[k];
    } else {
      r.free.push_back(k);
    }
  }
  FitResult out;
  out.covariance = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  out.errors.assign(n, 0.0);
  const std::size_t m = r.free.size();
  if (m == 0) {
    out.values = r.full;
    out.minimum = problem.objective(r.full);
    out.evaluations = 1;
    out.covariance_ok = true;
    return out;
  }

  std::vector<double> lo(m), hi(m), step(m), x(m);
  for (std::size_t a = 0; a < m; ++a) {
    const std::size_t k = r.free[a];
    lo[a] = problem.lower[k];
    hi[a] = problem.upper[k];
    x[a] = r.full[k];
    step[a] = default_step(problem, k, x[a]);
  }
  const auto algorithm = options.algorithm == Algorithm::bobyqa ? nlopt::LN_BOBYQA : nlopt::LN_SBPLX;
  // BOBYQA needs at least 2 variables in NLopt; one-dimensional problems use SBPLX.
  nlopt::opt opt(m == 1 ? nlopt::LN_SBPLX : algorithm, static_cast<unsigned>(m));
  opt.set_lower_bounds(lo);
  opt.set_upper_bounds(hi);
  opt.set_min_objective(reduced_objective, &r);
  opt.set_ftol_rel(options.tolerance);
  opt.set_ftol_abs(1e-12);
  opt.set_xtol_rel(options.tolerance);
  opt.set_maxeval(options.max_evaluations);

  std::mt19937_64 rng(options.seed);
  double best = std::numeric_limits<double>::infinity();
  std::vector<double> best_x = x;
  for (int s = 0; s < options.starts; ++s) {
    std::vector<double> start = x;
    if (s > 0) {
      for (std::size_t a = 0; a < m; ++a) {
        if (std::isfinite(lo[a]) && std::isfinite(hi[a])) {
          start[a] = std::uniform_real_distribution<double>(lo[a], hi[a])(rng);
        } else {
          start[a] = std::clamp(x[a] + std::normal_distribution<double>(0.0, 3.0 * step[a])(rng), lo[a], hi[a]);
        }
      }
    }
    // Two passes: the restart from the first optimum repairs a collapsed trust region.
    for (int pass = 0; pass < 2; ++pass) {
      std::vector<double> st(m);
      for (std::size_t a = 0; a < m; ++a) st[a] = std::min(step[a], std::max(hi[a] - start[a], start[a] - lo[a]));
      opt.set_initial_step(st);
      double value = 0.0;
      try {
        opt.optimize(start, value);
      } catch (const nlopt::roundoff_limited&) {
        value = reduced_objective(static_cast<unsigned>(m), start.data(), nullptr, &r);
      } catch (const std::exception& e) {
        throw NumericalError(std::string("fit: NLopt failed: ") + e.what());
      }
      if (value < best) {
        best = value;
        best_x = start;
      }
    }
  }
  if (!std::isfinite(best) || best >= impossible_deviance)
    throw NumericalError("fit: no parameter values give a finite likelihood");
  for (std::size_t a = 0; a < m; ++a) r.full[r.free[a]] = best_x[a];
  out.values = r.full;
  out.minimum = best;
  out.evaluations = r.evaluations;

  if (options.covariance) {
    // Step: first a guess, then a tenth of the error that guess implies (twice).
    std::vector<double> h(m);
    for (std::size_t a = 0; a < m; ++a) h[a] = std::max(1e-4 * std::abs(best_x[a]), 1e-4 * step[a]);
    Eigen::MatrixXd H;
    for (int it = 0; it < 3; ++it) {
      H = finite_difference_hessian(problem, out.values, r.free, h);
      if (it == 2) break;
      for (std::size_t a = 0; a < m; ++a) {
        const double hd = H(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(a));
        if (hd > 0.0 && std::isfinite(hd)) {
          double hn = 0.1 * std::sqrt(2.0 / hd);
          const double range = problem.upper[r.free[a]] - problem.lower[r.free[a]];
          if (std::isfinite(range)) hn = std::min(hn, 0.05 * range);
          h[a] = hn;
        }
      }
    }
    Eigen::LDLT<Eigen::MatrixXd> ldlt(H);
    const bool pd = ldlt.info() == Eigen::Success && ldlt.isPositive() && (ldlt.vectorD().array() > 0.0).all() &&
                    H.allFinite();
    if (pd) {
      const Eigen::MatrixXd V = 2.0 * ldlt.solve(Eigen::MatrixXd::Identity(H.rows(), H.cols()));
      for (std::size_t a = 0; a < m; ++a)
        for (std::size_t b = 0; b < m; ++b)
          out.covariance(static_cast<Eigen::Index>(r.free[a]), static_cast<Eigen::Index>(r.free[b])) =
              V(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
      for (std::size_t a = 0; a < m; ++a) {
        const auto k = static_cast<Eigen::Index>(r.free[a]);
        out.errors[r.free[a]] = std::sqrt(std::max(out.covariance(k, k), 0.0));
      }
      out.covariance_ok = true;
    }
  }
  return out;
}

namespace {
Problem as_problem(const BinnedLikelihood& likelihood) {
  Problem p;
  p.objective = [&likelihood](std::span<const double> v) { return likelihood(v); };
  for (const auto& par : likelihood.parameters()) {
    p.initial.push_back(par.initial);
    p.lower.push_back(par.lower);
    p.upper.push_back(par.upper);
    p.step.push_back(par.constraint != Constraint::none
                         ? (par.constraint == Constraint::log_normal ? par.width * par.center : par.width)
                         : 0.0);
  }
  return p;
}
}  // namespace

FitResult minimize(const BinnedLikelihood& likelihood, const FitOptions& options,
                   const std::vector<std::optional<double>>& fixed) {
  return minimize(as_problem(likelihood), options, fixed);
}

FitResult profile(const BinnedLikelihood& likelihood, std::size_t index, double value, const FitOptions& options,
                  std::vector<double> start) {
  if (index >= likelihood.size()) throw InputError("profile: parameter index out of range");
  Problem p = as_problem(likelihood);
  if (!start.empty()) {
    if (start.size() != p.initial.size()) throw InputError("profile: start has the wrong length");
    p.initial = std::move(start);
  }
  std::vector<std::optional<double>> fixed(likelihood.size());
  fixed[index] = value;
  FitOptions o = options;
  o.covariance = false;
  return minimize(p, o, fixed);
}

}  // namespace cevns::stats
