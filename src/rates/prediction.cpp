#include "cevns/rates/prediction.hpp"

#include <algorithm>
#include <numeric>

#include "cevns/core/error.hpp"

namespace cevns {
namespace {

// A detector module as the constructor sees it: Experiment::modules, or the single detector.
struct ModuleSpec {
  std::string name;
  const Material* material;
  double mass_kg;
  const DetectorResponse* response;
};

std::vector<ModuleSpec> module_specs(const Experiment& e) {
  std::vector<ModuleSpec> out;
  if (e.modules.empty()) {
    if (!e.material) throw InputError("experiment '" + e.id + "' has no target material");
    if (!(e.mass_kg > 0.0)) throw InputError("experiment '" + e.id + "': mass must be positive");
    out.push_back({e.id, &*e.material, e.mass_kg, &e.response});
    return out;
  }
  for (const auto& m : e.modules) {
    const std::string where = "experiment '" + e.id + "', detector '" + m.name + "'";
    if (!(m.mass_kg > 0.0)) throw InputError(where + ": mass must be positive");
    const auto& first = e.modules.front().response;
    if (m.response.observable != first.observable || m.response.bin_edges != first.bin_edges)
      throw InputError(where + ": every detector must use the same observable and bin edges");
    out.push_back({m.name, &m.material, m.mass_kg, &m.response});
  }
  return out;
}

// The module's recoil range and the recoils where its response has a step.
struct KernelLayout {
  RecoilRange range;
  std::vector<double> breakpoints;
};

KernelLayout kernel_layout(const TabulatedSource& source, const DetectorResponse& response,
                           const MaterialCrossSection& xs, KernelRange range) {
  double tmax = 0.0;
  const double emax = source.max_energy();
  if (emax > 0.0)
    for (const auto& iso : xs.isotopes()) tmax = std::max(tmax, iso.max_recoil(emax));
  KernelLayout k;
  k.breakpoints = response.recoil_breakpoints(tmax);
  if (range == KernelRange::full) return k;
  const RecoilInterval detectable = response.detectable_recoils(tmax);
  k.range = {detectable.lo, detectable.hi};
  if (!(detectable.hi > detectable.lo)) k.range = {tmax, tmax};  // nothing detectable: an empty kernel
  return k;
}

}  // namespace

Prediction::Prediction(const Experiment& e, const CevnsSettings& settings, KernelRange range)
    : settings_(settings), source_(e.fluence) {
  const auto specs = module_specs(e);
  for (const auto& m : specs) {
    MaterialCrossSection xs(*m.material, settings);
    const KernelLayout layout = kernel_layout(source_, *m.response, xs, range);
    RecoilKernel kernel(xs, source_, layout.range, layout.breakpoints);
    ResponseMatrix response = m.response->response_matrix(kernel.nodes());
    modules_.push_back(Module{m.name, m.mass_kg, std::move(xs), std::move(kernel), std::move(response)});
  }
  energy_bins_ = modules_.front().response.bins;
  const bool timed = e.pulsed && e.time_edges.size() >= 2;
  time_bins_ = timed ? e.time_edges.size() - 1 : 1;
  const auto& sp = species();
  const std::size_t ns = sp.size();
  for (const auto nu : sp) {
    std::vector<double> f(time_bins_, 1.0);
    if (timed)
      for (std::size_t t = 0; t < time_bins_; ++t)
        f[t] = e.timing.fraction(nu, e.time_edges[t], e.time_edges[t + 1]) *
               (e.time_efficiency.empty() ? 1.0 : e.time_efficiency[t]);
    species_time_.push_back(std::move(f));
  }
  species_templates_.assign(ns, std::vector<double>(energy_bins_, 0.0));
  module_species_.assign(modules_.size() * ns, 0.0);
  std::vector<double> out(energy_bins_);
  for (std::size_t p = 0; p < modules_.size(); ++p) {
    const Module& m = modules_[p];
    const std::size_t nn = m.kernel.nodes().size();
    std::vector<double> v(nn);
    for (std::size_t i = 0; i < m.kernel.isotopes(); ++i) {
      const std::string name = m.xs.isotopes()[i].nuclide().name();
      auto slot = static_cast<std::size_t>(std::find(isotope_names_.begin(), isotope_names_.end(), name) -
                                           isotope_names_.begin());
      if (slot == isotope_names_.size()) {
        isotope_names_.push_back(name);
        isotope_species_.resize(isotope_names_.size() * ns, std::vector<double>(energy_bins_, 0.0));
      }
      for (std::size_t s = 0; s < ns; ++s) {
        const auto c = m.kernel.cells(i, s);
        for (std::size_t j = 0; j < nn; ++j) v[j] = m.mass_kg * c[j];
        m.response.apply(v, out);
        auto& iso = isotope_species_[slot * ns + s];
        for (std::size_t k = 0; k < energy_bins_; ++k) {
          iso[k] += out[k];
          species_templates_[s][k] += out[k];
          module_species_[p * ns + s] += out[k];
        }
      }
    }
  }
  // A flat rate is per kg: every module contributes above its own threshold. A table is the
  // experiment's total: counted once, above the lowest threshold.
  const auto lowest = std::min_element(specs.begin(), specs.end(), [](const auto& a, const auto& b) {
    return a.response->threshold < b.response->threshold;
  });
  double mass = 0.0;
  for (const auto& m : specs) mass += m.mass_kg;
  for (const auto& b : e.backgrounds) {
    std::vector<double> energy(energy_bins_, 0.0);
    if (b.shape == BackgroundShape::flat) {
      for (const auto& m : specs) {
        const auto c = b.binned_counts(*m.response, m.mass_kg, e.live_days);
        for (std::size_t k = 0; k < energy_bins_; ++k) energy[k] += c[k];
      }
    } else {
      energy = b.binned_counts(*lowest->response, mass, e.live_days);
    }
    std::vector<double> g(time_bins_, 1.0);
    if (timed) g = b.time_fractions(e.time_edges, e.timing);
    std::vector<double> full(bins(), 0.0);
    for (std::size_t k = 0; k < energy_bins_; ++k)
      for (std::size_t t = 0; t < time_bins_; ++t) full[k * time_bins_ + t] = energy[k] * g[t];
    background_templates_.push_back(std::move(full));
  }
}

void Prediction::add_species_templates(const Module& m, std::span<const double> cells, std::vector<double>& out) const {
  const std::size_t nn = m.kernel.nodes().size(), ns = m.kernel.species().size();
  std::vector<double> v(nn), binned(energy_bins_);
  for (std::size_t s = 0; s < ns; ++s) {
    std::fill(v.begin(), v.end(), 0.0);
    for (std::size_t i = 0; i < m.kernel.isotopes(); ++i) {
      const double* c = cells.data() + (i * ns + s) * nn;
      for (std::size_t j = 0; j < nn; ++j) v[j] += c[j];
    }
    for (auto& x : v) x *= m.mass_kg;
    m.response.apply(v, binned);
    for (std::size_t k = 0; k < energy_bins_; ++k) out[s * energy_bins_ + k] += binned[k];
  }
}

std::vector<double> Prediction::signal(const CevnsSettings& settings) const {
  const std::size_t ns = species_templates_.size();
  std::vector<double> per_species(ns * energy_bins_, 0.0), cells;
  for (const auto& m : modules_) {
    const MaterialCrossSection xs(m.xs.material(), settings);
    cells.resize(m.kernel.cell_count());
    m.kernel.cells_for(xs, cells);
    add_species_templates(m, cells, per_species);
  }
  std::vector<double> out(bins(), 0.0);
  for (std::size_t s = 0; s < ns; ++s) {
    const auto& f = species_time_[s];
    for (std::size_t k = 0; k < energy_bins_; ++k) {
      const double x = per_species[s * energy_bins_ + k];
      for (std::size_t t = 0; t < time_bins_; ++t) out[k * time_bins_ + t] += x * f[t];
    }
  }
  return out;
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
  r.isotope_counts.assign(isotope_names_.size(), 0.0);
  for (std::size_t i = 0; i < isotope_names_.size(); ++i)
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
  r.module_counts.assign(modules_.size(), 0.0);
  for (std::size_t s = 0; s < ns; ++s) {
    const double a = sc.signal * (sc.species.empty() ? 1.0 : sc.species[s]);
    const double in_window = std::accumulate(species_time_[s].begin(), species_time_[s].end(), 0.0);
    for (std::size_t p = 0; p < modules_.size(); ++p) r.module_counts[p] += a * module_species_[p * ns + s] * in_window;
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

double Prediction::recoil_counts() const {
  double n = 0.0;
  for (const auto& m : modules_) n += m.mass_kg * RecoilKernel(m.xs, source_).total();
  return n;
}

RecoilSpectrum Prediction::recoil_spectrum(std::size_t module) const {
  const Module& m = modules_.at(module);
  const RecoilKernel full(m.xs, source_);
  const std::size_t nn = full.nodes().size();
  RecoilSpectrum out{full.nodes(), std::vector<double>(nn, 0.0)};
  for (std::size_t i = 0; i < full.isotopes(); ++i)
    for (std::size_t s = 0; s < full.species().size(); ++s) {
      const auto c = full.cells(i, s);
      for (std::size_t j = 0; j < nn; ++j) out.density[j] += m.mass_kg * c[j] / full.weights()[j];
    }
  return out;
}

std::vector<double> Prediction::recoil_binned(const std::vector<double>& edges) const {
  std::vector<double> out(edges.size() < 2 ? 0 : edges.size() - 1, 0.0);
  for (const auto& m : modules_) {
    const RecoilKernel full(m.xs, source_, {}, edges);
    const auto& nodes = full.nodes();
    for (std::size_t i = 0; i < full.isotopes(); ++i)
      for (std::size_t s = 0; s < full.species().size(); ++s) {
        const auto c = full.cells(i, s);
        for (std::size_t j = 0; j < nodes.size(); ++j) {
          const auto it = std::upper_bound(edges.begin(), edges.end(), nodes[j]);
          if (it == edges.begin() || it == edges.end()) continue;
          out[static_cast<std::size_t>(it - edges.begin()) - 1] += m.mass_kg * c[j];
        }
      }
  }
  return out;
}

}  // namespace cevns
