#include "cevns/analysis/toy_study.hpp"

#include <cmath>

#include "cevns/analysis/analysis_fit.hpp"
#include "cevns/core/error.hpp"
#include "cevns/stats/asymptotics.hpp"
#include "cevns/stats/fit.hpp"
#include "cevns/stats/toys.hpp"

namespace cevns::analysis {

std::vector<std::string> toy_value_names(const LikelihoodModel& model) {
  std::vector<std::string> names{"minus_two_lnl"};
  for (const std::size_t k : model.interest_indices()) {
    const auto& p = model.parameter_names()[k];
    for (const char* suffix : {"", "_error", "_pull", "_q_truth"}) names.push_back(p + suffix);
    if (model.parameter_input(k).null_value) names.push_back(p + "_q_null");
  }
  return names;
}

scan::ScanJob make_toy_job(std::shared_ptr<const LikelihoodModel> model, std::size_t count, std::uint64_t seed) {
  if (count == 0) throw InputError("toys: count must be >= 1");
  if (model->interest_indices().empty()) throw InputError("toys: the analysis has no free parameter of interest");
  scan::ParameterAxis axis{"toy", 0.0, static_cast<double>(count - 1), count, false};
  auto evaluate = [model, seed](const std::vector<double>& point) {
    const auto index = static_cast<std::uint64_t>(std::llround(point.at(0)));
    const auto& truth = model->truth();
    const auto toy = stats::generate_toy(model->likelihood(), truth, seed, index);
    const auto likelihood = stats::with_toy(model->likelihood(), toy);
    const auto options = fit_options(model->config());
    const auto best = stats::minimize(likelihood, options);
    if (!best.covariance_ok) throw NumericalError("toy " + std::to_string(index) + ": Hessian not positive definite");
    std::vector<double> values{best.minimum};
    for (const std::size_t k : model->interest_indices()) {
      const double error = best.errors[k];
      if (!(error > 0.0)) throw NumericalError("toy " + std::to_string(index) + ": zero error");
      const auto at_truth = stats::profile(likelihood, k, truth[k], options, best.values);
      values.push_back(best.values[k]);
      values.push_back(error);
      values.push_back((best.values[k] - truth[k]) / error);
      values.push_back(std::max(at_truth.minimum - best.minimum, 0.0));
      const auto& input = model->parameter_input(k);
      if (input.null_value) {
        const auto conditional = stats::profile(likelihood, k, *input.null_value, options, best.values);
        double q = std::max(conditional.minimum - best.minimum, 0.0);
        if (sidedness_of(input) == TestSidedness::one_sided && best.values[k] < *input.null_value) q = 0.0;
        values.push_back(q);
      }
    }
    return values;
  };
  return {scan::ParameterSpace({axis}, scan::Sampling::grid), toy_value_names(*model), evaluate};
}

ToySummary summarise_toys(const LikelihoodModel& model, std::uint64_t seed, const scan::ScanResults& results) {
  ToySummary s;
  s.toys = results.size();
  s.seed = seed;
  s.nominal_coverage = stats::sigma_to_cl(1.0);
  const auto names = toy_value_names(model);
  auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  };
  s.invalid = results.invalid();
  for (const std::size_t k : model.interest_indices()) {
    ToyParameterSummary p;
    p.name = model.parameter_names()[k];
    p.truth = model.truth()[k];
    const std::size_t cv = column(p.name), ce = column(p.name + "_error"), cp = column(p.name + "_pull"),
                      cq = column(p.name + "_q_truth");
    double sum = 0.0, sum2 = 0.0, pull = 0.0, pull2 = 0.0, error = 0.0;
    std::size_t covered = 0, hessian = 0;
    for (std::size_t i = 0; i < results.points(); ++i) {
      if (!results.valid(i)) continue;
      const auto r = results.values(i);
      ++p.toys;
      const double v = r[cv], z = r[cp];
      sum += v;
      sum2 += v * v;
      pull += z;
      pull2 += z * z;
      error += r[ce];
      covered += r[cq] < 1.0 ? 1 : 0;
      hessian += std::abs(z) < 1.0 ? 1 : 0;
    }
    const double n = static_cast<double>(p.toys);
    if (p.toys > 1) {
      p.mean = sum / n;
      p.standard_deviation = std::sqrt(std::max(sum2 / n - p.mean * p.mean, 0.0) * n / (n - 1.0));
      p.mean_error = error / n;
      p.pull_mean = pull / n;
      p.pull_width = std::sqrt(std::max(pull2 / n - p.pull_mean * p.pull_mean, 0.0) * n / (n - 1.0));
      p.pull_mean_error = p.pull_width / std::sqrt(n);
      p.pull_width_error = p.pull_width / std::sqrt(2.0 * (n - 1.0));
      p.coverage = static_cast<double>(covered) / n;
      p.coverage_error = std::sqrt(s.nominal_coverage * (1.0 - s.nominal_coverage) / n);
      p.hessian_coverage = static_cast<double>(hessian) / n;
    }
    s.parameters.push_back(p);
  }
  return s;
}

ToySummary run_toys(const AnalysisConfig& config, unsigned threads) {
  const auto model = std::make_shared<const LikelihoodModel>(config);
  const auto job = make_toy_job(model, config.toys.count, config.toys.seed);
  scan::RunOptions options;
  options.threads = threads;
  return summarise_toys(*model, config.toys.seed, scan::run_scan(job, options));
}

}  // namespace cevns::analysis
