#include "cevns/analysis/reactor_monitoring.hpp"

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/rates/prediction.hpp"
#include "cevns/stats/toys.hpp"

namespace cevns {
namespace {

void validate(const ReactorMonitorSetup& s) {
  auto positive = [](double v, const char* what) {
    if (!(v > 0.0) || !std::isfinite(v)) throw InputError(std::string("reactor monitor: ") + what + " must be positive");
  };
  positive(s.power_MW, "power_MW");
  positive(s.distance_m, "distance_m");
  positive(s.mass_kg, "mass_kg");
  positive(s.exposure_days, "exposure_days");
  positive(s.threshold_eV, "threshold_eV");
  if (!(s.max_recoil_eV > s.threshold_eV)) throw InputError("reactor monitor: max_recoil_eV must exceed threshold_eV");
  if (s.recoil_bins < 1) throw InputError("reactor monitor: recoil_bins must be >= 1");
  if (!(s.background_ckkd >= 0.0) || !std::isfinite(s.background_ckkd))
    throw InputError("reactor monitor: background_ckkd must be >= 0");
  double sum = 0.0;
  for (const double f : s.fission_fractions) {
    if (!(f >= 0.0 && f <= 1.0)) throw InputError("reactor monitor: fission fractions must lie in [0, 1]");
    sum += f;
  }
  if (std::abs(sum - 1.0) > 1e-6) throw InputError("reactor monitor: fission fractions must sum to 1");
  for (const double w : {s.power_uncertainty, s.f238_uncertainty, s.f241_uncertainty, s.background_uncertainty})
    if (!(w == 0.0 || w >= 1e-6))
      throw InputError(fmt::format("reactor monitor: prior widths must be 0 (fixed), >= 1e-6 (relative) or inf "
                                   "(free), got {:g}",
                                   w));
}

// A prior of width w: fixed (w = 0), free (w = inf) or Gaussian.
stats::Parameter parameter(const std::string& name, double centre, double width, double lo, double hi) {
  stats::Parameter p{name, centre, lo, hi};
  if (width > 0.0 && std::isfinite(width)) {
    p.constraint = stats::Constraint::gaussian;
    p.center = centre;
    p.width = width;
  }
  return p;
}

std::vector<std::optional<double>> fixed_of(const ReactorMonitorSetup& s, const CoreState& d) {
  std::vector<std::optional<double>> fixed(5);
  if (s.power_uncertainty == 0.0) fixed[MonitorIndex::power] = d.power_scale;
  if (s.f238_uncertainty == 0.0) fixed[MonitorIndex::f238] = d.fractions[1];
  if (s.f241_uncertainty == 0.0) fixed[MonitorIndex::f241] = d.fractions[3];
  if (s.background_uncertainty == 0.0) fixed[MonitorIndex::background] = d.background_scale;
  return fixed;
}

CoreState state_of(std::span<const double> v) {
  CoreState s;
  s.power_scale = v[MonitorIndex::power];
  s.fractions = {1.0 - v[MonitorIndex::f239] - v[MonitorIndex::f238] - v[MonitorIndex::f241], v[MonitorIndex::f238],
                 v[MonitorIndex::f239], v[MonitorIndex::f241]};
  s.background_scale = v[MonitorIndex::background];
  return s;
}

}  // namespace

ReactorMonitor::ReactorMonitor(const ReactorMonitorSetup& setup, const ReactorSpectrumModel& model,
                               const Material& target)
    : setup_(setup) {
  validate(setup_);
  const std::size_t K = setup_.recoil_bins;
  const double ratio = std::log(setup_.max_recoil_eV / setup_.threshold_eV);
  for (std::size_t k = 0; k <= K; ++k)
    recoil_edges_eV_.push_back(setup_.threshold_eV * std::exp(ratio * static_cast<double>(k) / static_cast<double>(K)));
  // Counts per fission (per capture): fluence = spectrum per fission / 4 pi L^2.
  auto counts = [&](const Spectrum& per_event) {
    Experiment x;
    x.id = "reactor-monitor";
    x.material = target;
    x.mass_kg = setup_.mass_kg;
    x.fluence.add(Neutrino{Flavour::e, true}, per_event.scaled(inverse_square(setup_.distance_m * units::m)));
    x.response.observable = Observable::keVnr;
    for (const double t : recoil_edges_eV_) x.response.bin_edges.push_back(t * 1e-3);
    return Prediction(x).evaluate().signal;
  };
  for (const auto i : all_fission_isotopes)
    per_fission_[static_cast<std::size_t>(i)] = counts(fission_isotope_spectrum(model, i));
  per_capture_ = counts(capture_chain_spectrum());
  for (std::size_t k = 0; k < K; ++k)
    background_.push_back(setup_.background_ckkd * (recoil_edges_eV_[k + 1] - recoil_edges_eV_[k]) * 1e-3 *
                          setup_.mass_kg * setup_.exposure_days);
  for (std::size_t i = 0; i < 4; ++i) energy_per_fission_[i] = ma2013_energy_per_fission_MeV[i] * units::MeV;
}

CoreState ReactorMonitor::declared() const {
  CoreState s;
  s.fractions = setup_.fission_fractions;
  return s;
}

double ReactorMonitor::fissions(const CoreState& s) const {
  double e = 0.0;
  for (std::size_t i = 0; i < 4; ++i) e += s.fractions[i] * energy_per_fission_[i];
  const double power = s.power_scale * setup_.power_MW * 1e6 / constants::electron_volt_J * units::eV / units::s;
  return power * setup_.exposure_days * units::day / e;
}

std::vector<double> ReactorMonitor::signal(const CoreState& s) const {
  const double n = fissions(s);
  std::vector<double> out(per_capture_.size());
  for (std::size_t k = 0; k < out.size(); ++k) {
    double v = setup_.captures_per_fission * per_capture_[k];
    for (std::size_t i = 0; i < 4; ++i) v += s.fractions[i] * per_fission_[i][k];
    out[k] = n * v;
  }
  return out;
}

std::vector<double> ReactorMonitor::expected(const CoreState& s) const {
  auto out = signal(s);
  for (std::size_t k = 0; k < out.size(); ++k) out[k] += s.background_scale * background_[k];
  return out;
}

stats::BinnedLikelihood ReactorMonitor::likelihood(std::vector<double> observed) const {
  const auto d = declared();
  const auto& s = setup_;
  std::vector<stats::Parameter> params{
      parameter("power_scale", 1.0, s.power_uncertainty, 0.0, 10.0),
      parameter("f239", d.fractions[2], std::numeric_limits<double>::infinity(), 0.0, 1.0),
      parameter("f238", d.fractions[1], s.f238_uncertainty, 0.0, 1.0),
      parameter("f241", d.fractions[3], s.f241_uncertainty, 0.0, 1.0),
      parameter("background_scale", 1.0, s.background_uncertainty, 0.0, 10.0)};
  auto model = [this](std::span<const double> v) {
    const auto state = state_of(v);
    if (state.fractions[0] < 0.0) return std::vector<double>(per_capture_.size(), -1.0);  // sum f = 1 violated
    return expected(state);
  };
  return stats::BinnedLikelihood(model, std::move(params), std::move(observed));
}

MonitorFit ReactorMonitor::fit(const std::vector<double>& observed, const stats::FitOptions& options) const {
  const auto like = likelihood(observed);
  const auto r = stats::minimize(like, options, fixed_of(setup_, declared()));
  MonitorFit f;
  f.best = state_of(r.values);
  for (std::size_t i = 0; i < 5 && i < r.errors.size(); ++i) f.errors[i] = r.errors[i];
  f.minimum = r.minimum;
  f.covariance_ok = r.covariance_ok;
  return f;
}

std::vector<double> ReactorMonitor::toy_f239(const CoreState& truth, std::size_t toys, std::uint64_t seed) const {
  const auto base = likelihood(expected(truth));
  const std::vector<double> t{truth.power_scale, truth.fractions[2], truth.fractions[1], truth.fractions[3],
                              truth.background_scale};
  stats::FitOptions options;
  options.covariance = false;
  const auto fixed = fixed_of(setup_, declared());
  return stats::toy_distribution(base, t, toys, seed, [&](const stats::BinnedLikelihood& l) {
    return stats::minimize(l, options, fixed).values[MonitorIndex::f239];
  });
}

CoreState ReactorMonitor::pu_removed(double delta) const {
  auto s = declared();
  if (!(delta >= 0.0) || delta > s.fractions[2])
    throw InputError("reactor monitor: the removed 239Pu fission fraction must lie in [0, " +
                     std::to_string(s.fractions[2]) + "], got " + std::to_string(delta));
  s.fractions[2] -= delta;
  s.fractions[0] += delta;
  return s;
}

PuRemoval ReactorMonitor::pu_removal(double delta) const {
  const auto actual = pu_removed(delta);
  const auto like = likelihood(expected(actual));
  auto fixed = fixed_of(setup_, declared());
  stats::FitOptions options;
  options.covariance = false;
  auto start = like.initial_values();
  start[MonitorIndex::f239] = actual.fractions[2];
  stats::Problem free_problem{[&](std::span<const double> v) { return like(v); }, start, {}, {}, {}};
  for (const auto& p : like.parameters()) {
    free_problem.lower.push_back(p.lower);
    free_problem.upper.push_back(p.upper);
  }
  const auto free_fit = stats::minimize(free_problem, options, fixed);
  fixed[MonitorIndex::f239] = declared().fractions[2];
  const auto null_fit = stats::minimize(like, options, fixed);
  PuRemoval r;
  r.delta_f239 = delta;
  r.delta_chi2 = std::max(0.0, null_fit.minimum - free_fit.minimum);
  r.significance = std::sqrt(r.delta_chi2);
  for (const double v : signal(declared())) r.signal_counts_declared += v;
  for (const double v : signal(actual)) r.signal_counts_actual += v;
  for (const double v : background_) r.background_counts += v;
  return r;
}

}  // namespace cevns
