#include "cevns/stats/reactor_unfolding.hpp"

#include <cmath>
#include <numbers>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "cevns/stats/response_matrix.hpp"
#include "cevns/stats/toys.hpp"

namespace cevns::stats {
namespace {

double gw(double p) { return p * 1e9 / constants::electron_volt_J * units::eV / units::s; }

// Bin widths of the energy bins that end below `cut` (zero elsewhere): w . nu = int nu dE there.
Eigen::VectorXd weights_below(const std::vector<double>& edges, double cut) {
  const auto m = static_cast<Eigen::Index>(edges.size() - 1);
  Eigen::VectorXd w = Eigen::VectorXd::Zero(m);
  for (Eigen::Index i = 0; i < m; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (edges[k + 1] <= cut * (1.0 + 1e-12)) w(i) = edges[k + 1] - edges[k];
  }
  return w;
}

LowEnergySummary summarise(const ReactorUnfoldingResult& r, const UnfoldingResult& u, double cut) {
  LowEnergySummary s;
  const Eigen::VectorXd w = weights_below(r.energy_edges, cut);
  s.unfolded = w.dot(u.flux);
  s.error = std::sqrt(std::max(w.dot(u.covariance * w), 0.0));
  s.truth = w.dot(r.truth);
  s.truth_no_capture = w.dot(r.truth_no_capture);
  s.upper_90 = s.unfolded + 1.2815515655446004 * s.error;
  return s;
}

double separation(const LowEnergySummary& s) {
  return s.error > 0.0 ? (s.unfolded - s.truth_no_capture) / s.error : 0.0;
}

// `asimov`, `asimov_null`: the solutions at the same beta for the expected counts with and without
// captures (their differences from the truths are the biases).
CaptureSeparation capture_test(const ReactorUnfoldingResult& r, const UnfoldingResult& u, const UnfoldingResult& asimov,
                               const UnfoldingResult& asimov_null, double cut) {
  const LowEnergySummary s = summarise(r, u, cut);
  const Eigen::VectorXd w = weights_below(r.energy_edges, cut);
  CaptureSeparation c;
  c.excess = s.unfolded - s.truth_no_capture;
  c.error = s.error;
  c.bias_true = w.dot(asimov.flux) - s.truth;
  c.bias_null = w.dot(asimov_null.flux) - s.truth_no_capture;
  c.bias_estimate = w.dot(u.bias);
  c.bias_estimate_error = std::sqrt(std::max(w.dot(u.bias_covariance * w), 0.0));
  c.naive_sigma = separation(s);
  c.bias_included_sigma = s.error > 0.0 ? (c.excess - c.bias_null) / s.error : 0.0;
  const double sigma_eff = std::sqrt(c.error * c.error + c.bias_estimate * c.bias_estimate +
                                     c.bias_estimate_error * c.bias_estimate_error);
  c.estimate_sigma = sigma_eff > 0.0 ? c.excess / sigma_eff : 0.0;
  return c;
}

// The default binning (header comment); `e_min` the kinematic minimum for the threshold.
std::vector<double> default_energy_edges(double e_min) {
  std::vector<double> edges{e_min};
  // 0.3 MeV bins where the sub-IBD flux and the capture component live, coarser above (the
  // flux falls exponentially: narrow bins there carry no events and only noise).
  for (double e : {0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1, 2.4, 3.0, 3.6, 4.2, 5.0, 6.0, 8.0, 10.0})
    if (e * units::MeV > e_min * 1.2) edges.push_back(e * units::MeV);
  return edges;
}

// Recoil edges: the threshold, then T_max (heaviest common isotope: use the first) at energy
// edges and midpoints.
std::vector<double> default_recoil_edges(const CevnsCrossSection& ref, const std::vector<double>& energy_edges, double threshold) {
  std::vector<double> edges{threshold};
  for (std::size_t i = 0; i + 1 < energy_edges.size(); ++i) {
    for (double f : {0.5, 1.0}) {
      const double e = energy_edges[i] + f * (energy_edges[i + 1] - energy_edges[i]);
      const double t = ref.max_recoil(e);
      if (t > edges.back() * 1.001) edges.push_back(t);
    }
  }
  return edges;
}

}  // namespace

UnfoldingScenario nucleus_scenario(int id) {
  switch (id) {
    case 1: return {1, 1.0, 100.0, 5.0 * units::eV};
    case 2: return {2, 3.0, 1.0, 5.0 * units::eV};
    case 3: return {3, 300.0, 1.0, 1.0 * units::eV};
    default: throw InputError("unknown unfolding scenario " + std::to_string(id) + " (use 1, 2 or 3)");
  }
}

ReactorUnfoldingResult unfold_reactor_scenario(const UnfoldingScenario& sc, const Material& target,
                                               const ReactorSpectrumModel& model, const ReactorUnfoldingOptions& opt) {
  if (!(sc.exposure_kg_yr > 0.0) || !(sc.background_per_keV_kg_day >= 0.0) || !(sc.threshold > 0.0))
    throw InputError("unfolding scenario needs exposure > 0, background >= 0, threshold > 0");
  std::vector<ReactorCore> cores = opt.cores;
  if (cores.empty()) {
    for (double d : {72.0, 102.0}) {
      ReactorCore c;
      c.thermal_power = gw(4.25);
      c.distance = d * units::m;
      cores.push_back(c);
    }
  }
  const double captures = cores.front().captures_per_fission;
  const Spectrum with_capture = reactor_spectrum_per_fission(model, cores.front().fission_fractions, captures);
  const Spectrum without_capture = reactor_spectrum_per_fission(model, cores.front().fission_fractions, 0.0);
  double fissions_per_area = 0.0;  // fissions per unit time, over 4 pi d^2, summed over cores
  if (opt.antineutrino_flux > 0.0) {
    fissions_per_area = opt.antineutrino_flux / with_capture.total();
  } else {
    for (const auto& c : cores) fissions_per_area += fissions_per_time(c) * inverse_square(c.distance);
  }

  const MaterialCrossSection xs(target);
  // Kinematic minimum energy for the threshold (largest over isotopes: the lightest one).
  double e_min = 0.0;
  for (const auto& iso : xs.isotopes()) e_min = std::max(e_min, iso.min_neutrino_energy(sc.threshold));
  ReactorUnfoldingResult r;
  r.scenario = sc;
  r.energy_edges = opt.energy_edges.empty() ? default_energy_edges(e_min) : opt.energy_edges;
  // A bin wholly below E_min has no events: its column of R vanishes and D is singular.
  if (r.energy_edges.size() >= 2 && !(r.energy_edges[1] > e_min))
    throw InputError("unfolding: the first neutrino-energy bin ends below the kinematic minimum " +
                     std::to_string(e_min / units::MeV) + " MeV of the threshold");
  r.recoil_edges = opt.recoil_edges.empty() ? default_recoil_edges(xs.isotopes().front(), r.energy_edges, sc.threshold)
                                            : opt.recoil_edges;
  if (!opt.recoil_edges.empty() && r.recoil_edges.front() < sc.threshold * (1.0 - 1e-12))
    throw InputError("unfolding: the first recoil edge lies below the threshold");
  const double day_kg = sc.exposure_kg_yr * units::year / units::day;
  const double exposure = target.formula_units_per_kg() * sc.exposure_kg_yr * units::year * fissions_per_area;
  const auto resp = build_response_matrix(xs, Neutrino{Flavour::e, true}, r.recoil_edges, r.energy_edges, exposure);
  r.response = resp.matrix;
  r.truth = bin_average([&](double e) { return with_capture.density(e); }, r.energy_edges);
  r.truth_no_capture = bin_average([&](double e) { return without_capture.density(e); }, r.energy_edges);
  const auto nT = static_cast<Eigen::Index>(r.recoil_edges.size() - 1);
  r.background.resize(nT);
  for (Eigen::Index j = 0; j < nT; ++j) {
    const auto k = static_cast<std::size_t>(j);
    r.background(j) = sc.background_per_keV_kg_day * (r.recoil_edges[k + 1] - r.recoil_edges[k]) / units::keV * day_kg;
  }
  const Eigen::VectorXd expected = r.response * r.truth + r.background;
  if (opt.observed_counts) {
    if (opt.observed_counts->size() != nT)
      throw InputError("unfolding: " + std::to_string(opt.observed_counts->size()) + " observed counts for " +
                       std::to_string(nT) + " recoil bins");
    r.observed = *opt.observed_counts;
  } else if (opt.asimov) {
    r.observed = expected;
  } else {
    auto engine = toy_engine(opt.seed, 0);
    const auto n = poisson_toy(std::span<const double>(expected.data(), static_cast<std::size_t>(expected.size())), engine);
    r.observed = Eigen::Map<const Eigen::VectorXd>(n.data(), static_cast<Eigen::Index>(n.size()));
  }
  const auto betas = opt.betas.empty() ? log_grid(1e-3, 1e5, 57) : opt.betas;
  r.naive = tikhonov_unfold(r.response, r.observed, r.background, 0.0);
  r.chosen = r.naive.positive ? r.naive : smallest_positive_beta(r.response, r.observed, r.background, betas);
  r.at_fixed = tikhonov_unfold(r.response, r.observed, r.background, opt.fixed_beta);
  const double low_cut = opt.low_energy_cut > 0.0 ? opt.low_energy_cut : 1.8 * units::MeV;
  const double cap_cut = opt.capture_cut > 0.0 ? opt.capture_cut : 1.5 * units::MeV;
  r.low_chosen = summarise(r, r.chosen, low_cut);
  r.low_fixed = summarise(r, r.at_fixed, low_cut);
  const Eigen::VectorXd expected_null = r.response * r.truth_no_capture + r.background;
  for (auto [u, c] : {std::pair{&r.chosen, &r.capture_chosen}, std::pair{&r.at_fixed, &r.capture_fixed}})
    *c = capture_test(r, *u, tikhonov_unfold(r.response, expected, r.background, u->beta),
                      tikhonov_unfold(r.response, expected_null, r.background, u->beta), cap_cut);
  r.capture_separation_chosen = r.capture_chosen.naive_sigma;
  r.capture_separation_fixed = r.capture_fixed.naive_sigma;
  for (double b : opt.scan_betas) r.scanned.push_back(tikhonov_unfold(r.response, r.observed, r.background, b));
  return r;
}

}  // namespace cevns::stats
