#include "cevns/analysis/coherent_csi2021_fit.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/io/text_table.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "cevns/rates/prediction.hpp"
#include "cevns/stats/binned_likelihood.hpp"
#include "cevns/stats/fit.hpp"

#include "coherent_release_common.hpp"

namespace cevns::analysis {
namespace {

using coherent_release::exponential_fraction;
using coherent_release::time_width_us;
constexpr double brn_width = 0.25, nin_width = 0.36;  // normalisation uncertainties (see header)

using Table = io::TextTable;

// Events (PE, time in us) binned [k * nt + t]; events outside the window are skipped.
std::vector<double> bin_events(const Table& table, double width, std::size_t nk, std::size_t nt, double& total) {
  std::vector<double> counts(nk * nt, 0.0);
  total = static_cast<double>(table.rows().size());
  for (std::size_t r = 0; r < table.rows().size(); ++r) {
    const double pe = table.number(r, 0), t = table.number(r, 1);
    if (pe < 0.0 || t < 0.0) throw ConfigError(table.where(r) + ": negative energy or time");
    const auto k = static_cast<std::size_t>(pe / width), j = static_cast<std::size_t>(t / time_width_us);
    if (k < nk && j < nt) counts[k * nt + j] += 1.0;
  }
  return counts;
}

// A 1-D table (bin centre, value) summed into bins [lo + i w, lo + (i+1) w), i < n.
std::vector<double> rebin(const Table& table, double lo, double w, std::size_t n) {
  std::vector<double> out(n, 0.0);
  for (std::size_t r = 0; r < table.rows().size(); ++r) {
    const double x = (table.number(r, 0) - lo) / w;
    if (x >= 0.0 && x < static_cast<double>(n)) out[static_cast<std::size_t>(x)] += table.number(r, 1);
  }
  return out;
}

// Signal template (fit binning) of a signal in the catalog binning: 1-PE bins summed into wider PE bins.
std::vector<double> signal_template(const std::vector<double>& signal, std::size_t per_bin, std::size_t nk,
                                    std::size_t nt) {
  std::vector<double> s(nk * nt, 0.0);
  for (std::size_t e = 0; e < nk * per_bin; ++e)
    for (std::size_t t = 0; t < nt; ++t) s[(e / per_bin) * nt + t] += signal[e * nt + t];
  return s;
}

}  // namespace

double flux_averaged_cross_section(const Experiment& experiment, const CevnsSettings& settings) {
  if (!experiment.material) throw InputError("experiment " + experiment.id + " has no target material");
  const MaterialCrossSection xs(*experiment.material, settings);
  const auto& src = experiment.fluence;
  const double flux = src.total();
  if (!(flux > 0.0)) throw InputError("experiment " + experiment.id + " has no flux");
  double per_molecule = 0.0;
  for (std::size_t i = 0; i < xs.isotopes().size(); ++i) {
    double folded = 0.0;
    for (const auto nu : src.species())
      folded += src.spectrum(nu)->integrate([&](double E) { return xs.isotopes()[i].total(nu, E); });
    per_molecule += xs.weight(i) * folded / flux;
  }
  return per_molecule / xs.nuclei_per_formula_unit();
}

CoherentCsi2021Fit fit_coherent_csi_2021(const std::filesystem::path& release_dir, const CoherentCsi2021Options& options,
                                         const std::string& experiment, const CevnsSettings& settings) {
  const Experiment exp = io::load_experiment(experiment);
  const auto per_bin = static_cast<std::size_t>(std::lround(options.pe_bin_width));
  const auto nk = static_cast<std::size_t>(std::lround(options.max_pe / options.pe_bin_width));
  const std::size_t nt = exp.time_edges.empty() ? 0 : exp.time_edges.size() - 1;
  const Prediction sm(exp, settings);
  if (per_bin == 0 || std::abs(options.pe_bin_width - static_cast<double>(per_bin)) > 1e-9 ||
      std::abs(options.max_pe - options.pe_bin_width * static_cast<double>(nk)) > 1e-9 || nk == 0 ||
      nk * per_bin > sm.energy_bins() || nt != 12 || sm.time_bins() != nt || exp.time_edges.front() != 0.0 ||
      std::abs(exp.time_edges.back() - 6.0 * units::us) > 1e-9 * units::us)
    throw InputError("COHERENT CsI 2021 fit: needs 1-PE bins up to max_pe (multiple of pe_bin_width) and "
                     "0-6 us in 0.5-us bins in experiment " + experiment);
  const double window_us = 6.0;

  const auto read = [&](const char* name) {
    return Table::read(release_dir / name, Table::Delimiter::whitespace, false);
  };
  CoherentCsi2021Fit fit;
  const auto on = bin_events(read("dataBeamOnC.txt"), options.pe_bin_width, nk, nt, fit.observed_total);
  const auto off = bin_events(read("dataBeamOnAC.txt"), options.pe_bin_width, nk, nt, fit.anticoincidence_total);
  // BRN / NIN: PE shape (1-PE bins from 0) times time counts (0.01-us bins) in 0.5-us bins,
  // times the timing-cut efficiency (the release's time files are before it).
  const auto time_eff = exp.time_efficiency.empty() ? std::vector<double>(nt, 1.0) : exp.time_efficiency;
  auto neutron_template = [&](const char* pe_file, const char* time_file) {
    const auto pe = rebin(read(pe_file), 0.0, options.pe_bin_width, nk);
    const auto t = rebin(read(time_file), 0.0, time_width_us, nt);
    std::vector<double> out(nk * nt);
    for (std::size_t k = 0; k < nk; ++k)
      for (std::size_t j = 0; j < nt; ++j) out[k * nt + j] = pe[k] * t[j] * time_eff[j];
    return out;
  };
  const auto brn = neutron_template("brnPE.txt", "brnTrec.txt");
  const auto nin = neutron_template("ninPE.txt", "ninTrec.txt");

  // Signal templates: SM, and the quadratic in x = sin^2 theta_W from three predictions.
  const std::size_t n = nk * nt;
  const auto sm_signal = signal_template(sm.evaluate().signal, per_bin, nk, nt);
  std::vector<std::vector<double>> quad(3, std::vector<double>(n, 0.0));  // S(x) = q0 + q1 x + q2 x^2
  const double xs[3] = {0.15, 0.25, 0.35};
  if (options.scan_sin2_theta_w) {
    std::vector<std::vector<double>> at(3);
    for (int i = 0; i < 3; ++i) {
      CevnsSettings s = settings;
      s.sin2_theta_w = xs[i];
      at[static_cast<std::size_t>(i)] = signal_template(sm.signal(s), per_bin, nk, nt);
    }
    const double h = xs[1] - xs[0];  // equal spacing: finite differences are exact for a quadratic
    for (std::size_t i = 0; i < n; ++i) {
      const double d1 = (at[2][i] - at[0][i]) / (2.0 * h), d2 = (at[2][i] - 2.0 * at[1][i] + at[0][i]) / (h * h);
      quad[2][i] = 0.5 * d2;
      quad[1][i] = d1 - d2 * xs[1];
      quad[0][i] = at[1][i] - quad[1][i] * xs[1] - quad[2][i] * xs[1] * xs[1];
    }
  }

  // Parameters: s, delta, n_B, n_N, lambda, b_k.
  const std::vector<double>* signal = &sm_signal;
  stats::Problem problem;
  problem.initial = {1.0, 0.0, 1.0, 1.0, 0.0};
  problem.lower = {0.0, -0.6, 0.0, 0.0, -0.5};
  problem.upper = {5.0, 0.6, 3.0, 3.0, 1.0};
  for (std::size_t k = 0; k < nk; ++k) {
    const double start = std::max(1.0, std::accumulate(off.begin() + static_cast<long>(k * nt),
                                                       off.begin() + static_cast<long>((k + 1) * nt), 0.0));
    problem.initial.push_back(start);
    problem.lower.push_back(0.0);
    problem.upper.push_back(3.0 * start + 10.0);
  }
  const double prior = options.steady_state_prior;
  std::vector<double> ac_projection(nk, 0.0);
  for (std::size_t i = 0; i < n; ++i) ac_projection[i / nt] += off[i];
  problem.initial.push_back(1.0);
  problem.lower.push_back(0.5);
  problem.upper.push_back(1.5);
  problem.objective = [&](std::span<const double> p) {
    const double pull_d = options.signal_uncertainty > 0.0 ? p[1] / options.signal_uncertainty : 0.0;
    const double pull_b = (p[2] - 1.0) / brn_width, pull_n = (p[3] - 1.0) / nin_width;
    std::vector<double> shape(nt), mu_on(n), mu_off(n);
    for (std::size_t t = 0; t < nt; ++t)
      shape[t] = exponential_fraction(p[4], time_width_us * static_cast<double>(t),
                                      time_width_us * static_cast<double>(t + 1), window_us);
    const double ss_pull = prior > 0.0 ? (p[5 + nk] - 1.0) / prior : 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      mu_off[i] = (prior > 0.0 ? p[5 + nk] * ac_projection[i / nt] : p[5 + i / nt]) * shape[i % nt];
      mu_on[i] = p[0] * (1.0 + p[1]) * (*signal)[i] + p[2] * brn[i] + p[3] * nin[i] + mu_off[i];
    }
    return stats::poisson_deviance(mu_on, on) + (prior > 0.0 ? 0.0 : stats::poisson_deviance(mu_off, off)) +
           pull_d * pull_d + pull_b * pull_b + pull_n * pull_n + ss_pull * ss_pull;
  };
  std::vector<std::optional<double>> fixed(problem.initial.size());
  fixed[1] = 0.0;  // delta is degenerate with a free s
  if (!options.exponential_steady_state) fixed[4] = 0.0;
  if (prior > 0.0)
    for (std::size_t k = 0; k < nk; ++k) fixed[5 + k] = problem.initial[5 + k];
  else
    fixed[5 + nk] = 1.0;
  // PE bins without a C or AC event (below the ~6-PE threshold): steady state at its bound, 0.
  for (std::size_t k = 0; k < nk; ++k) {
    double events = 0.0;
    for (std::size_t t = 0; t < nt; ++t) events += on[k * nt + t] + off[k * nt + t];
    if (events == 0.0) {
      fixed[5 + k] = 0.0;
      problem.initial[5 + k] = 0.0;
    }
  }
  stats::FitOptions fo;
  fo.max_evaluations = 200000;
  const auto best = stats::minimize(problem, fo, fixed);
  fo.covariance = false;
  auto null_fixed = fixed;
  null_fixed[0] = 0.0;
  const auto null_fit = stats::minimize(problem, fo, null_fixed);

