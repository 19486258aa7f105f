#include "cevns/scan/bsm_asimov_job.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>

#include "cevns/core/error.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/physics/bsm/model_parameters.hpp"
#include "cevns/physics/physics_choices.hpp"
#include "cevns/rates/prediction.hpp"
#include "cevns/stats/binned_likelihood.hpp"

namespace cevns::scan {
namespace {

const std::vector<std::string> single_parameters{
    "zprime_mass_MeV",      "zprime_coupling", "scalar_mass_MeV", "scalar_coupling", "magnetic_moment_bohr",
    "millicharge_e",        "charge_radius_cm2", "sin2w",         "neutron_radius_fm", "neutron_skin_fm"};

// Shortest round-trip text of a double, so the parser reads back the exact value.
std::string exact(double v) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, ec == std::errc() ? end : buffer);
}

}  // namespace

std::vector<std::string> bsm_asimov_parameters() {
  auto names = single_parameters;
  for (auto& n : nsi_parameter_names("VTS")) names.push_back(std::move(n));
  return names;
}

CevnsSettings bsm_point_settings(const std::vector<std::string>& names, const std::vector<double>& values,
                                 const std::string& zprime_model) {
  if (names.size() != values.size()) throw InputError("bsm point: names and values differ in length");
  PhysicsChoices choices;
  std::string nsi, zprime, scalar;
  auto append = [](std::string& list, const std::string& key, double v) {
    list += (list.empty() ? "" : ",") + key + "=" + exact(v);
  };
  for (std::size_t k = 0; k < names.size(); ++k) {
    const auto& n = names[k];
    const double v = values[k];
    if (n == "zprime_mass_MeV") append(zprime, "mass_MeV", v);
    else if (n == "zprime_coupling") append(zprime, "coupling", v);
    else if (n == "scalar_mass_MeV") append(scalar, "mass_MeV", v);
    else if (n == "scalar_coupling") append(scalar, "coupling", v);
    else if (n == "magnetic_moment_bohr") choices.magnetic_moment_bohr = v;
    else if (n == "millicharge_e") choices.millicharge_e = v;
    else if (n == "charge_radius_cm2") choices.charge_radius_cm2 = v;
    else if (n == "sin2w") choices.sin2w = v;
    else if (n == "neutron_radius_fm") choices.neutron_radius_fm = v;
    else if (n == "neutron_skin_fm") choices.neutron_skin_fm = v;
    else append(nsi, n, v);  // the NSI parser names anything else it does not know
  }
  if (!zprime.empty()) choices.zprime = zprime + ",model=" + zprime_model;
  if (!scalar.empty()) choices.scalar = scalar;
  if (!nsi.empty()) choices.nsi = nsi;
  return make_cevns_settings(choices);
}

BsmAsimovChi2::BsmAsimovChi2(const std::vector<std::string>& experiments, double normalisation_uncertainty,
                             AsimovStatistic statistic)
    : statistic_(statistic) {
  if (experiments.empty()) throw InputError("BSM Asimov sensitivity needs at least one experiment");
  if (!(normalisation_uncertainty > 0.0) || !std::isfinite(normalisation_uncertainty))
    throw InputError("normalisation uncertainty must be positive");
  inverse_variance_ = 1.0 / (normalisation_uncertainty * normalisation_uncertainty);
  for (const auto& id : experiments) {
    Data d{Prediction(io::load_experiment(id)), {}, {}};
    const auto sm = d.sm.evaluate();
    d.asimov = sm.total;
    d.background.assign(sm.total.size(), 0.0);
    for (std::size_t i = 0; i < sm.total.size(); ++i) d.background[i] = sm.total[i] - sm.signal[i];
    data_.push_back(std::move(d));
  }
}

