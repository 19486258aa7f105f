#include "cevns/stats/binned_likelihood.hpp"

#include <cmath>

#include "cevns/core/error.hpp"

namespace cevns::stats {
namespace {

void check_observed(const std::vector<double>& observed) {
  for (double n : observed)
    if (!std::isfinite(n) || n < 0.0) throw InputError("observed counts must be finite and >= 0");
}

}  // namespace

double poisson_deviance(std::span<const double> expected, std::span<const double> observed) {
  if (expected.size() != observed.size())
    throw InputError("the model returned " + std::to_string(expected.size()) + " bins for " +
                     std::to_string(observed.size()) + " observed bins");
  double sum = 0.0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const double mu = expected[i], n = observed[i];
    if (!std::isfinite(mu) || mu < 0.0 || (mu == 0.0 && n > 0.0)) return impossible_deviance;
    sum += mu - n;
    if (n > 0.0) sum += n * std::log(n / mu);
  }
  return std::max(2.0 * sum, 0.0);
}

BinnedLikelihood::BinnedLikelihood(BinnedModel model, std::vector<Parameter> parameters,
                                   std::vector<double> observed)
    : model_(std::move(model)), parameters_(std::move(parameters)), observed_(std::move(observed)) {
  if (!model_) throw InputError("the likelihood needs a model");
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    const Parameter& p = parameters_[i];
    if (p.name.empty()) throw InputError("parameter " + std::to_string(i) + " has no name");
    for (std::size_t j = 0; j < i; ++j)
      if (parameters_[j].name == p.name) throw InputError("parameter '" + p.name + "' is given twice");
    if (!(p.lower < p.upper)) throw InputError("parameter '" + p.name + "': lower bound must be below upper");
    if (!(p.initial >= p.lower && p.initial <= p.upper) || !std::isfinite(p.initial))
      throw InputError("parameter '" + p.name + "': initial value outside its bounds");
    if (p.constraint != Constraint::none && !(p.width > 0.0 && std::isfinite(p.width)))
      throw InputError("parameter '" + p.name + "': constraint width must be > 0");
    if (p.constraint == Constraint::log_normal && !(p.center > 0.0))
      throw InputError("parameter '" + p.name + "': log-normal constraint needs a centre > 0");
  }
  check_observed(observed_);
}

std::vector<double> BinnedLikelihood::expected(std::span<const double> values) const {
  if (values.size() != parameters_.size())
    throw InputError("expected " + std::to_string(parameters_.size()) + " parameter values, got " +
                     std::to_string(values.size()));
  return model_(values);
}

double BinnedLikelihood::constraint_term(std::span<const double> values) const {
  double c = 0.0;
  for (std::size_t k = 0; k < parameters_.size(); ++k) {
    const Parameter& p = parameters_[k];
    switch (p.constraint) {
      case Constraint::none:
        break;
      case Constraint::gaussian: {
        const double z = (values[k] - p.center) / p.width;
        c += z * z;
        break;
      }
      case Constraint::log_normal: {
        if (!(values[k] > 0.0)) return impossible_deviance;
        const double z = std::log(values[k] / p.center) / p.width;
        c += z * z;
        break;
      }
    }
  }
  return c;
}

double BinnedLikelihood::operator()(std::span<const double> values) const {
  for (double v : values)
    if (!std::isfinite(v)) return impossible_deviance;
  const double c = constraint_term(values);
  if (c >= impossible_deviance) return impossible_deviance;
  const auto mu = expected(values);
  const double d = poisson_deviance(mu, observed_);
  return d >= impossible_deviance ? impossible_deviance : d + c;
}

std::size_t BinnedLikelihood::index(const std::string& name) const {
  std::string known;
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    if (parameters_[i].name == name) return i;
    known += (i ? ", " : "") + parameters_[i].name;
  }
  throw InputError("unknown parameter '" + name + "' (known: " + known + ")");
}

std::vector<double> BinnedLikelihood::initial_values() const {
  std::vector<double> v;
  v.reserve(parameters_.size());
  for (const auto& p : parameters_) v.push_back(p.initial);
  return v;
}

void BinnedLikelihood::set_observed(std::vector<double> observed) {
  check_observed(observed);
  observed_ = std::move(observed);
}

void BinnedLikelihood::set_constraint_center(std::size_t index, double center) {
  if (index >= parameters_.size()) throw InputError("parameter index out of range");
  parameters_[index].center = center;
}

}  // namespace cevns::stats