  fit.predicted_events = std::accumulate(sm_signal.begin(), sm_signal.end(), 0.0);
  fit.fitted_events = best.values[0] * fit.predicted_events;
  fit.fitted_events_error = best.errors[0] * fit.predicted_events;
  fit.significance_sigma = std::sqrt(std::max(0.0, null_fit.minimum - best.minimum));
  fit.brn_events = best.values[2] * std::accumulate(brn.begin(), brn.end(), 0.0);
  fit.nin_events = best.values[3] * std::accumulate(nin.begin(), nin.end(), 0.0);
  for (std::size_t k = 0; k < nk; ++k)
    fit.steady_state_events += prior > 0.0 ? best.values[5 + nk] * ac_projection[k] : best.values[5 + k];
  fit.steady_state_slope_per_us = best.values[4];
  fit.deviance = best.minimum;
  fit.bins = n;
  fit.observed_in_window = std::accumulate(on.begin(), on.end(), 0.0);
  fit.anticoincidence_in_window = std::accumulate(off.begin(), off.end(), 0.0);
  fit.sm_flux_averaged_cm2 = flux_averaged_cross_section(exp, settings) / units::cm2;
  fit.measured_flux_averaged_cm2 = best.values[0] * fit.sm_flux_averaged_cm2;
  fit.measured_flux_averaged_error_cm2 =
      fit.sm_flux_averaged_cm2 * std::hypot(best.errors[0], best.values[0] * options.signal_uncertainty);
  if (!options.scan_sin2_theta_w) return fit;

