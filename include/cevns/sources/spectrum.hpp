#pragma once
// The energy spectrum of one neutrino species from one source: a continuous density plus
// monoenergetic lines (kept exact as delta functions, never binned).
//
// The normalisation is whatever the owner says it is (neutrinos per fission, per proton, flux per
// cm^2 s, fluence per cm^2): density() is that quantity per unit energy, in natural units
// (core/units.hpp), and each line carries the same quantity. Integrals use fixed Gauss-Legendre
// nodes on panels between the breakpoints (kinks, endpoints, table edges). This is the analytic
// model (plots, flux totals, reference tests); rates use it tabulated once
// (sources/tabulated_spectrum.hpp).
#include <functional>
#include <string>
#include <vector>

namespace cevns {

struct SpectralLine {
  double energy = 0.0;     // natural units
  double intensity = 0.0;  // the spectrum's quantity (not per energy)
};

class Spectrum {
 public:
  using Density = std::function<double(double)>;

  Spectrum() = default;
  // Continuous part `density` on [min_energy, max_energy]; `breakpoints` inside that range split
  // the quadrature panels where the density has a kink or a steep change.
  Spectrum(Density density, double min_energy, double max_energy,
           std::vector<double> breakpoints = {}, std::vector<SpectralLine> lines = {});
  static Spectrum line_only(std::vector<SpectralLine> lines);

  [[nodiscard]] double density(double energy) const;  // zero outside the range
  [[nodiscard]] const std::vector<SpectralLine>& lines() const { return lines_; }
  [[nodiscard]] bool has_continuum() const { return static_cast<bool>(density_); }
  [[nodiscard]] double min_energy() const { return min_energy_; }
  [[nodiscard]] double max_energy() const { return max_energy_; }
  // Continuum panel edges: min_energy, breakpoints, max_energy.
  [[nodiscard]] const std::vector<double>& panel_edges() const { return edges_; }

  // int f(E) dN(E) over continuum and lines; `from` restricts the continuum and lines to E >= from.
  [[nodiscard]] double integrate(const std::function<double(double)>& f, double from = 0.0) const;
  // int dN (continuum + lines) and the mean energy.
  [[nodiscard]] double total() const;
  [[nodiscard]] double mean_energy() const;

  // A copy scaled by a constant factor (units, distance, exposure).
  [[nodiscard]] Spectrum scaled(double factor) const;
  // The sum of two spectra of the same normalisation.
  [[nodiscard]] Spectrum plus(const Spectrum& other) const;

 private:
  Density density_;
  double min_energy_ = 0.0;
  double max_energy_ = 0.0;
  std::vector<double> edges_;
  std::vector<SpectralLine> lines_;
};

}  // namespace cevns
