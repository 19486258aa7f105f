#include "cevns/analysis/likelihood_model.hpp"

#include <algorithm>
#include <numeric>

#include "cevns/core/error.hpp"
#include "cevns/io/analysis_config_reader.hpp"
#include "cevns/rates/prediction.hpp"
#include "likelihood_core_builder.hpp"

namespace cevns::analysis {

LikelihoodModel::LikelihoodModel(AnalysisConfig config) : config_(std::move(config)) {
  auto core = build_likelihood_core(config_);
  core_ = core;
  // Observed data.
  std::vector<double> observed;
  std::vector<double> asimov(core->bins);
  core->expected(core->truth, asimov);
  for (std::size_t k = 0; k < config_.experiments.size(); ++k) {
    const auto& input = config_.experiments[k];
    const auto& block = core->blocks[k].info;
    if (input.asimov == input.data.has_value())
      throw InputError("experiment '" + block.id + "': give either data (a count table) or asimov: true");
    if (input.asimov) {
      observed.insert(observed.end(), asimov.begin() + static_cast<long>(block.offset),
                      asimov.begin() + static_cast<long>(block.offset + block.bins()));
    } else {
      const auto counts = io::read_observed_counts(*input.data, block.energy_bins, block.time_bins);
      observed.insert(observed.end(), counts.begin(), counts.end());
    }
  }
  // An Asimov data set is complete with its auxiliary measurements at the truth (CCGV sec. 3.2):
  // when every experiment is Asimov, constraint centers are the truth values.
  const bool all_asimov = std::all_of(config_.experiments.begin(), config_.experiments.end(),
                                      [](const ExperimentInput& e) { return e.asimov; });
  std::vector<stats::Parameter> parameters;
  for (std::size_t k = 0; k < core->free_to_all.size(); ++k) {
    const ParameterInput& p = core->all[core->free_to_all[k]];
    double center = p.center;
    if (all_asimov && p.constraint != stats::Constraint::none) center = core->truth[k];
    if (p.constraint == stats::Constraint::log_normal && !(center > 0.0))
      throw InputError("parameter '" + p.name + "': a log-normal constraint needs a positive truth");
    parameters.push_back({p.name, p.initial, p.lower, p.upper, p.constraint, center, p.width});
  }
  std::shared_ptr<const Core> shared = core;
  likelihood_ = std::make_shared<const stats::BinnedLikelihood>(
      [shared](std::span<const double> v) {
        std::vector<double> out(shared->bins);
        shared->expected(v, out);
        return out;
      },
      std::move(parameters), std::move(observed));
}

std::size_t LikelihoodModel::bins() const { return core_->bins; }
const std::vector<std::string>& LikelihoodModel::parameter_names() const { return core_->free_names; }
const std::vector<std::size_t>& LikelihoodModel::interest_indices() const { return core_->interest; }
const std::vector<double>& LikelihoodModel::truth() const { return core_->truth; }
const ParameterInput& LikelihoodModel::parameter_input(std::size_t k) const {
  return core_->all.at(core_->free_to_all.at(k));
}

void LikelihoodModel::expected(std::span<const double> values, std::span<double> out) const {
  if (values.size() != core_->free_to_all.size())
    throw InputError("expected " + std::to_string(core_->free_to_all.size()) + " parameter values, got " +
                     std::to_string(values.size()));
  if (out.size() != core_->bins) throw InputError("output span must have " + std::to_string(core_->bins) + " bins");
  core_->expected(values, out);
}

std::vector<double> LikelihoodModel::expected(std::span<const double> values) const {
  std::vector<double> out(core_->bins);
  expected(values, out);
  return out;
}

double LikelihoodModel::minus_two_lnl(const stats::BinnedLikelihood& likelihood, std::span<const double> values,
                                      std::span<double> gradient, const std::vector<bool>& held) const {
  if (values.size() != core_->free_to_all.size() || likelihood.size() != values.size() ||
      likelihood.bins() != core_->bins)
    throw InputError("minus_two_lnl: the likelihood or the values do not match this model");
  if (!gradient.empty() && gradient.size() != values.size())
    throw InputError("minus_two_lnl: the gradient must have one entry per free parameter");
  return core_->minus_two_lnl(likelihood, values, gradient, held);
}

const std::vector<ExperimentBlock>& LikelihoodModel::experiments() const { return core_->infos; }

const Experiment& LikelihoodModel::experiment(std::size_t k) const { return core_->blocks.at(k).experiment; }

ExperimentCounts LikelihoodModel::counts(std::span<const double> values, std::size_t experiment) const {
  const auto& b = core_->blocks.at(experiment);
  const auto mu = expected(values);
  ExperimentCounts c;
  const std::size_t nb = b.background_scale.size();
  c.background_components.assign(nb, 0.0);
  for (std::size_t i = 0; i < b.info.bins(); ++i)
    for (std::size_t k = 0; k < nb; ++k)
      c.background_components[k] += core_->value_or(values, b.background_scale[k], 1.0) * b.backgrounds[i * nb + k];
  c.background = std::accumulate(c.background_components.begin(), c.background_components.end(), 0.0);
  const auto first = mu.begin() + static_cast<long>(b.info.offset);
  c.signal = std::accumulate(first, first + static_cast<long>(b.info.bins()), 0.0) - c.background;
  const auto& n = likelihood_->observed();
  const auto data = n.begin() + static_cast<long>(b.info.offset);
  c.observed = std::accumulate(data, data + static_cast<long>(b.info.bins()), 0.0);
  return c;
}

std::vector<double> LikelihoodModel::full_prediction(std::span<const double> values, std::size_t experiment) const {
  if (values.size() != core_->free_to_all.size())
    throw InputError("expected " + std::to_string(core_->free_to_all.size()) + " parameter values");
  const auto& b = core_->blocks.at(experiment);
  Experiment x = b.experiment;
  if (b.quenching != Core::npos) x.scale_quenching(core_->value(values, b.quenching));
  PredictionScales scales;
  scales.signal = core_->value_or(values, core_->signal_scale, 1.0) * core_->value_or(values, b.flux, 1.0);
  for (const std::size_t i : b.background_scale) scales.backgrounds.push_back(core_->value_or(values, i, 1.0));
  return Prediction(x, core_->settings_at(values)).evaluate(scales).total;
}

}  // namespace cevns::analysis