  // Profile over x with s = 1 and delta free (warm starts along the grid).
  std::vector<double> grid, chi2;
  std::vector<double> s_of_x(n);
  signal = &s_of_x;
  auto scan_fixed = fixed;
  scan_fixed[0] = 1.0;
  scan_fixed[1].reset();
  std::vector<double> start = best.values;
  start[0] = 1.0;
  for (double x = options.sin2_min; x <= options.sin2_max + 1e-12; x += options.sin2_step) {
    for (std::size_t i = 0; i < n; ++i) s_of_x[i] = std::max(0.0, quad[0][i] + x * (quad[1][i] + x * quad[2][i]));
    problem.initial = start;
    const auto r = stats::minimize(problem, fo, scan_fixed);
    start = r.values;
    grid.push_back(x);
    chi2.push_back(r.minimum);
  }
  const auto m = static_cast<std::size_t>(std::min_element(chi2.begin(), chi2.end()) - chi2.begin());
  if (m == 0 || m + 1 == grid.size())
    throw NumericalError("COHERENT CsI 2021: sin^2 theta_W profile minimum at the edge of the scan");
  // Parabola through the three points around the grid minimum.
  const double a = chi2[m - 1], b = chi2[m], c = chi2[m + 1], h = options.sin2_step;
  const double curvature = (a - 2.0 * b + c) / (h * h), slope = (c - a) / (2.0 * h);
  fit.sin2_theta_w = grid[m] - slope / curvature;
  const double chi2_min = b - 0.5 * slope * slope / curvature;
  auto crossing = [&](long step) {
    for (auto i = static_cast<long>(m); i + step >= 0 && i + step < static_cast<long>(grid.size()); i += step) {
      const auto j = static_cast<std::size_t>(i + step), k = static_cast<std::size_t>(i);
      if (chi2[j] - chi2_min >= 1.0)
        return grid[k] + (grid[j] - grid[k]) * (1.0 + chi2_min - chi2[k]) / (chi2[j] - chi2[k]);
    }
    throw NumericalError("COHERENT CsI 2021: sin^2 theta_W 1-sigma crossing outside the scan");
  };
  fit.sin2_theta_w_lower = crossing(-1);
  fit.sin2_theta_w_upper = crossing(+1);
  return fit;
}

}  // namespace cevns::analysis
