#include "cevns/rates/recoil_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "cevns/core/quadrature.hpp"

namespace cevns {
namespace {

const FixedQuadrature& energy_rule() {
  static const FixedQuadrature rule(32, 1);
  return rule;
}

const FixedQuadrature& recoil_panel_rule() {
  static const FixedQuadrature rule(16, 1);
  return rule;
}

constexpr double kDynamicRange = 1e-6;   // first geometric recoil edge, relative to T_max
constexpr double kPanelsPerDecade = 4.0;
constexpr std::size_t kMaxContinuumBreakpoints = 8;

}  // namespace

double recoil_rate_density(const CevnsCrossSection& xs, const Spectrum& spectrum, Neutrino nu, double recoil) {
  const double emin = xs.min_neutrino_energy(recoil);
  double sum = 0.0;
  for (const auto& l : spectrum.lines())
    if (l.energy > emin) sum += l.intensity * xs.differential(nu, l.energy, recoil);
  if (!spectrum.has_continuum()) return sum;
  const auto& edges = spectrum.panel_edges();
  const auto& rule = energy_rule();
  for (std::size_t p = 0; p + 1 < edges.size(); ++p) {
    const double a = std::max(edges[p], emin);
    const double b = edges[p + 1];
    if (!(b > a)) continue;
    double s = 0.0;
    for (std::size_t i = 0; i < rule.size(); ++i) {
      const double e = a + (b - a) * rule.unit_nodes()[i];
      s += rule.unit_weights()[i] * spectrum.density(e) * xs.differential(nu, e, recoil);
    }
    sum += s * (b - a);
  }
  return sum;
}

RecoilKernel::RecoilKernel(const MaterialCrossSection& xs, const NeutrinoSource& source,
                           std::span<const double> extra_breakpoints) {
  species_ = source.species();
  isotopes_ = xs.isotopes().size();
  // Breakpoints: T_max of every line and continuum panel edge, per isotope.
  std::vector<double> edges{0.0};
  double emax = 0.0;
  std::vector<double> energies;
  for (const auto nu : species_) {
    const Spectrum& s = *source.spectrum(nu);
    for (const auto& l : s.lines()) energies.push_back(l.energy);
    // Panel edges of a tabulated continuum can number hundreds: only their ends then (the
    // interior kinks are mild, and breaking at each would multiply the recoil nodes).
    if (s.has_continuum()) {
      const auto& e = s.panel_edges();
      if (e.size() <= kMaxContinuumBreakpoints) energies.insert(energies.end(), e.begin(), e.end());
      else energies.insert(energies.end(), {e.front(), e.back()});
    }
  }
  for (const double e : energies) emax = std::max(emax, e);
  for (const auto& iso : xs.isotopes()) {
    recoil_max_ = std::max(recoil_max_, iso.max_recoil(emax));
    for (const double e : energies)
      if (e > 0.0) edges.push_back(iso.max_recoil(e));
  }
  if (!(recoil_max_ > 0.0)) return;
  const double lo = kDynamicRange * recoil_max_;
  const auto panels = static_cast<std::size_t>(std::ceil(-std::log10(kDynamicRange) * kPanelsPerDecade));
  for (std::size_t p = 0; p <= panels; ++p)
    edges.push_back(lo * std::pow(recoil_max_ / lo, static_cast<double>(p) / static_cast<double>(panels)));
  for (const double b : extra_breakpoints) edges.push_back(b);
  std::sort(edges.begin(), edges.end());
  edges.erase(std::remove_if(edges.begin(), edges.end(), [&](double t) { return t < 0.0 || t > recoil_max_; }),
              edges.end());
  edges.erase(std::unique(edges.begin(), edges.end(),
                          [&](double a, double b) { return b - a <= 1e-12 * recoil_max_; }),
              edges.end());
  const auto& rule = recoil_panel_rule();
  for (std::size_t p = 0; p + 1 < edges.size(); ++p) {
    const double a = edges[p], b = edges[p + 1];
    for (std::size_t i = 0; i < rule.size(); ++i) {
      nodes_.push_back(a + (b - a) * rule.unit_nodes()[i]);
      weights_.push_back((b - a) * rule.unit_weights()[i]);
    }
  }
  const std::size_t n = nodes_.size();
  cells_.assign(isotopes_ * species_.size() * n, 0.0);
  for (std::size_t i = 0; i < isotopes_; ++i) {
    const auto& iso = xs.isotopes()[i];
    const double per_kg = xs.material().nuclei_per_kg(i);
    for (std::size_t s = 0; s < species_.size(); ++s) {
      const Spectrum& spec = *source.spectrum(species_[s]);
      double* out = cells_.data() + (i * species_.size() + s) * n;
      for (std::size_t j = 0; j < n; ++j)
        out[j] = weights_[j] * per_kg * recoil_rate_density(iso, spec, species_[s], nodes_[j]);
    }
  }
}

std::span<const double> RecoilKernel::cells(std::size_t isotope, std::size_t s) const {
  const std::size_t n = nodes_.size();
  return {cells_.data() + (isotope * species_.size() + s) * n, n};
}

double RecoilKernel::total() const { return std::accumulate(cells_.begin(), cells_.end(), 0.0); }

}  // namespace cevns
