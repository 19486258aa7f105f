#pragma once
// Minimisation of -2 ln L with NLopt's derivative-free, bound-constrained local algorithms
// (LN_BOBYQA by default, M.J.D. Powell 2009; LN_SBPLX as an alternative), optional extra starts
// from reproducible random points, and the covariance from a finite-difference Hessian:
//   V = 2 H^-1,  H_kl = d^2(-2 ln L)/dtheta_k dtheta_l at the minimum (Eigen, LDLT).
// Parameters can be fixed (profiling). Errors are NumericalError, never NaN.
#include <Eigen/Dense>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "cevns/stats/binned_likelihood.hpp"

namespace cevns::stats {

enum class Algorithm { bobyqa, sbplx };

struct FitOptions {
  Algorithm algorithm = Algorithm::bobyqa;
  int starts = 1;                 // >1: extra starts drawn uniformly inside finite bounds
  std::uint64_t seed = 20240519;  // for the extra starts
  double tolerance = 1e-10;       // relative on -2 ln L and on the parameters
  int max_evaluations = 20000;
  bool covariance = true;
};

struct FitResult {
  std::vector<double> values;
  double minimum = 0.0;                 // -2 ln L at the minimum
  std::vector<double> errors;           // sqrt(diag V); 0 for fixed parameters
  Eigen::MatrixXd covariance;           // full size, zero rows/columns for fixed parameters
  bool covariance_ok = false;           // Hessian positive definite
  int evaluations = 0;
};

// A general objective with per-parameter bounds (e.g. the unfolding or an on/off likelihood).
struct Problem {
  std::function<double(std::span<const double>)> objective;
  std::vector<double> initial, lower, upper;
  std::vector<double> step;  // optional initial step sizes (empty: derived from bounds/values)
};

// fixed[k] set: parameter k held at that value.
FitResult minimize(const Problem& problem, const FitOptions& options = {},
                   const std::vector<std::optional<double>>& fixed = {});
FitResult minimize(const BinnedLikelihood& likelihood, const FitOptions& options = {},
                   const std::vector<std::optional<double>>& fixed = {});
// The minimum of -2 ln L with parameter `index` fixed at `value` (a profile point).
FitResult profile(const BinnedLikelihood& likelihood, std::size_t index, double value,
                  const FitOptions& options = {}, std::vector<double> start = {});

// Hessian of f at x by central differences (steps shifted inside the bounds), free indices only.
Eigen::MatrixXd finite_difference_hessian(const Problem& problem, std::span<const double> x,
                                          const std::vector<std::size_t>& free, std::vector<double> steps);

}  // namespace cevns::stats
