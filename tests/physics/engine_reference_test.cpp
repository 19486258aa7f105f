// The rate engine against an independent route, for every catalog entry: the counts per bin as the
// adaptive double integral
//
//   N_{k,a} = M int dT R_k(T) sum_i n_i [ sum_lines I dsigma_i/dT(E_l, T)
//                                        + int_{E_min,i(T)} phi_a(E) dsigma_i/dT(E, T) dE ],
//
// with the analytic spectrum (Spectrum::density, the model's closures: no table), adaptive
// Gauss-Kronrod in E on each spectrum panel and in ln T over the whole recoil range (no threshold
// trimming), split at the kinks (T_max of lines and panel edges, the response's steps). The issue's
// accuracy goals: total to 1e-4, every bin with more than one count to 1e-3. The threshold rule
// (DetectorResponse::detectable_recoils) is checked separately: counts with the trimmed kernels
// against full-range kernels to 1e-5.
#include <gtest/gtest.h>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

#include "cevns/core/units.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "cevns/rates/prediction.hpp"

using namespace cevns;

namespace {

using Kronrod = boost::math::quadrature::gauss_kronrod<double, 31>;

// sum over pieces [cuts_i, cuts_i+1] of int f, to `tolerance` relative to the whole sum: one
// Gauss-Kronrod pass per piece, then adaptive refinement of the pieces whose error estimate exceeds
// their share (a piece whose own integral is negligible is not refined to its own relative accuracy).
double adaptive(const std::function<double(double)>& f, const std::vector<double>& cuts, double tolerance) {
  const std::size_t n = cuts.size() < 2 ? 0 : cuts.size() - 1;
  std::vector<double> value(n), error(n);
  double total = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    value[i] = Kronrod::integrate(f, cuts[i], cuts[i + 1], 0, 0.0, &error[i]);
    total += std::abs(value[i]);
  }
  const double goal = tolerance * total / static_cast<double>(std::max<std::size_t>(n, 1));
  double sum = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    if (error[i] > goal && value[i] != 0.0)
      value[i] = Kronrod::integrate(f, cuts[i], cuts[i + 1], 10, goal / std::abs(value[i]), &error[i]);
    sum += value[i];
  }
  return sum;
}

struct ModuleView {
  const Material* material;
  double mass_kg;
  const DetectorResponse* response;
};

std::vector<ModuleView> modules_of(const Experiment& x) {
  std::vector<ModuleView> out;
  if (x.modules.empty()) out.push_back({&*x.material, x.mass_kg, &x.response});
  for (const auto& m : x.modules) out.push_back({&m.material, m.mass_kg, &m.response});
  return out;
}

