#include "cevns/sources/spectrum.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"

namespace cevns {
namespace {

// 48 Gauss-Legendre nodes on each of 4 sub-panels per continuum panel: exact to ~1e-10 for the
// smooth spectral shapes here (tests/unit/sources/spectrum_test.cpp).
const FixedQuadrature& spectrum_rule() {
  static const FixedQuadrature rule(48, 4);
  return rule;
}

}  // namespace

Spectrum::Spectrum(Density density, double min_energy, double max_energy,
                   std::vector<double> breakpoints, std::vector<SpectralLine> lines)
    : density_(std::move(density)), min_energy_(min_energy), max_energy_(max_energy),
      lines_(std::move(lines)) {
  if (!(min_energy >= 0.0) || !(max_energy > min_energy))
    throw InputError("spectrum range must satisfy 0 <= min < max");
  edges_.push_back(min_energy);
  std::sort(breakpoints.begin(), breakpoints.end());
  for (double b : breakpoints)
    if (b > min_energy && b < max_energy && b > edges_.back()) edges_.push_back(b);
  edges_.push_back(max_energy);
  for (const auto& l : lines_)
    if (!(l.energy > 0.0) || !(l.intensity >= 0.0)) throw InputError("spectral line needs E > 0, intensity >= 0");
}

Spectrum Spectrum::line_only(std::vector<SpectralLine> lines) {
  Spectrum s;
  s.lines_ = std::move(lines);
  for (const auto& l : s.lines_)
    if (!(l.energy > 0.0) || !(l.intensity >= 0.0)) throw InputError("spectral line needs E > 0, intensity >= 0");
  if (!s.lines_.empty()) {
    auto [lo, hi] = std::minmax_element(s.lines_.begin(), s.lines_.end(),
                                        [](const auto& a, const auto& b) { return a.energy < b.energy; });
    s.min_energy_ = lo->energy;
    s.max_energy_ = hi->energy;
  }
  return s;
}

double Spectrum::density(double energy) const {
  if (!density_ || energy < min_energy_ || energy > max_energy_) return 0.0;
  return density_(energy);
}

double Spectrum::integrate(const std::function<double(double)>& f, double from) const {
  double sum = 0.0;
  if (density_) {
    const auto& rule = spectrum_rule();
    for (std::size_t p = 0; p + 1 < edges_.size(); ++p) {
      const double a = std::max(edges_[p], from);
      const double b = edges_[p + 1];
      if (!(b > a)) continue;
      sum += rule.integrate([&](double E) { return f(E) * density_(E); }, a, b);
    }
  }
  for (const auto& l : lines_)
    if (l.energy >= from) sum += l.intensity * f(l.energy);
  return sum;
}

double Spectrum::total() const {
  return integrate([](double) { return 1.0; });
}

double Spectrum::mean_energy() const {
  const double n = total();
  return n > 0.0 ? integrate([](double E) { return E; }) / n : 0.0;
}

Spectrum Spectrum::scaled(double factor) const {
  Spectrum s = *this;
  if (density_) {
    auto inner = density_;
    s.density_ = [inner, factor](double E) { return factor * inner(E); };
  }
  for (auto& l : s.lines_) l.intensity *= factor;
  return s;
}

Spectrum Spectrum::plus(const Spectrum& other) const {
  Spectrum s;
  if (density_ || other.density_) {
    const auto a = *this;
    const auto b = other;
    const double lo = !density_ ? other.min_energy_ : !other.density_ ? min_energy_ : std::min(min_energy_, other.min_energy_);
    const double hi = !density_ ? other.max_energy_ : !other.density_ ? max_energy_ : std::max(max_energy_, other.max_energy_);
    std::vector<double> breaks;
    for (const auto* x : {this, &other})
      if (x->density_) breaks.insert(breaks.end(), x->edges_.begin(), x->edges_.end());
    s = Spectrum([a, b](double E) { return a.density(E) + b.density(E); }, lo, hi, breaks);
  }
  s.lines_ = lines_;
  s.lines_.insert(s.lines_.end(), other.lines_.begin(), other.lines_.end());
  return s;
}

}  // namespace cevns
