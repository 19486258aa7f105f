#include "cevns/rates/recoil_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/rates/recoil_rate.hpp"

namespace cevns {
namespace {

// Gauss-Legendre nodes per recoil panel by its relative width (b - a) / a: 16 for the geometric
// panels (a factor 1.78), 8 up to a factor 2, 4 up to 1.25 (narrow bins of an unsmeared detector,
// where the integrand is nearly linear). tests/physics/engine_reference_test.cpp checks the result.
const FixedQuadrature& recoil_panel_rule(double a, double b) {
  static const FixedQuadrature wide(16, 1), medium(8, 1), narrow(4, 1);
  if (!(a > 0.0) || b - a > a) return wide;
  return b - a > 0.25 * a ? medium : narrow;
}

constexpr double kDynamicRange = 1e-6;  // default lower end, relative to the upper one
constexpr double kPanelsPerDecade = 4.0;
constexpr std::size_t kMaxContinuumBreakpoints = 8;

// Panel edges: geometric over [lo, hi] (with a first panel [0, lo] when from_zero), plus T_max of
// every line and continuum panel edge per isotope and the caller's breakpoints, inside (lo, hi).
std::vector<double> panel_edges(const MaterialCrossSection& xs, const TabulatedSource& source, double lo, double hi,
                                bool from_zero, std::span<const double> breakpoints) {
  std::vector<double> edges{lo, hi};
  if (from_zero) edges.push_back(0.0);
  const auto panels = static_cast<std::size_t>(std::max(1.0, std::ceil(std::log10(hi / lo) * kPanelsPerDecade)));
  for (std::size_t p = 1; p < panels; ++p)
    edges.push_back(lo * std::pow(hi / lo, static_cast<double>(p) / static_cast<double>(panels)));
  std::vector<double> energies;
  for (const auto& s : source.spectra) {
    for (const auto& l : s.lines()) energies.push_back(l.energy);
    // Panel edges of a tabulated continuum can number hundreds: only their ends then (the
    // interior kinks are mild, and breaking at each would multiply the recoil nodes).
    const auto& e = s.panel_edges();
    if (e.size() <= kMaxContinuumBreakpoints) energies.insert(energies.end(), e.begin(), e.end());
    else if (!e.empty()) energies.insert(energies.end(), {e.front(), e.back()});
  }
  for (const auto& iso : xs.isotopes())
    for (const double e : energies)
      if (e > 0.0) edges.push_back(iso.max_recoil(e));
  edges.insert(edges.end(), breakpoints.begin(), breakpoints.end());
  std::sort(edges.begin(), edges.end());
  const double bottom = from_zero ? 0.0 : lo;
  edges.erase(std::remove_if(edges.begin(), edges.end(), [&](double t) { return !(t >= bottom && t <= hi); }),
              edges.end());
  edges.erase(std::unique(edges.begin(), edges.end(), [&](double a, double b) { return b - a <= 1e-12 * hi; }),
              edges.end());
  return edges;
}

}  // namespace

RecoilKernel::RecoilKernel(const MaterialCrossSection& xs, const TabulatedSource& source, RecoilRange range,
                           std::span<const double> breakpoints)
    : species_(source.species), isotopes_(xs.isotopes().size()), xs_(xs) {
  const double emax = source.max_energy();
  if (emax > 0.0)
    for (const auto& iso : xs.isotopes()) recoil_max_ = std::max(recoil_max_, iso.max_recoil(emax));
  for (std::size_t i = 0; i < isotopes_; ++i) nuclei_per_kg_.push_back(xs.material().nuclei_per_kg(i));
  const double hi = range.hi > 0.0 ? std::min(range.hi, recoil_max_) : recoil_max_;
  const double lo = range.lo > 0.0 ? range.lo : kDynamicRange * hi;
  if (!(range.lo >= 0.0) || !(range.hi >= 0.0)) throw InputError("recoil kernel: the recoil range must be >= 0");
  if (recoil_max_ > 0.0 && hi > lo) {
    const auto edges = panel_edges(xs, source, lo, hi, !(range.lo > 0.0), breakpoints);
    for (std::size_t p = 0; p + 1 < edges.size(); ++p) {
      const double a = edges[p], b = edges[p + 1];
      const auto& rule = recoil_panel_rule(a, b);
      for (std::size_t i = 0; i < rule.size(); ++i) {
        nodes_.push_back(a + (b - a) * rule.unit_nodes()[i]);
        weights_.push_back((b - a) * rule.unit_weights()[i]);
      }
    }
  }
  const std::size_t n = nodes_.size(), ns = species_.size();
  form_factors_.resize(isotopes_ * n);
  moments_.assign(isotopes_ * ns * n * 3, 0.0);
  for (std::size_t i = 0; i < isotopes_; ++i) {
    const auto& iso = xs.isotopes()[i];
    for (std::size_t j = 0; j < n; ++j) {
      form_factors_[i * n + j] = iso.form_factors(nodes_[j]);
      const double e_min = iso.min_neutrino_energy(nodes_[j]);
      for (std::size_t s = 0; s < ns; ++s) {
        const auto& spec = source.spectra[s];
        if (e_min > spec.max_energy()) continue;
        const auto f = spec.moments_above(e_min);
        std::copy(f.begin(), f.end(), moments_.begin() + static_cast<std::ptrdiff_t>(((i * ns + s) * n + j) * 3));
      }
    }
  }
  cells_.assign(isotopes_ * ns * n, 0.0);
  cells_for(xs, cells_);
}

void RecoilKernel::cells_for(const MaterialCrossSection& xs, std::span<double> out) const {
  if (out.size() != cells_.size() || xs.isotopes().size() != isotopes_)
    throw InputError("recoil kernel: cells for another material or layout");
  const std::size_t n = nodes_.size(), ns = species_.size();
  for (std::size_t i = 0; i < isotopes_; ++i) {
    const auto& iso = xs.isotopes()[i];
    const bool same_shape = iso.same_form_factors(xs_.isotopes()[i]);
    const double per_kg = nuclei_per_kg_[i];
    for (std::size_t j = 0; j < n; ++j) {
      const double t = nodes_[j];
      const FormFactorPair ff = same_shape ? form_factors_[i * n + j] : iso.form_factors(t);
      const double w = weights_[j] * per_kg;
      for (std::size_t s = 0; s < ns; ++s) {
        const double* m = moments_.data() + ((i * ns + s) * n + j) * 3;
        const EnergyExpansion c = iso.energy_expansion(species_[s], t, ff);
        out[(i * ns + s) * n + j] = w * std::max(0.0, fold(c, m));
      }
    }
  }
}

std::span<const double> RecoilKernel::cells(std::size_t isotope, std::size_t s) const {
  const std::size_t n = nodes_.size();
  return {cells_.data() + (isotope * species_.size() + s) * n, n};
}

double RecoilKernel::total() const { return std::accumulate(cells_.begin(), cells_.end(), 0.0); }

}  // namespace cevns
