#pragma once
// `cevns fit`: the maximum-likelihood fit of an analysis (likelihood_model.hpp) — best values,
// Hessian errors and correlations, -2 ln L — with profile-likelihood tests of the parameters of
// interest that name a null value, and 1-D profile scans with their 68.27 % intervals
// (docs/physics/statistics.md, "Likelihood analyses").
//   test statistic  q = -2 ln [L(null, nuisances profiled) / L(best)]  (>= 0);
//                   one-sided (CCGV q0, the default for signal_scale): q = 0 when best < null;
//   p-value         one-sided 1 - Phi(sqrt q), two-sided chi2_1 survival of q; significance sqrt(q).
#include <optional>
#include <string>
#include <vector>

#include "cevns/analysis/analysis_config.hpp"
#include "cevns/analysis/likelihood_model.hpp"
#include "cevns/stats/fit.hpp"

namespace cevns::analysis {

struct ParameterEstimate {
  std::string name;
  bool interest = false;
  double value = 0.0;
  double error = 0.0;  // sqrt of the covariance diagonal (0 if the Hessian is not positive definite)
  double lower = 0.0, upper = 0.0;
  bool at_bound = false;  // within 1e-6 of the range of a bound
};

struct HypothesisTest {
  std::string parameter;
  double null_value = 0.0;
  TestSidedness sidedness = TestSidedness::two_sided;
  double best = 0.0;                       // unconditional fit of the parameter
  double q = 0.0;                          // test statistic
  double p_value = 1.0;
  double significance_sigma = 0.0;         // sqrt(q)
  double conditional_minus_two_lnl = 0.0;  // -2 ln L with the parameter at the null value
};

struct ProfileScanResult {
  std::string parameter;
  std::vector<double> values;
  std::vector<double> delta_chi2;  // -2 ln L (profiled) minus its minimum
  double best = 0.0;
  double level = 1.0;  // Delta chi^2 of the 68.27 % interval (1 dof)
  double lower = 0.0, upper = 0.0;
  bool lower_open = false, upper_open = false;  // still below the level at the scan edge
};

struct ExperimentFit {
  std::string id;
  std::size_t bins = 0;
  double observed = 0.0;
  double signal = 0.0;      // at the best fit
  double background = 0.0;  // at the best fit
  std::vector<std::string> background_names;
  std::vector<double> background_components;
};

struct FitSummary {
  std::vector<ParameterEstimate> parameters;  // free parameters, likelihood order
  std::vector<std::vector<double>> correlation;
  bool covariance_ok = false;
  double minus_two_lnl = 0.0;  // Baker-Cousins deviance + constraint terms at the best fit
  std::size_t bins = 0;
  int evaluations = 0;
  std::vector<HypothesisTest> tests;
  std::vector<ProfileScanResult> scans;
  std::vector<ExperimentFit> experiments;
};

// The fit options an analysis asks for (fit: section).
stats::FitOptions fit_options(const AnalysisConfig& config);

FitSummary run_fit(const LikelihoodModel& model);
FitSummary run_fit(const AnalysisConfig& config);

// The test of free parameter `index` at `null_value` given the unconditional best fit.
HypothesisTest test_hypothesis(const LikelihoodModel& model, const stats::FitResult& best, std::size_t index,
                               double null_value, TestSidedness sidedness);

// Minimum of -2 ln L of `likelihood` (the model's, or a toy of it) with the `fixed` parameters held,
// by NLopt's LD_LBFGS with the model's analytic gradient (LikelihoodModel::minus_two_lnl), started
// from `start`; no covariance. Falls back to BOBYQA (stats::minimize) if L-BFGS fails. The fast
// path of profile scans.
stats::FitResult profile_fit(const LikelihoodModel& model, const stats::BinnedLikelihood& likelihood,
                             const std::vector<double>& start, const std::vector<std::optional<double>>& fixed,
                             const stats::FitOptions& options);

// The sidedness a parameter's test uses (its `test`, else one-sided for signal_scale).
TestSidedness sidedness_of(const ParameterInput& parameter);

}  // namespace cevns::analysis
