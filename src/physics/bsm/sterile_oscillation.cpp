#include "cevns/physics/bsm/sterile_oscillation.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"

namespace cevns {
namespace {

void validate(const SterileParameters& p) {
  if (!(p.sin2_2theta >= 0.0 && p.sin2_2theta <= 1.0))
    throw InputError("sin^2(2 theta) must lie in [0, 1], got " + std::to_string(p.sin2_2theta));
  if (!(p.delta_m2_eV2 >= 0.0) || !std::isfinite(p.delta_m2_eV2))
    throw InputError("Delta m^2 must be a non-negative number of eV^2, got " + std::to_string(p.delta_m2_eV2));
}

// 1.267 = 10^6 / (4 hbar c [eV m]) rounded as customary: the phase in natural units is
// dm^2 L / (4 E); we use the exact conversion rather than the rounded number.
double phase(const SterileParameters& p, double L_m, double E) {
  const double dm2 = p.delta_m2_eV2 * units::eV * units::eV;
  return dm2 * (L_m * units::m) / (4.0 * E);
}

}  // namespace

double sterile_survival_probability(const SterileParameters& p, double L_m, double E) {
  validate(p);
  if (!(L_m > 0.0) || !(E > 0.0)) throw InputError("sterile oscillation needs a positive baseline and energy");
  const double s = std::sin(phase(p, L_m, E));
  return 1.0 - p.sin2_2theta * s * s;
}

double averaged_survival_probability(const SterileParameters& p, const BaselineGeometry& g, double E) {
  validate(p);
  if (!(E > 0.0)) throw InputError("sterile oscillation needs a positive neutrino energy");
  if (!(g.core_length_m >= 0.0) || !(g.detector_length_m >= 0.0))
    throw InputError("core and detector lengths must be non-negative");
  const double half = 0.5 * (g.core_length_m + g.detector_length_m);
  if (!(g.distance_m > half))
    throw InputError("baseline " + std::to_string(g.distance_m) +
                     " m must exceed half the summed core and detector lengths (" + std::to_string(half) + " m)");
  if (half == 0.0 || p.sin2_2theta == 0.0) return sterile_survival_probability(p, g.distance_m, E);
  // Enough 16-point panels per oscillation length over each extent (capped).
  const double k = p.delta_m2_eV2 * units::eV * units::eV * units::m / (4.0 * E);  // phase per metre
  auto panels_for = [&](double length) {
    const double periods = k * length / 3.141592653589793;
    return static_cast<std::size_t>(std::clamp(std::ceil(2.0 * periods) + 1.0, 1.0, 200.0));
  };
  const FixedQuadrature core_rule(16, panels_for(g.core_length_m));
  const FixedQuadrature det_rule(16, panels_for(g.detector_length_m));
  auto over_detector = [&](double x_core, bool oscillate) {
    auto f = [&](double x_det) {
      const double L = g.distance_m + x_det - x_core;
      const double s = oscillate ? std::sin(k * L) : 0.0;
      return (1.0 - p.sin2_2theta * s * s) / (L * L);
    };
    if (g.detector_length_m == 0.0) return f(0.0);
    return det_rule.integrate(f, -0.5 * g.detector_length_m, 0.5 * g.detector_length_m) / g.detector_length_m;
  };
  auto average = [&](bool oscillate) {
    if (g.core_length_m == 0.0) return over_detector(0.0, oscillate);
    return core_rule.integrate([&](double xc) { return over_detector(xc, oscillate); }, -0.5 * g.core_length_m,
                               0.5 * g.core_length_m) /
           g.core_length_m;
  };
  return average(true) / average(false);
}

Spectrum apply_sterile_oscillation(const Spectrum& spectrum, const SterileParameters& p, const BaselineGeometry& g) {
  validate(p);
  std::vector<SpectralLine> lines = spectrum.lines();
  for (auto& line : lines) line.intensity *= averaged_survival_probability(p, g, line.energy);
  if (!spectrum.has_continuum()) return Spectrum::line_only(std::move(lines));
  const auto& edges = spectrum.panel_edges();
  std::vector<double> breakpoints;
  if (edges.size() > 2) breakpoints.assign(edges.begin() + 1, edges.end() - 1);
  auto density = [spectrum, p, g](double E) {
    const double d = spectrum.density(E);
    return d > 0.0 && E > 0.0 ? d * averaged_survival_probability(p, g, E) : 0.0;
  };
  return Spectrum(density, spectrum.min_energy(), spectrum.max_energy(), std::move(breakpoints), std::move(lines));
}

}  // namespace cevns
