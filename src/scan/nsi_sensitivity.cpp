#include "cevns/scan/nsi_sensitivity.hpp"

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/rates/prediction.hpp"

namespace cevns::scan {
namespace {

std::array<double, 5> monomials(double u, double d) { return {u, d, u * u, d * d, u * d}; }

std::vector<double> signal_at(const Prediction& sm, Flavour flavour, double eps_u, double eps_d) {
  CevnsSettings settings;
  const auto f = static_cast<std::size_t>(flavour);
  settings.bsm.vector_u[f][f] = eps_u;
  settings.bsm.vector_d[f][f] = eps_d;
  return sm.signal(settings);
}

}  // namespace

NsiAsimovChi2::NsiAsimovChi2(const std::vector<std::string>& experiments, Flavour flavour,
                             double normalisation_uncertainty) {
  if (experiments.empty()) throw InputError("NSI sensitivity needs at least one experiment");
  if (!(normalisation_uncertainty > 0.0) || !std::isfinite(normalisation_uncertainty))
    throw InputError("normalisation uncertainty must be positive");
  for (const auto& id : experiments) {
    const Experiment experiment = io::load_experiment(id);
    const Prediction sm(experiment);
    const auto result = sm.evaluate();
    const auto& A = result.signal;
    // Quadratic in eps: six predictions fix it exactly.
    const auto p10 = signal_at(sm, flavour, 1, 0), m10 = signal_at(sm, flavour, -1, 0);
    const auto p01 = signal_at(sm, flavour, 0, 1), m01 = signal_at(sm, flavour, 0, -1);
    const auto p11 = signal_at(sm, flavour, 1, 1);
    Terms t;
    t.inverse_variance = 1.0 / (normalisation_uncertainty * normalisation_uncertainty);
    for (std::size_t i = 0; i < A.size(); ++i) {
      std::array<double, 5> c{};
      c[0] = 0.5 * (p10[i] - m10[i]);
      c[1] = 0.5 * (p01[i] - m01[i]);
      c[2] = 0.5 * (p10[i] + m10[i]) - A[i];
      c[3] = 0.5 * (p01[i] + m01[i]) - A[i];
      c[4] = p11[i] - A[i] - c[0] - c[1] - c[2] - c[3];
      t.total_A += A[i];
      for (std::size_t j = 0; j < 5; ++j) t.total_c[j] += c[j];
      const double n = A[i] + result.total[i] - result.signal[i];  // Asimov: SM signal + backgrounds
      if (!(n > 0.0)) continue;
      t.g0 += A[i] * A[i] / n;
      for (std::size_t j = 0; j < 5; ++j) {
        t.h[j] += A[i] * c[j] / n;
        for (std::size_t k = 0; k < 5; ++k) t.G[j][k] += c[j] * c[k] / n;
      }
    }
    experiments_.push_back(t);
  }
}

double NsiAsimovChi2::operator()(double eps_u, double eps_d) const {
  const auto m = monomials(eps_u, eps_d);
  double chi2 = 0.0;
  for (const auto& t : experiments_) {
    double Q = 0.0, L = 0.0;
    for (std::size_t j = 0; j < 5; ++j) {
      L += t.h[j] * m[j];
      double row = 0.0;
      for (std::size_t k = 0; k < 5; ++k) row += t.G[j][k] * m[k];
      Q += m[j] * row;
    }
    const double cross = L + Q;
    chi2 += Q - cross * cross / (t.g0 + 2.0 * L + Q + t.inverse_variance);
  }
  return chi2;
}

double NsiAsimovChi2::signal_counts(std::size_t experiment, double eps_u, double eps_d) const {
  const auto& t = experiments_.at(experiment);
  const auto m = monomials(eps_u, eps_d);
  double s = t.total_A;
  for (std::size_t j = 0; j < 5; ++j) s += t.total_c[j] * m[j];
  return s;
}

}  // namespace cevns::scan
