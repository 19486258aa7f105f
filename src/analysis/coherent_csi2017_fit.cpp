#include "cevns/analysis/coherent_csi2017_fit.hpp"

#include <cmath>
#include <numeric>

#include "cevns/core/error.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/io/text_table.hpp"
#include "cevns/rates/prediction.hpp"
#include "cevns/stats/asymptotics.hpp"
#include "cevns/stats/binned_likelihood.hpp"
#include "cevns/stats/fit.hpp"

namespace cevns::analysis {
namespace {

constexpr std::size_t energy_bins = 25;  // 2-PE bins, 0-50 PE
constexpr std::size_t time_bins = 24;    // 0.5-us bins, 0-12 us
constexpr double exposure_GWhr = 7.47594;  // release: beamExposure
constexpr std::size_t first_fit_bin = 3;   // 6 PE

// counts[k * time_bins + t] from a release data file (PE centre, time centre, counts).
std::vector<double> read_counts(const std::filesystem::path& file) {
  const auto table = io::TextTable::read(file, io::TextTable::Delimiter::comma, false);
  std::vector<double> counts(energy_bins * time_bins, 0.0);
  for (std::size_t r = 0; r < table.rows().size(); ++r) {
    const double pe = table.number(r, 0), t = table.number(r, 1);
    const auto k = static_cast<long>(std::floor(pe / 2.0)), j = static_cast<long>(std::floor(t / 0.5));
    if (k < 0 || k >= static_cast<long>(energy_bins) || j < 0 || j >= static_cast<long>(time_bins))
      throw ConfigError(table.where(r) + ": bin outside 0-50 PE x 0-12 us");
    counts[static_cast<std::size_t>(k) * time_bins + static_cast<std::size_t>(j)] += table.number(r, 2);
  }
  return counts;
}

std::vector<double> read_time_pdf(const std::filesystem::path& file) {
  const auto table = io::TextTable::read(file, io::TextTable::Delimiter::comma, false);
  if (table.rows().size() != time_bins) throw ConfigError(file.string() + ": expected 24 time bins");
  return table.numeric_column(1);
}

// The release's acceptance at the centre of 1-PE bin n (x = n + 0.5), with the 5-PE step.
double acceptance(double x) {
  if (x < 5.0) return 0.0;
  const double f = 0.6655 / (1.0 + std::exp(-0.4942 * (x - 10.8507)));
  return x < 6.0 ? 0.5 * f : f;
}

}  // namespace

CoherentCsi2017Fit fit_coherent_csi_2017(const std::filesystem::path& release_dir, const std::string& experiment,
                                         const CevnsSettings& settings) {
  const auto observed = read_counts(release_dir / "data_coincidence_beamOn.txt");
  const auto anticoincidence = read_counts(release_dir / "data_anticoincidence_beamOn.txt");
  const auto neutron_time = read_time_pdf(release_dir / "arrivalTimePDF_promptNeutrons.txt");

  // Signal: the catalog experiment's energy spectrum per species (1-PE bins, rebinned to 2 PE),
  // times the release's arrival-time PDF of that species (prompt for numu, delayed for nue and
  // numubar): the release's time axis starts ~0.5 us before the beam pulse, so its PDFs, not the
  // POT-trace model, fix where CEvNS lands in time.
  const auto prompt_time = read_time_pdf(release_dir / "arrivalTimePDF_promptNeutrinos.txt");
  const auto delayed_time = read_time_pdf(release_dir / "arrivalTimePDF_delayedNeutrinos.txt");
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

  // Prompt neutrons: flat in PE over 0-50 before acceptance, release time PDF.
  std::vector<double> neutrons(energy_bins * time_bins, 0.0);
  for (std::size_t k = 0; k < energy_bins; ++k) {
    const double first_pe = 2.0 * static_cast<double>(k);
    const double energy_weight = (acceptance(first_pe + 0.5) + acceptance(first_pe + 1.5)) / 50.0;
    for (std::size_t t = 0; t < time_bins; ++t)
      neutrons[k * time_bins + t] = exposure_GWhr * energy_weight * neutron_time[t];
  }

  const double anti_total = std::accumulate(anticoincidence.begin(), anticoincidence.end(), 0.0);
  // Fit range: 6-50 PE. Below 6 PE the acceptance is zero or halved and the release's data there
  // (a few events in 0-2 PE with none in anti-coincidence) carry no CEvNS information.
  const std::size_t first = first_fit_bin * time_bins;
  const std::size_t fit_energy_bins = energy_bins - first_fit_bin;
  const std::size_t n = signal.size() - first;
  // Joint likelihood of the coincidence (C) and anti-coincidence (AC) beam-on data: the
  // steady-state rate in each energy bin is a free parameter b_k, flat in time, seen by both
  // windows (same length). Fitting it to AC together with C carries the AC statistical
  // uncertainty into the CEvNS result, as the release's analysis does.
  std::vector<double> fitted_data(observed.begin() + static_cast<long>(first), observed.end());
  fitted_data.insert(fitted_data.end(), anticoincidence.begin() + static_cast<long>(first), anticoincidence.end());
  auto model = [&](std::span<const double> p) {
    std::vector<double> mu(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t bin = first + i;
      const double steady_rate = p[2 + i / time_bins] / static_cast<double>(time_bins);
      mu[i] = p[0] * signal[bin] + steady_rate + p[1] * neutrons[bin];
      mu[n + i] = steady_rate;
    }
    return mu;
  };
  std::vector<stats::Parameter> parameters{
      {"signal_scale", 1.0, 0.0, 5.0, stats::Constraint::none, 0.0, 0.0},
      {"prompt_neutron_scale", 1.0, 0.0, 3.0, stats::Constraint::gaussian, 1.0, 0.25}};
  for (std::size_t k = 0; k < fit_energy_bins; ++k) {
    double projection = 0.0;
    for (std::size_t t = 0; t < time_bins; ++t) projection += anticoincidence[first + k * time_bins + t];
    const double start = std::max(projection, 1.0);
    parameters.push_back({"steady_state_" + std::to_string(k), start, 0.0, 3.0 * start + 10.0,
                          stats::Constraint::none, 0.0, 0.0});
  }
  const stats::BinnedLikelihood likelihood(model, parameters, fitted_data);
  stats::FitOptions options;
  options.max_evaluations = 200000;
  const auto q0 = stats::discovery_q0(likelihood, 0, 0.0, options);
  const auto& best = q0.free_fit;
  double fitted_steady = 0.0;
  for (std::size_t k = 0; k < fit_energy_bins; ++k) fitted_steady += best.values[2 + k];
  double observed_steady = 0.0;
  for (std::size_t i = first; i < anticoincidence.size(); ++i) observed_steady += anticoincidence[i];

  CoherentCsi2017Fit fit;
  fit.predicted_events = std::accumulate(signal.begin() + static_cast<long>(first), signal.end(), 0.0);
  fit.fitted_events = best.values[0] * fit.predicted_events;
  fit.fitted_events_error = best.errors[0] * fit.predicted_events;
  fit.significance_sigma = q0.significance;
  fit.steady_state_scale = fitted_steady / observed_steady;
  fit.prompt_neutron_scale = best.values[1];
  fit.prompt_neutron_events =
      best.values[1] * std::accumulate(neutrons.begin() + static_cast<long>(first), neutrons.end(), 0.0);
  fit.deviance = best.minimum;
  fit.bins = n;
  fit.observed_total = std::accumulate(observed.begin(), observed.end(), 0.0);
  fit.anticoincidence_total = anti_total;
  return fit;
}

}  // namespace cevns::analysis
