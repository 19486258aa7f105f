#include "cevns/rates/prediction.hpp"

#include <algorithm>
#include <numeric>

#include "cevns/core/error.hpp"

namespace cevns {
namespace {

std::vector<double> breakpoints_for(const Experiment& e, const MaterialCrossSection& xs) {
  double emax = 0.0;
  for (const auto nu : e.fluence.species()) {
    const Spectrum& s = *e.fluence.spectrum(nu);
    emax = std::max(emax, s.max_energy());
    for (const auto& l : s.lines()) emax = std::max(emax, l.energy);
  }
  double tmax = 0.0;
  for (const auto& iso : xs.isotopes()) tmax = std::max(tmax, iso.max_recoil(emax));
  return e.response.recoil_breakpoints(tmax);
}

MaterialCrossSection make_xs(const Experiment& e, const CevnsSettings& settings) {
  if (!e.material) throw InputError("experiment '" + e.id + "' has no target material");
  return MaterialCrossSection(*e.material, settings);
}

}  // namespace

Prediction::Prediction(const Experiment& e, const CevnsSettings& settings)
    : mass_kg_(e.mass_kg),
      xs_(make_xs(e, settings)),
      kernel_(xs_, e.fluence, breakpoints_for(e, xs_)),
      response_(e.response.response_matrix(kernel_.nodes())) {
  if (!(mass_kg_ > 0.0)) throw InputError("experiment '" + e.id + "': mass must be positive");
  energy_bins_ = response_.bins;
  const bool timed = e.pulsed && e.time_edges.size() >= 2;
  time_bins_ = timed ? e.time_edges.size() - 1 : 1;
  const auto& sp = kernel_.species();
  const std::size_t ni = kernel_.isotopes(), ns = sp.size(), nn = kernel_.nodes().size();
  for (const auto nu : sp) {
    std::vector<double> f(time_bins_, 1.0);
    if (timed)
      for (std::size_t t = 0; t < time_bins_; ++t)
        f[t] = e.timing.fraction(nu, e.time_edges[t], e.time_edges[t + 1]) *
               (e.time_efficiency.empty() ? 1.0 : e.time_efficiency[t]);
    species_time_.push_back(std::move(f));
  }
  species_templates_.assign(ns, std::vector<double>(energy_bins_, 0.0));
  isotope_species_.assign(ni * ns, std::vector<double>(energy_bins_, 0.0));
  std::vector<double> v(nn);
  for (std::size_t i = 0; i < ni; ++i)
    for (std::size_t s = 0; s < ns; ++s) {
      const auto c = kernel_.cells(i, s);
      for (std::size_t j = 0; j < nn; ++j) v[j] = mass_kg_ * c[j];
      auto& out = isotope_species_[i * ns + s];
      response_.apply(v, out);
      for (std::size_t k = 0; k < energy_bins_; ++k) species_templates_[s][k] += out[k];
    }
  for (const auto& b : e.backgrounds) {
    const auto energy = b.binned_counts(e.response, e.mass_kg, e.live_days);
    std::vector<double> g(time_bins_, 1.0);
    if (timed) g = b.time_fractions(e.time_edges, e.timing);
    std::vector<double> full(bins(), 0.0);
    for (std::size_t k = 0; k < energy_bins_; ++k)
      for (std::size_t t = 0; t < time_bins_; ++t) full[k * time_bins_ + t] = energy[k] * g[t];
    background_templates_.push_back(std::move(full));
  }
}

void Prediction::expected(const PredictionScales& sc, std::span<double> out) const {
  std::fill(out.begin(), out.end(), 0.0);
  for (std::size_t s = 0; s < species_templates_.size(); ++s) {
    const double a = sc.signal * (sc.species.empty() ? 1.0 : sc.species[s]);
    const auto& tpl = species_templates_[s];
    const auto& f = species_time_[s];
    for (std::size_t k = 0; k < energy_bins_; ++k) {
      const double x = a * tpl[k];
      for (std::size_t t = 0; t < time_bins_; ++t) out[k * time_bins_ + t] += x * f[t];
    }
  }
  for (std::size_t b = 0; b < background_templates_.size(); ++b) {
    const double a = sc.backgrounds.empty() ? 1.0 : sc.backgrounds[b];
    const auto& tpl = background_templates_[b];
    for (std::size_t n = 0; n < tpl.size(); ++n) out[n] += a * tpl[n];
  }
}

PredictionResult Prediction::evaluate(const PredictionScales& sc) const {
  const std::size_t ns = species_templates_.size();
  if (!sc.species.empty() && sc.species.size() != ns)
    throw InputError("prediction: " + std::to_string(ns) + " species scales expected");
  if (!sc.backgrounds.empty() && sc.backgrounds.size() != background_templates_.size())
    throw InputError("prediction: " + std::to_string(background_templates_.size()) + " background scales expected");
  PredictionResult r;
  r.energy_bins = energy_bins_;
  r.time_bins = time_bins_;
  r.signal.assign(bins(), 0.0);
  r.species_counts.assign(ns, 0.0);
  r.isotope_counts.assign(kernel_.isotopes(), 0.0);
  for (std::size_t i = 0; i < kernel_.isotopes(); ++i)
    for (std::size_t s = 0; s < ns; ++s) {
      const double a = sc.signal * (sc.species.empty() ? 1.0 : sc.species[s]);
      const auto& tpl = isotope_species_[i * ns + s];
      for (std::size_t k = 0; k < energy_bins_; ++k)
        for (std::size_t t = 0; t < time_bins_; ++t) {
          const double x = a * tpl[k] * species_time_[s][t];
          r.signal[k * time_bins_ + t] += x;
          r.species_counts[s] += x;
          r.isotope_counts[i] += x;
        }
    }
  r.signal_counts = std::accumulate(r.signal.begin(), r.signal.end(), 0.0);
  r.total = r.signal;
  for (std::size_t b = 0; b < background_templates_.size(); ++b) {
    const double a = sc.backgrounds.empty() ? 1.0 : sc.backgrounds[b];
    std::vector<double> v = background_templates_[b];
    for (auto& x : v) x *= a;
    const double c = std::accumulate(v.begin(), v.end(), 0.0);
    r.background_component_counts.push_back(c);
    r.background_counts += c;
    for (std::size_t n = 0; n < v.size(); ++n) r.total[n] += v[n];
    r.background.push_back(std::move(v));
  }
  return r;
}

double Prediction::recoil_counts() const { return mass_kg_ * kernel_.total(); }

std::vector<double> Prediction::recoil_spectrum() const {
  const std::size_t nn = kernel_.nodes().size();
  std::vector<double> out(nn, 0.0);
  for (std::size_t i = 0; i < kernel_.isotopes(); ++i)
    for (std::size_t s = 0; s < kernel_.species().size(); ++s) {
      const auto c = kernel_.cells(i, s);
      for (std::size_t j = 0; j < nn; ++j) out[j] += mass_kg_ * c[j] / kernel_.weights()[j];
    }
  return out;
}

std::vector<double> Prediction::recoil_binned(const std::vector<double>& edges) const {
  std::vector<double> out(edges.size() < 2 ? 0 : edges.size() - 1, 0.0);
  const auto& nodes = kernel_.nodes();
  for (std::size_t i = 0; i < kernel_.isotopes(); ++i)
    for (std::size_t s = 0; s < kernel_.species().size(); ++s) {
      const auto c = kernel_.cells(i, s);
      for (std::size_t j = 0; j < nodes.size(); ++j) {
        const auto it = std::upper_bound(edges.begin(), edges.end(), nodes[j]);
        if (it == edges.begin() || it == edges.end()) continue;
        out[static_cast<std::size_t>(it - edges.begin()) - 1] += mass_kg_ * c[j];
      }
    }
  return out;
}

}  // namespace cevns