// Reference signal per (species, energy bin) of one module, summed over time with the experiment's
// time fractions (the timing model is not under test: it multiplies each species' template).
// Bins with `checked[k]` false are skipped (their integrals cost as much as the others'); the last
// row of the result is the total over all bins, integrated with the summed response.
std::vector<std::vector<double>> reference_counts(const Experiment& x, const ModuleView& m,
                                                  const std::vector<double>& time_weight,
                                                  const std::vector<bool>& checked) {
  const MaterialCrossSection xs(*m.material);
  const auto species = x.fluence.species();
  const std::size_t ns = species.size(), nb = m.response->bins();
  double emax = 0.0;
  std::vector<double> energies;
  for (const auto nu : species) {
    const Spectrum& s = *x.fluence.spectrum(nu);
    if (s.has_continuum()) {
      emax = std::max(emax, s.max_energy());
      // The ends of the continuum (more kinks are left to the adaptive rule: they are mild, R is C1).
      energies.insert(energies.end(), {s.panel_edges().front(), s.panel_edges().back()});
    }
    for (const auto& l : s.lines()) {
      emax = std::max(emax, l.energy);
      energies.push_back(l.energy);
    }
  }
  double tmax = 0.0;
  for (const auto& iso : xs.isotopes()) tmax = std::max(tmax, iso.max_recoil(emax));
  // R_a(T) per kg, memoised: the outer integrals of different bins share nodes. The densities are
  // memoised too: the inner rules on whole panels use the same energies at every recoil.
  std::unordered_map<double, std::vector<double>> rate_memo, response_memo;
  std::vector<std::unordered_map<double, double>> density_memo(ns);
  auto density = [&](std::size_t a, double E) {
    if (density_memo[a].size() > 1000000) density_memo[a].clear();  // bounded memory
    auto [it, fresh] = density_memo[a].try_emplace(E, 0.0);
    if (fresh) it->second = x.fluence.spectrum(species[a])->density(E);
    return it->second;
  };
  auto rate = [&](double t) -> const std::vector<double>& {
    auto it = rate_memo.find(t);
    if (it != rate_memo.end()) return it->second;
    std::vector<double> r(ns, 0.0);
    for (std::size_t i = 0; i < xs.isotopes().size(); ++i) {
      const auto& iso = xs.isotopes()[i];
      const double e_min = iso.min_neutrino_energy(t);
      for (std::size_t a = 0; a < ns; ++a) {
        const Spectrum& s = *x.fluence.spectrum(species[a]);
        double v = 0.0;
        for (const auto& l : s.lines())
          if (l.energy > e_min) v += l.intensity * iso.differential(species[a], l.energy, t);
        if (s.has_continuum()) {
          std::vector<double> pieces{e_min};
          for (const double e : s.panel_edges())
            if (e > e_min) pieces.push_back(e);
          v += adaptive([&](double E) { return density(a, E) * iso.differential(species[a], E, t); }, pieces, 1e-6);
        }
        r[a] += xs.material().nuclei_per_kg(i) * v;
      }
    }
    return rate_memo.emplace(t, std::move(r)).first->second;
  };
  auto column = [&](double t) -> const std::vector<double>& {
    auto it = response_memo.find(t);
    if (it != response_memo.end()) return it->second;
    std::vector<double> c(nb);
    m.response->response_column(t, c);
    return response_memo.emplace(t, std::move(c)).first->second;
  };
  // ln T segments: decades from 1e-9 T_max, split at the T_max of lines and continuum ends.
  std::vector<double> cuts;
  for (double f = 1e-9; f < 1.0; f *= 10.0) cuts.push_back(f * tmax);
  cuts.push_back(tmax);
  for (const auto& iso : xs.isotopes())
    for (const double e : energies)
      if (e > 0.0) cuts.push_back(iso.max_recoil(e));
  // The response's steps: all of them for single bins; for the total only the outermost ones (the
  // summed response of an unsmeared detector steps at the threshold and the top edge only).
  auto steps = m.response->recoil_breakpoints(tmax);
  // An unsmeared detector's efficiency kinks, mapped to recoils (the observable increases with T).
  if (m.response->observable != Observable::pe && m.response->resolution.model == ResolutionModel::none) {
    for (const double e : m.response->efficiency.breakpoints()) {
      if (!(e > 0.0) || !(e < m.response->mean_observable(tmax))) continue;
      double a = 0.0, b = tmax;
      for (int it = 0; it < 200; ++it) (m.response->mean_observable(0.5 * (a + b)) < e ? a : b) = 0.5 * (a + b);
      cuts.push_back(0.5 * (a + b));
    }
  }
  auto segments = [&](bool all_steps) {
    std::vector<double> c = cuts;
    if (all_steps) c.insert(c.end(), steps.begin(), steps.end());
    else if (!steps.empty()) c.insert(c.end(), {steps.front(), steps.back()});
    std::sort(c.begin(), c.end());
    c.erase(std::remove_if(c.begin(), c.end(), [&](double v) { return !(v >= 1e-9 * tmax && v <= tmax); }), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
    return c;
  };
  auto integral = [&](const std::vector<double>& c, double tolerance, auto&& response) {
    std::vector<double> sum(ns, 0.0), logs;
    for (const double v : c) logs.push_back(std::log(v));
    for (std::size_t a = 0; a < ns; ++a)
      sum[a] = adaptive(
          [&](double u) {
            const double t = std::exp(u);
            const double r = response(t);
            return r == 0.0 ? 0.0 : t * r * rate(t)[a];
          },
          logs, tolerance);
    return sum;
  };
  std::vector<std::vector<double>> out(ns + 1, std::vector<double>(nb + 1, 0.0));
  const auto per_bin = segments(true);
  for (std::size_t k = 0; k < nb; ++k) {
    if (!checked[k]) continue;
    const auto v = integral(per_bin, 1e-4, [&](double t) { return column(t)[k]; });
    for (std::size_t a = 0; a < ns; ++a) out[a][k] = m.mass_kg * v[a] * time_weight[a];
  }
  const auto all = integral(segments(false), 1e-5, [&](double t) {
    const auto& c = column(t);
    return std::accumulate(c.begin(), c.end(), 0.0);
  });
  for (std::size_t a = 0; a < ns; ++a) out[ns][nb] += m.mass_kg * all[a] * time_weight[a];
  return out;
}

std::vector<std::string> catalog_ids() {
  std::vector<std::string> ids;
  for (const auto& e : io::experiment_catalog()) ids.push_back(e.id);
  return ids;
}

class EngineReference : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(EngineReference, CountsPerBinMatchAdaptiveDoubleIntegral) {
  const Experiment x = io::load_experiment(GetParam());
  const Prediction p(x);
  const auto r = p.evaluate();
  const auto species = p.species();
  std::vector<double> time_weight(species.size(), 1.0);
  if (r.time_bins > 1)
    for (std::size_t a = 0; a < species.size(); ++a) {
      time_weight[a] = 0.0;
      for (std::size_t t = 0; t < r.time_bins; ++t)
        time_weight[a] += x.timing.fraction(species[a], x.time_edges[t], x.time_edges[t + 1]) *
                          (x.time_efficiency.empty() ? 1.0 : x.time_efficiency[t]);
    }
  std::vector<double> ours(r.energy_bins, 0.0);
  for (std::size_t k = 0; k < r.energy_bins; ++k)
    for (std::size_t t = 0; t < r.time_bins; ++t) ours[k] += r.signal[k * r.time_bins + t];
  // Bins below 0.5 of our count cannot hold more than one reference count within the tolerance.
  std::vector<bool> checked(r.energy_bins);
  for (std::size_t k = 0; k < r.energy_bins; ++k) checked[k] = ours[k] > 0.5;
  std::vector<double> ref(r.energy_bins, 0.0);
  double total_ref = 0.0;
  for (const auto& m : modules_of(x)) {
    const auto c = reference_counts(x, m, time_weight, checked);
    for (std::size_t a = 0; a + 1 < c.size(); ++a)
      for (std::size_t k = 0; k < r.energy_bins; ++k) ref[k] += c[a][k];
    total_ref += c.back().back();
  }
  ASSERT_GT(total_ref, 0.0);
  EXPECT_NEAR(r.signal_counts / total_ref, 1.0, 1e-4) << "total " << r.signal_counts << " reference " << total_ref;
  std::size_t compared = 0;
  for (std::size_t k = 0; k < r.energy_bins; ++k)
    if (checked[k] && ref[k] > 1.0) {
      ++compared;
      EXPECT_NEAR(ours[k] / ref[k], 1.0, 1e-3) << "bin " << k << ": " << ours[k] << " vs " << ref[k];
    }
  RecordProperty("bins_compared", static_cast<int>(compared));
}

// The threshold rule: nodes only where the detector can count (below and above, every recoil is
// counted with probability < 1e-12) lose nothing that smearing carries into the bins.
TEST_P(EngineReference, TrimmedKernelsEqualFullRangeKernels) {
  const Experiment x = io::load_experiment(GetParam());
  const auto trimmed = Prediction(x).evaluate();
  const auto full = Prediction(x, {}, KernelRange::full).evaluate();
  EXPECT_NEAR(trimmed.signal_counts / full.signal_counts, 1.0, 1e-5);
  for (std::size_t k = 0; k < full.signal.size(); ++k)
    if (full.signal[k] > 1.0) {
      EXPECT_NEAR(trimmed.signal[k] / full.signal[k], 1.0, 1e-5) << "bin " << k;
    }
}

// All recoils before response: the integral over T of the full-range kernels equals the flux-folded
// total cross section sum_i n_i int phi sigma_i(E) dE (the other order of integration, adaptive in E).
TEST_P(EngineReference, RecoilCountsEqualTheFluxFoldedCrossSection) {
  const Experiment x = io::load_experiment(GetParam());
  const Prediction p(x);
  double ref = 0.0;
  for (const auto& m : modules_of(x)) {
    const MaterialCrossSection xs(*m.material);
    for (std::size_t i = 0; i < xs.isotopes().size(); ++i)
      for (const auto nu : x.fluence.species()) {
        const Spectrum& s = *x.fluence.spectrum(nu);
        const auto& iso = xs.isotopes()[i];
        double v = 0.0;
        for (const auto& l : s.lines()) v += l.intensity * iso.total(nu, l.energy);
        if (s.has_continuum())
          v += adaptive([&](double E) { return s.density(E) * (E > 0.0 ? iso.total(nu, E) : 0.0); }, s.panel_edges(),
                        1e-8);
        ref += m.mass_kg * xs.material().nuclei_per_kg(i) * v;
      }
  }
  EXPECT_NEAR(p.recoil_counts() / ref, 1.0, 1e-6);
}

INSTANTIATE_TEST_SUITE_P(Catalog, EngineReference, ::testing::ValuesIn(catalog_ids()),
                         [](const auto& test) {
                           std::string n = test.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });
