#pragma once
// A Spectrum tabulated once: the view of a neutrino spectrum that every rate computation uses
// (the recoil engine, rates/recoil_rate.hpp). The analytic model (Spectrum, a density function) is
// evaluated here, at construction, and never again in a loop.
//
// The continuum is cut into sub-intervals [x_s, x_s+1] inside the spectrum's panels (so steps and
// kinks at panel edges stay at sub-interval edges); each sub-interval carries 4 Gauss-Legendre nodes
// (weight x density) and the one-sided densities at its ends. From them, once:
//
//   F_k(x) = int_x^E_max phi(E) E^-k dE + sum_{lines E_l >= x} I_l E_l^-k,   k = 0, 1, 2,
//
// stored at the sub-interval edges and interpolated between them by the cubic Hermite polynomial
// that matches F_k and its exact derivative -phi(x) x^-k at both ends (error h^4/384 max|d^3(phi
// E^-k)/dE^3| per sub-interval of width h). Lines stay exact. Because dsigma/dT is c0 + c1/E + c2/E^2
// above E_min(T) (physics/cevns_cross_section.hpp), int_{E_min(T)} phi dsigma/dT dE is
// c0 F_0 + c1 F_1 + c2 F_2 at E_min(T): O(log n) per recoil, whatever the model.
//
// Sub-interval widths: at most 1/128 of the panel's upper end and 1/8 of the panel; a panel that
// starts at 0 is refined geometrically towards 0 (12 halvings), where spectra vanish like E^2.
// Accuracy against the analytic density: tests/unit/sources/tabulated_spectrum_test.cpp.
#include <array>
#include <span>
#include <vector>

#include "cevns/sources/neutrino_source.hpp"
#include "cevns/sources/spectrum.hpp"

namespace cevns {

class TabulatedSpectrum {
 public:
  TabulatedSpectrum() = default;
  explicit TabulatedSpectrum(const Spectrum& spectrum);

  // F_0, F_1, F_2 at x (continuum above x plus lines at or above x), natural units.
  [[nodiscard]] std::array<double, 3> moments_above(double x) const;
  // int dN (continuum + lines).
  [[nodiscard]] double total() const { return continuum_total_ + line_total_; }
  // Smallest and largest energy with a non-zero density or line (0, 0 for an empty spectrum).
  [[nodiscard]] double min_energy() const { return min_energy_; }
  [[nodiscard]] double max_energy() const { return max_energy_; }
  // Continuum nodes (energies increasing) and their weights (quadrature weight x density): the
  // node sum of f(E_j) w_j is int f dN over the continuum for smooth f.
  [[nodiscard]] std::span<const double> node_energies() const { return node_energy_; }
  [[nodiscard]] std::span<const double> node_weights() const { return node_weight_; }
  [[nodiscard]] const std::vector<SpectralLine>& lines() const { return lines_; }
  // The Spectrum's continuum panel edges (its kinks and steps): recoil panels break at their T_max.
  [[nodiscard]] const std::vector<double>& panel_edges() const { return panel_edges_; }
  // The same table times a constant.
  [[nodiscard]] TabulatedSpectrum scaled(double factor) const;

 private:
  void finish();  // cumulative moments, totals and range from nodes, edge densities and lines

  std::vector<double> panel_edges_;
  std::vector<double> edges_;                  // x_0 < ... < x_n
  std::vector<double> density_lo_, density_hi_;  // phi(x_s^+), phi(x_s+1^-) per sub-interval
  std::array<std::vector<double>, 3> cumulative_;  // F_k of the continuum at each edge
  std::vector<double> node_energy_, node_weight_;
  std::vector<SpectralLine> lines_;             // sorted by energy
  std::array<std::vector<double>, 3> line_suffix_;  // sum over lines l.. of I E^-k (size lines + 1)
  double continuum_total_ = 0.0, line_total_ = 0.0;
  double min_energy_ = 0.0, max_energy_ = 0.0;
};

// Every species of a NeutrinoSource, tabulated once, with the source's normalisation.
struct TabulatedSource {
  Normalisation normalisation = Normalisation::flux;
  std::vector<Neutrino> species;           // all_neutrinos order
  std::vector<TabulatedSpectrum> spectra;  // parallel to species

  TabulatedSource() = default;
  explicit TabulatedSource(const NeutrinoSource& source);
  // Largest neutrino energy of any species.
  [[nodiscard]] double max_energy() const;
};

}  // namespace cevns
