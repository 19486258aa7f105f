#include "cevns/scan/profile_likelihood_job.hpp"

#include <algorithm>
#include <optional>

#include "cevns/analysis/analysis_fit.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/io/analysis_config_reader.hpp"
#include "cevns/stats/fit.hpp"

namespace cevns::scan {

ScanJob profile_likelihood_job(std::shared_ptr<const analysis::LikelihoodModel> model, ParameterSpace space) {
  const auto& names = model->parameter_names();
  const auto& interest = model->interest_indices();
  std::vector<std::size_t> axes;
  for (const auto& axis : space.axes()) {
    const auto it = std::find(names.begin(), names.end(), axis.name);
    const auto k = static_cast<std::size_t>(it - names.begin());
    if (it == names.end() || std::find(interest.begin(), interest.end(), k) == interest.end()) {
      std::vector<std::string> free;
      for (const std::size_t i : interest) free.push_back(names[i]);
      throw InputError("profile_likelihood: '" + axis.name + "' is not a free parameter of interest of the analysis" +
                       did_you_mean(axis.name, free));
    }
    if (std::find(axes.begin(), axes.end(), k) != axes.end())
      throw InputError("profile_likelihood: axis '" + axis.name + "' given twice");
    axes.push_back(k);
  }
  // Every point starts from the global best fit; the nuisances are profiled by L-BFGS with the
  // model's analytic gradient (analysis::profile_fit; BOBYQA if it fails).
  auto options = analysis::fit_options(model->config());
  options.covariance = false;
  const auto global = stats::minimize(model->likelihood(), options);
  std::vector<std::string> value_names{"minus_two_lnl", "delta_chi2"};
  std::vector<std::size_t> profiled;
  for (std::size_t k = 0; k < names.size(); ++k)
    if (std::find(axes.begin(), axes.end(), k) == axes.end()) {
      profiled.push_back(k);
      value_names.push_back(names[k]);
    }
  auto evaluate = [model, start = global.values, minimum = global.minimum, options, axes,
                   profiled](const std::vector<double>& point) {
    std::vector<std::optional<double>> fixed(start.size());
    for (std::size_t a = 0; a < axes.size(); ++a) fixed[axes[a]] = point[a];
    const auto fit = analysis::profile_fit(*model, model->likelihood(), start, fixed, options);
    std::vector<double> values{fit.minimum, fit.minimum - minimum};
    for (const std::size_t k : profiled) values.push_back(fit.values[k]);
    return values;
  };
  return {std::move(space), std::move(value_names), evaluate};
}

ScanJob profile_likelihood_job(const ScanConfig& config) {
  if (config.analysis.empty()) throw InputError("scan quantity profile_likelihood needs 'analysis' (an analysis file)");
  const auto model = std::make_shared<const analysis::LikelihoodModel>(io::read_analysis_config(config.analysis));
  return profile_likelihood_job(model, ParameterSpace(config.axes, config.sampling, config.samples, config.seed));
}

}  // namespace cevns::scan
