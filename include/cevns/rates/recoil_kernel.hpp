#pragma once
// The recoil kernel: the CEvNS rate density on fixed recoil nodes, per isotope and per species,
//
//   k_{i,a}(T_j) = w_j n_i [ sum_lines I_l dsigma_i/dT(E_l, T_j)
//                            + int_{E_min,i(T_j)}^{E_max} phi_a(E) dsigma_i/dT(E, T_j) dE ],
//
// with n_i the nuclei of isotope i per kg and w_j the recoil quadrature weight, so that
// sum_j k_{i,a}(T_j) g(T_j) = n_i int dT g(T) dR_{i,a}/dT for any smooth response g.
// The neutrino-energy integral starts exactly at E_min(T) (kinematic boundary, no binning of lines;
// lines exact). Recoil panels break at T_max of every line and of every continuum panel edge per
// isotope, and at the detector's own step points, so each panel's integrand is smooth
// (docs/physics/detectors.md). Counts follow by multiplying with mass (kg) and exposure time
// (flux sources) or 1 (fluence sources).
#include <span>
#include <vector>

#include "cevns/core/flavour.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "cevns/sources/neutrino_source.hpp"

namespace cevns {

class RecoilKernel {
 public:
  RecoilKernel(const MaterialCrossSection& xs, const NeutrinoSource& source,
               std::span<const double> extra_breakpoints = {});

  [[nodiscard]] const std::vector<double>& nodes() const { return nodes_; }
  [[nodiscard]] const std::vector<double>& weights() const { return weights_; }
  [[nodiscard]] const std::vector<Neutrino>& species() const { return species_; }
  [[nodiscard]] std::size_t isotopes() const { return isotopes_; }
  [[nodiscard]] double recoil_max() const { return recoil_max_; }
  // w_j n_i dR_{i,a}/dT(T_j) for isotope i and the s-th species of species().
  [[nodiscard]] std::span<const double> cells(std::size_t isotope, std::size_t s) const;
  // Sum of all cells: counts per kg per unit exposure (of the source's normalisation).
  [[nodiscard]] double total() const;

 private:
  std::vector<double> nodes_, weights_;
  std::vector<Neutrino> species_;
  std::size_t isotopes_ = 0;
  double recoil_max_ = 0.0;
  std::vector<double> cells_;  // [isotope][species][node]
};

// int dE phi(E) dsigma/dT(E, T) over continuum (from E_min(T)) and lines, for one isotope and
// species, on the fixed energy nodes the kernel uses.
double recoil_rate_density(const CevnsCrossSection& xs, const Spectrum& spectrum, Neutrino nu, double recoil);

}  // namespace cevns
