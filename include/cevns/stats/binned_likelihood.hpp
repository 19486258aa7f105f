#pragma once
// A binned Poisson likelihood: a model maps a parameter vector (parameters of interest and
// nuisances) to expected counts per bin; nuisances may carry Gaussian or log-normal constraint
// terms (auxiliary measurements). The statistic is the Poisson deviance of Baker & Cousins,
// NIM 221, 437 (1984):
//   -2 ln L = 2 sum_i [mu_i - n_i + n_i ln(n_i / mu_i)] + sum_k c_k(theta_k),
// zero for a perfect fit without constraints, so it doubles as a goodness-of-fit chi^2.
//   Gaussian:   c = ((theta - center) / width)^2
//   log-normal: c = (ln(theta / center) / width)^2   (width = sigma of ln theta; theta > 0)
// Non-physical expectations (mu < 0, or mu = 0 with n > 0) give a huge finite value, never NaN.
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace cevns::stats {

enum class Constraint { none, gaussian, log_normal };

struct Parameter {
  std::string name;
  double initial = 0.0;
  double lower = -std::numeric_limits<double>::infinity();
  double upper = std::numeric_limits<double>::infinity();
  Constraint constraint = Constraint::none;
  double center = 0.0;  // the auxiliary measurement (global observable)
  double width = 0.0;
};

// Expected counts per bin for a parameter vector (same order as the Parameter list).
using BinnedModel = std::function<std::vector<double>(std::span<const double>)>;

// The deviance term alone, 2 sum [mu - n + n ln(n/mu)].
double poisson_deviance(std::span<const double> expected, std::span<const double> observed);
// The value returned for impossible expectations (finite, so that minimisers step back).
inline constexpr double impossible_deviance = 1e30;

class BinnedLikelihood {
 public:
  // InputError for empty names, duplicate names, bad bounds or constraint widths, negative data.
  BinnedLikelihood(BinnedModel model, std::vector<Parameter> parameters, std::vector<double> observed);

  [[nodiscard]] double operator()(std::span<const double> values) const;  // -2 ln L
  [[nodiscard]] std::vector<double> expected(std::span<const double> values) const;
  [[nodiscard]] double constraint_term(std::span<const double> values) const;

  [[nodiscard]] const std::vector<Parameter>& parameters() const { return parameters_; }
  [[nodiscard]] std::size_t size() const { return parameters_.size(); }
  [[nodiscard]] std::size_t bins() const { return observed_.size(); }
  // Index of a parameter by name; InputError (with the known names) if absent.
  [[nodiscard]] std::size_t index(const std::string& name) const;
  [[nodiscard]] std::vector<double> initial_values() const;
  [[nodiscard]] const std::vector<double>& observed() const { return observed_; }

  // For toys and Asimov data: replace the data, or a constraint's auxiliary measurement.
  void set_observed(std::vector<double> observed);
  void set_constraint_center(std::size_t index, double center);

 private:
  BinnedModel model_;
  std::vector<Parameter> parameters_;
  std::vector<double> observed_;
};

}  // namespace cevns::stats
