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

LowEnergySummary summarise(const ReactorUnfoldingResult& r, const UnfoldingResult& u, double cut) {
  LowEnergySummary s;
  const auto m = static_cast<Eigen::Index>(r.energy_edges.size() - 1);
  Eigen::VectorXd w = Eigen::VectorXd::Zero(m);
  for (Eigen::Index i = 0; i < m; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (r.energy_edges[k + 1] <= cut * (1.0 + 1e-12)) w(i) = r.energy_edges[k + 1] - r.energy_edges[k];
  }
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
  double fissions_per_area = 0.0;  // fissions per unit time, over 4 pi d^2, summed over cores
  for (const auto& c : cores) fissions_per_area += fissions_per_time(c) * inverse_square(c.distance);
  const double captures = cores.front().captures_per_fission;
  const Spectrum with_capture = reactor_spectrum_per_fission(model, cores.front().fission_fractions, captures);
  const Spectrum without_capture = reactor_spectrum_per_fission(model, cores.front().fission_fractions, 0.0);

  const MaterialCrossSection xs(target);
  // Kinematic minimum energy for the threshold (largest over isotopes: the lightest one).
  double e_min = 0.0;
  for (const auto& iso : xs.isotopes()) e_min = std::max(e_min, iso.min_neutrino_energy(sc.threshold));
  ReactorUnfoldingResult r;
  r.scenario = sc;
  r.energy_edges.push_back(e_min);
  // 0.3 MeV bins where the sub-IBD flux and the capture component live, coarser above (the
  // flux falls exponentially: narrow bins there carry no events and only noise).
  for (double e : {0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1, 2.4, 3.0, 3.6, 4.2, 5.0, 6.0, 8.0, 10.0})
    if (e * units::MeV > e_min * 1.2) r.energy_edges.push_back(e * units::MeV);
  // Recoil edges: the threshold, then T_max (heaviest common isotope: use the first) at energy
  // edges and midpoints.
  const auto& ref = xs.isotopes().front();
  r.recoil_edges.push_back(sc.threshold);
  for (std::size_t i = 0; i + 1 < r.energy_edges.size(); ++i) {
    for (double f : {0.5, 1.0}) {
      const double e = r.energy_edges[i] + f * (r.energy_edges[i + 1] - r.energy_edges[i]);
      const double t = ref.max_recoil(e);
      if (t > r.recoil_edges.back() * 1.001) r.recoil_edges.push_back(t);
    }
  }
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
  if (opt.asimov) {
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
  r.capture_separation_chosen = separation(summarise(r, r.chosen, cap_cut));
  r.capture_separation_fixed = separation(summarise(r, r.at_fixed, cap_cut));
  return r;
}

}  // namespace cevns::stats
