#include "cevns/analysis/coherent_csi2017_fit.hpp"

#include <cmath>
#include <numeric>
#include <optional>

#include "cevns/core/error.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/io/text_table.hpp"
#include "cevns/rates/prediction.hpp"
#include "cevns/stats/binned_likelihood.hpp"
#include "cevns/stats/fit.hpp"

#include "coherent_release_common.hpp"

namespace cevns::analysis {
namespace {

constexpr std::size_t energy_bins = 25;    // 2-PE bins, 0-50 PE
constexpr std::size_t time_bins = 24;      // 0.5-us bins, 0-12 us
using coherent_release::exponential_fraction;
using coherent_release::time_width_us;
constexpr double exposure_GWhr = 7.47594;  // release: beamExposure
constexpr double neutron_norm_width = 0.25;  // release: promptNeutronNormalization

// counts[k * time_bins + t] from a release data file (PE centre, time centre, counts); the
// beam-off files carry a header line, the beam-on files (as copied) none.
std::vector<double> read_counts(const std::filesystem::path& file, bool has_header = false) {
  const auto table = io::TextTable::read(file, io::TextTable::Delimiter::comma, has_header);
  std::vector<double> counts(energy_bins * time_bins, 0.0);
  for (std::size_t r = 0; r < table.rows().size(); ++r) {
    const double pe = table.number(r, 0), t = table.number(r, 1);
    const auto k = static_cast<long>(std::floor(pe / 2.0)), j = static_cast<long>(std::floor(t / time_width_us));
    if (k < 0 || k >= static_cast<long>(energy_bins) || j < 0 || j >= static_cast<long>(time_bins))
      throw ConfigError(table.where(r) + ": bin outside 0-50 PE x 0-12 us");
    counts[static_cast<std::size_t>(k) * time_bins + static_cast<std::size_t>(j)] += table.number(r, 2);
  }
  return counts;
}

std::vector<double> read_column(const std::filesystem::path& file, std::size_t rows) {
  const auto table = io::TextTable::read(file, io::TextTable::Delimiter::comma, false);
  if (table.rows().size() != rows)
    throw ConfigError(file.string() + ": expected " + std::to_string(rows) + " rows");
  return table.numeric_column(1);
}

// The release's acceptance at the centre x of a 1-PE bin, with the 5-PE step.
double acceptance(double x) {
  if (x < 5.0) return 0.0;
  const double f = 0.6655 / (1.0 + std::exp(-0.4942 * (x - 10.8507)));
  return x < 6.0 ? 0.5 * f : f;
}

// -2 ln L of one bin pair (C = c, AC = a) at signal-like mu_s with the steady state b profiled:
// d/db [Poisson(c|mu_s+b) Poisson(a|b)] = 0  =>  2 b^2 + (2 mu_s - c - a) b - a mu_s = 0.
double profiled_on_off(double mu_s, double c, double a) {
  const double p = 2.0 * mu_s - c - a;
  const double b = a > 0.0 ? (-p + std::sqrt(p * p + 8.0 * a * mu_s)) / 4.0 : std::max(0.0, -p / 2.0);
  const double on = mu_s + b;
  auto term = [](double mu, double n) {
    if (n <= 0.0) return 2.0 * mu;
    if (mu <= 0.0) return stats::impossible_deviance;
    return 2.0 * (mu - n + n * std::log(n / mu));
  };
  return term(on, c) + term(b, a);
}

}  // namespace

CoherentCsi2017Fit fit_coherent_csi_2017(const std::filesystem::path& release_dir, const CoherentCsi2017Options& options,
                                         const std::string& experiment, const CevnsSettings& settings) {
  const auto first_k = static_cast<std::size_t>(std::lround(options.min_pe / 2.0));
  const auto last_k = static_cast<std::size_t>(std::lround(options.max_pe / 2.0));
  const auto last_t = static_cast<std::size_t>(std::lround(options.max_time_us / time_width_us));
  if (first_k >= last_k || last_k > energy_bins || last_t == 0 || last_t > time_bins ||
      std::abs(options.min_pe - 2.0 * static_cast<double>(first_k)) > 1e-9 ||
      std::abs(options.max_pe - 2.0 * static_cast<double>(last_k)) > 1e-9 ||
      std::abs(options.max_time_us - time_width_us * static_cast<double>(last_t)) > 1e-9)
    throw InputError("COHERENT CsI 2017 fit window must be 2-PE multiples in 0-50 PE and 0.5-us multiples in 0-12 us");

  const auto observed = read_counts(release_dir / "data_coincidence_beamOn.txt");
  const auto anticoincidence = read_counts(release_dir / "data_anticoincidence_beamOn.txt");
  // Beam-off C and AC: steady state only; with options.beam_off_slope their time projections in the
  // window share lambda (one normalisation each).
  std::vector<std::vector<double>> beam_off_time;
  if (options.beam_off_slope)
    for (const char* name : {"data_coincidence_beamOff.txt", "data_anticoincidence_beamOff.txt"}) {
      const auto counts = read_counts(release_dir / name, true);
      std::vector<double> projection(last_t, 0.0);
      for (std::size_t k = first_k; k < last_k; ++k)
        for (std::size_t t = 0; t < last_t; ++t) projection[t] += counts[k * time_bins + t];
      beam_off_time.push_back(std::move(projection));
    }
  const auto neutron_time = read_column(release_dir / "arrivalTimePDF_promptNeutrons.txt", time_bins);
  const auto prompt_time = read_column(release_dir / "arrivalTimePDF_promptNeutrinos.txt", time_bins);
  const auto delayed_time = read_column(release_dir / "arrivalTimePDF_delayedNeutrinos.txt", time_bins);

  // Signal: the catalog experiment's energy spectrum per species (1-PE bins, rebinned to 2 PE),
  // times the release's arrival-time PDF of that species (prompt for numu, delayed for nue and
  // numubar): the release's time axis starts ~0.5 us before the beam pulse, so its PDFs, not the
  // POT-trace model, fix where CEvNS lands in time.
  const Prediction prediction(io::load_experiment(experiment), settings);
  if (prediction.time_bins() != time_bins || prediction.energy_bins() != 2 * energy_bins)
    throw InputError("experiment " + experiment + " must have 50 1-PE bins x 24 time bins");
  std::vector<double> signal(energy_bins * time_bins, 0.0);
  const auto& species = prediction.species();
  for (std::size_t a = 0; a < species.size(); ++a) {
    PredictionScales only;
    only.species.assign(species.size(), 0.0);
    only.species[a] = 1.0;
    const auto r = prediction.evaluate(only);
    const bool prompt = species[a].flavour == Flavour::mu && !species[a].anti;
    const auto& time_pdf = prompt ? prompt_time : delayed_time;
    for (std::size_t e = 0; e < 2 * energy_bins; ++e) {
      double energy_counts = 0.0;
      for (std::size_t t = 0; t < time_bins; ++t) energy_counts += r.signal[e * time_bins + t];
      for (std::size_t t = 0; t < time_bins; ++t) signal[(e / 2) * time_bins + t] += energy_counts * time_pdf[t];
    }
  }

  // Prompt neutrons: the release's PE spectrum (counts per GW hr in 1-PE bins, before the
  // acceptance) or, as a variant, a flat spectrum of 1 count per GW hr over 0-50 PE.
  std::vector<double> neutron_pe(2 * energy_bins, 1.0 / static_cast<double>(2 * energy_bins));
  if (options.release_neutron_spectrum) neutron_pe = read_column(release_dir / "promptPDF.txt", 2 * energy_bins);
  std::vector<double> neutrons(energy_bins * time_bins, 0.0);
  for (std::size_t k = 0; k < energy_bins; ++k) {
    const double x = 2.0 * static_cast<double>(k) + 0.5;
    const double energy_counts = neutron_pe[2 * k] * acceptance(x) + neutron_pe[2 * k + 1] * acceptance(x + 1.0);
    for (std::size_t t = 0; t < time_bins; ++t)
      neutrons[k * time_bins + t] = exposure_GWhr * energy_counts * neutron_time[t];
  }

  // The fit window, flattened [k * nt + t].
  const std::size_t nk = last_k - first_k, nt = last_t, n = nk * nt;
  std::vector<double> sig(n), neu(n), on(n), off(n);
  for (std::size_t k = 0; k < nk; ++k)
    for (std::size_t t = 0; t < nt; ++t) {
      const std::size_t src = (first_k + k) * time_bins + t, dst = k * nt + t;
      sig[dst] = signal[src];
      neu[dst] = neutrons[src];
      on[dst] = observed[src];
      off[dst] = anticoincidence[src];
    }
  const double window_us = options.max_time_us;
  const bool per_bin = options.steady_state == SteadyStateTime::per_bin;

  // Parameters: s, n, lambda (1/us), then b_k (steady state per energy bin in the window).
  stats::Problem problem;
  problem.initial = {1.0, 1.0, 0.0};
  problem.lower = {0.0, 0.0, -0.5};
  problem.upper = {5.0, 3.0, 1.0};
  if (!per_bin)
    for (std::size_t k = 0; k < nk; ++k) {
      double projection = 0.0;
      for (std::size_t t = 0; t < nt; ++t) projection += off[k * nt + t];
      const double start = std::max(projection, 1.0);
      problem.initial.push_back(start);
      problem.lower.push_back(0.0);
      problem.upper.push_back(3.0 * start + 10.0);
    }
  problem.objective = [&](std::span<const double> p) {
    const double neutron_pull = (p[1] - 1.0) / neutron_norm_width;
    double total = neutron_pull * neutron_pull;
    std::vector<double> shape(nt);
    for (std::size_t t = 0; t < nt; ++t)
      shape[t] = exponential_fraction(p[2], time_width_us * static_cast<double>(t),
                                      time_width_us * static_cast<double>(t + 1), window_us);
    std::vector<double> mu_on(n), mu_off(n);
    for (std::size_t i = 0; i < n; ++i) {
      const double mu_s = p[0] * sig[i] + p[1] * neu[i];
      if (per_bin) {
        total += profiled_on_off(mu_s, on[i], off[i]);
        continue;
      }
      const double steady = p[3 + i / nt] * shape[i % nt];
      mu_on[i] = mu_s + steady;
      mu_off[i] = steady;
    }
    if (!per_bin) total += stats::poisson_deviance(mu_on, on) + stats::poisson_deviance(mu_off, off);
    for (std::size_t j = 0; j < beam_off_time.size(); ++j) {
      std::vector<double> mu(nt);
      for (std::size_t t = 0; t < nt; ++t) mu[t] = p[3 + (per_bin ? 0 : nk) + j] * shape[t];
      total += stats::poisson_deviance(mu, beam_off_time[j]);
    }
    return total;
  };
  for (const auto& projection : beam_off_time) {
    const double start = std::max(1.0, std::accumulate(projection.begin(), projection.end(), 0.0));
    problem.initial.push_back(start);
    problem.lower.push_back(0.0);
    problem.upper.push_back(3.0 * start + 10.0);
  }
  std::vector<std::optional<double>> fixed(problem.initial.size());
  if (options.steady_state != SteadyStateTime::exponential) fixed[2] = 0.0;
  // per_bin: lambda only matters for the beam-off projections, so it is free there.
  if (per_bin && options.beam_off_slope) fixed[2].reset();
  stats::FitOptions fit_options;
  fit_options.max_evaluations = 200000;
  const auto best = stats::minimize(problem, fit_options, fixed);
  auto null_fixed = fixed;
  null_fixed[0] = 0.0;
  fit_options.covariance = false;
  const auto null_fit = stats::minimize(problem, fit_options, null_fixed);

  CoherentCsi2017Fit fit;
  fit.predicted_events = std::accumulate(sig.begin(), sig.end(), 0.0);
  fit.fitted_events = best.values[0] * fit.predicted_events;
  fit.fitted_events_error = best.errors[0] * fit.predicted_events;
  fit.significance_sigma = std::sqrt(std::max(0.0, null_fit.minimum - best.minimum));
  fit.steady_state_slope_per_us = best.values[2];
  fit.prompt_neutron_scale = best.values[1];
  fit.prompt_neutron_events = best.values[1] * std::accumulate(neu.begin(), neu.end(), 0.0);
  fit.observed_in_window = std::accumulate(on.begin(), on.end(), 0.0);
  fit.anticoincidence_in_window = std::accumulate(off.begin(), off.end(), 0.0);
  if (per_bin) {
    fit.steady_state_events = fit.observed_in_window - fit.fitted_events - fit.prompt_neutron_events;
  } else {
    for (std::size_t k = 0; k < nk; ++k) fit.steady_state_events += best.values[3 + k];
  }
  fit.deviance = best.minimum;
  fit.bins = n;
  fit.observed_total = std::accumulate(observed.begin(), observed.end(), 0.0);
  fit.anticoincidence_total = std::accumulate(anticoincidence.begin(), anticoincidence.end(), 0.0);
  return fit;
}

}  // namespace cevns::analysis