double BsmAsimovChi2::profiled(std::size_t experiment, const std::vector<double>& signal) const {
  const auto& d = data_.at(experiment);
  if (signal.size() != d.asimov.size()) throw InputError("bsm Asimov: signal has the wrong number of bins");
  const bool poisson = statistic_ == AsimovStatistic::poisson;
  // Only bins with a signal depend on a; the others add a constant (zero when their data are the
  // background alone, as for Asimov data whose SM signal vanishes there too).
  std::vector<double> S, B, n;
  double constant = 0.0;
  for (std::size_t i = 0; i < signal.size(); ++i) {
    if (signal[i] != 0.0) {
      S.push_back(signal[i]);
      B.push_back(d.background[i]);
      n.push_back(d.asimov[i]);
    } else if (d.asimov[i] != d.background[i]) {
      const double mu = d.background[i], obs = d.asimov[i];
      if (poisson) constant += stats::poisson_deviance(std::span<const double>(&mu, 1), std::span<const double>(&obs, 1));
      else if (obs > 0.0) constant += (mu - obs) * (mu - obs) / obs;
    }
  }
  // First and second derivative in a of the statistic (the constraint included).
  auto derivatives = [&](double a, double& first, double& second) {
    first = 2.0 * (a - 1.0) * inverse_variance_;
    second = 2.0 * inverse_variance_;
    for (std::size_t i = 0; i < n.size(); ++i) {
      if (poisson) {
        const double mu = a * S[i] + B[i];
        if (n[i] > 0.0) {
          const double r = n[i] / mu;
          first += 2.0 * S[i] * (1.0 - r);
          second += 2.0 * r * S[i] * S[i] / mu;
        } else {
          first += 2.0 * S[i];
        }
      } else if (n[i] > 0.0) {
        first += 2.0 * S[i] * (a * S[i] + B[i] - n[i]) / n[i];
        second += 2.0 * S[i] * S[i] / n[i];
      }
    }
  };
  auto value = [&](double a) {
    double chi2 = (a - 1.0) * (a - 1.0) * inverse_variance_ + constant;
    if (poisson) {
      std::vector<double> mu(n.size());
      for (std::size_t i = 0; i < n.size(); ++i) mu[i] = a * S[i] + B[i];
      return chi2 + stats::poisson_deviance(mu, n);
    }
    for (std::size_t i = 0; i < n.size(); ++i)
      if (n[i] > 0.0) chi2 += (a * S[i] + B[i] - n[i]) * (a * S[i] + B[i] - n[i]) / n[i];
    return chi2;
  };
  // The minimum over a >= 0: bracket the root of the (increasing) derivative, then Newton steps
  // that fall back to bisection when they leave the bracket, until the step is below 1e-14 a
  // relative (Newton on a convex function approaches from one side, so the bracket itself need not
  // shrink). Below a bin's mu = 0 the Poisson derivative is -infinity, so the lower end is where
  // every mu with n > 0 is positive.
  double lo = 0.0;
  for (std::size_t i = 0; i < n.size() && poisson; ++i)
    if (n[i] > 0.0 && B[i] <= 0.0) {
      if (!(S[i] > 0.0)) return stats::impossible_deviance;  // mu = 0 for every a
      lo = std::max(lo, 1e-300);
    }
  // Newton from a = 1 (the SM normalisation, near the minimum for points near the SM).
  double first = 0.0, second = 0.0, hi = 1.0, a = 1.0;
  derivatives(1.0, first, second);
  if (first >= 0.0) {  // the minimum lies in [0, 1]
    if (lo == 0.0) {
      double f0 = 0.0, s0 = 0.0;
      derivatives(0.0, f0, s0);
      if (f0 >= 0.0) return value(0.0);
    }
  } else {  // beyond 1: bracket it
    double f = first, s2 = second;
    lo = 1.0;
    for (hi = 2.0, derivatives(hi, f, s2); f < 0.0; derivatives(hi, f, s2)) {
      lo = hi;
      hi *= 2.0;
      if (hi > 1e12) throw NumericalError("bsm Asimov: the signal normalisation does not converge");
    }
    if (lo > 1.0) {
      a = hi;
      first = f;
      second = s2;
    }
  }
  for (int iteration = 0; iteration < 200 && first != 0.0; ++iteration) {
    (first > 0.0 ? hi : lo) = a;
    const double newton = a - first / second;
    if (std::abs(newton - a) <= 1e-14 * a || hi - lo <= 1e-14 * hi) break;  // converged at a
    a = newton > lo && newton < hi ? newton : 0.5 * (lo + hi);
    derivatives(a, first, second);
  }
  return value(a);
}

double BsmAsimovChi2::operator()(const CevnsSettings& settings) const {
  double chi2 = 0.0;
  for (std::size_t k = 0; k < data_.size(); ++k)
    chi2 += profiled(k, data_[k].sm.signal(settings));
  return chi2;
}

ScanJob bsm_asimov_job(const ScanConfig& c) {
  if (c.experiments.empty()) throw InputError("scan quantity bsm_asimov_delta_chi2 needs 'experiments'");
  std::vector<std::string> names;
  for (const auto& a : c.axes) names.push_back(a.name);
  const auto has = [&](const char* n) { return std::find(names.begin(), names.end(), n) != names.end(); };
  for (const auto& [mass, coupling] : {std::pair{"zprime_mass_MeV", "zprime_coupling"},
                                       std::pair{"scalar_mass_MeV", "scalar_coupling"}})
    if (has(mass) != has(coupling))
      throw InputError(std::string("bsm_asimov_delta_chi2 scans ") + mass + " and " + coupling +
                       " together (an axis with points: 1 holds one fixed)");
  const ZprimeModel model = parse_zprime_model(c.zprime_model);
  if (model == ZprimeModel::custom) throw InputError("zprime_model custom is not available in scans");
  const auto chi2 = std::make_shared<const BsmAsimovChi2>(c.experiments, c.normalisation_uncertainty);
  return {ParameterSpace(c.axes, c.sampling, c.samples, c.seed), {"delta_chi2"},
          [chi2, names, zprime_model = c.zprime_model](const std::vector<double>& p) {
            return std::vector<double>{(*chi2)(bsm_point_settings(names, p, zprime_model))};
          }};
}

}  // namespace cevns::scan
