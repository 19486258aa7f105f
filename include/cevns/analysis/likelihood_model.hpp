#pragma once
// The binned likelihood of an analysis (analysis_config.hpp), evaluated in microseconds.
//
// Expected counts in bin i of experiment e (docs/physics/statistics.md, "Likelihood analyses"):
//   mu_i = a f_e S_i(x; alpha_e) + sum_b s_b B_{b,i}
// a = signal_scale, f_e the experiment's flux nuisance, s_b the background normalisations, B_b the
// background templates. x = (sin2w, eps_uV, eps_dV) enter the weak charge linearly, so S_i is
// EXACTLY a quadratic polynomial in them: with t_k = (x_k - x0_k)/h_k,
//   S_i = c_i0 + sum_k c_ik t_k + sum_k c_ikk t_k^2 + sum_{k<l} c_ikl t_k t_l,
// whose 1 + 2n + n(n-1)/2 coefficients per bin (n = how many of the three are parameters) come
// from as many full predictions (at t = 0, +-e_k, e_k + e_l), built once at construction.
// Quenching: alpha = (q - 1)/delta for the quenching scale q (E_ee -> q E_ee), with the
// coefficient templates built at q = 1 and q = 1 +- delta and interpolated vertically per bin:
//   quadratic (default): S = S0 + alpha (S+ - S-)/2 + alpha^2 (S+ + S- - 2 S0)/2 for |alpha| <= 1,
//                        continued linearly with the slope at +-1 beyond;
//   linear:              S = S0 + alpha (S+ - S0) (alpha >= 0), S0 + alpha (S0 - S-) (alpha < 0).
// Both reproduce the three templates exactly at alpha = 0, +-1.
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "cevns/analysis/analysis_config.hpp"
#include "cevns/rates/experiment.hpp"
#include "cevns/stats/binned_likelihood.hpp"

namespace cevns::analysis {

struct ExperimentBlock {
  std::string id;
  std::size_t offset = 0;  // first bin in the concatenated bin vector
  std::size_t energy_bins = 0, time_bins = 1;
  std::vector<std::string> backgrounds;  // component names, template order
  [[nodiscard]] std::size_t bins() const { return energy_bins * time_bins; }
};

// Counts of one experiment summed over its bins.
struct ExperimentCounts {
  double signal = 0.0;
  double background = 0.0;
  std::vector<double> background_components;
  double observed = 0.0;
};

class LikelihoodModel {
 public:
  // Loads the experiments, builds the coefficient and morphing templates and the observed data.
  // InputError for inconsistent configurations (unknown parameter names, a quenching nuisance on a
  // keVnr detector, data of the wrong length, ...), ConfigError for malformed data tables.
  explicit LikelihoodModel(AnalysisConfig config);

  [[nodiscard]] const AnalysisConfig& config() const { return config_; }
  // The likelihood over the free parameters (config order, fixed ones left out), with the data.
  [[nodiscard]] const stats::BinnedLikelihood& likelihood() const { return *likelihood_; }
  [[nodiscard]] std::size_t bins() const;
  [[nodiscard]] const std::vector<std::string>& parameter_names() const;  // free, likelihood order
  [[nodiscard]] const std::vector<std::size_t>& interest_indices() const;  // free parameters of interest
  // Free-parameter values of the truth point (Asimov data, toys).
  [[nodiscard]] const std::vector<double>& truth() const;
  // The ParameterInput of free parameter k.
  [[nodiscard]] const ParameterInput& parameter_input(std::size_t k) const;

  // The hot path: expected counts of every bin (experiments concatenated) at free-parameter
  // values; no allocation, safe from several threads.
  void expected(std::span<const double> values, std::span<double> out) const;
  [[nodiscard]] std::vector<double> expected(std::span<const double> values) const;

  // -2 ln L of `likelihood` (this model's, or a toy of it: same parameters, other data or
  // constraint centers) at `values`, equal to likelihood(values), and its analytic gradient in the
  // free parameters into `gradient` (empty: value only). Components k with held[k] (parameters a
  // profile fit holds fixed) may be left 0: the costly derivatives in sin2w / eps are skipped.
  [[nodiscard]] double minus_two_lnl(const stats::BinnedLikelihood& likelihood, std::span<const double> values,
                                     std::span<double> gradient = {}, const std::vector<bool>& held = {}) const;

  [[nodiscard]] const std::vector<ExperimentBlock>& experiments() const;
  [[nodiscard]] ExperimentCounts counts(std::span<const double> values, std::size_t experiment) const;
  [[nodiscard]] const Experiment& experiment(std::size_t k) const;

  // The reference the templates stand in for: a full Prediction of experiment k rebuilt at
  // `values` (physics settings, quenching scale and normalisations applied directly, no
  // templates, no morphing). Slow (milliseconds); for validation.
  [[nodiscard]] std::vector<double> full_prediction(std::span<const double> values, std::size_t experiment) const;

  struct Core;  // templates and index maps, shared read-only by copies and by the likelihood

 private:
  AnalysisConfig config_;
  std::shared_ptr<const Core> core_;
  std::shared_ptr<const stats::BinnedLikelihood> likelihood_;
};

}  // namespace cevns::analysis
