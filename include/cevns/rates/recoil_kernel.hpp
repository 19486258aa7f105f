#pragma once
// The recoil kernel: the engine (rates/recoil_rate.hpp) on fixed recoil nodes, per isotope and
// species,
//
//   k_{i,a}(T_j) = w_j n_i [c0 F_0 + c1 F_1 + c2 F_2]_{i,a}(E_min,i(T_j)),
//
// with w_j the recoil quadrature weight, so that sum_j k_{i,a}(T_j) g(T_j) = n_i int dT g(T)
// dR_{i,a}/dT for any smooth response g. Lines are exact; the neutrino-energy integral starts exactly
// at E_min(T). Recoil panels are geometric, 4 per decade, over the range asked for, and break at
// T_max of every line and spectrum panel edge per isotope and at the detector's own step points, so
// each panel's integrand is smooth (docs/physics/detectors.md); 16 Gauss-Legendre nodes on a
// geometric panel, 8 or 4 on panels narrower than a factor 2 or 1.25 (bins of unsmeared detectors).
//
// The source moments F_k(E_min,i(T_j)) and the form factors at every node are stored, so the cells
// for other couplings or another interaction model (a scan point: Z', scalar, NSI, mu_nu, q_nu,
// sin^2 theta_W, another neutron radius) cost a few multiply-adds per node: cells_for().
// Counts follow by multiplying with mass (kg) and exposure time (flux) or 1 (fluence).
#include <span>
#include <vector>

#include "cevns/core/flavour.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "cevns/sources/tabulated_spectrum.hpp"

namespace cevns {

// The recoils a kernel covers (natural units). hi = 0: up to the largest T_max of the source;
// lo = 0: all recoils from 0 (geometric panels from 1e-6 of the upper end, one panel below).
struct RecoilRange {
  double lo = 0.0;
  double hi = 0.0;
};

class RecoilKernel {
 public:
  RecoilKernel(const MaterialCrossSection& xs, const TabulatedSource& source, RecoilRange range = {},
               std::span<const double> breakpoints = {});

  [[nodiscard]] const std::vector<double>& nodes() const { return nodes_; }
  [[nodiscard]] const std::vector<double>& weights() const { return weights_; }
  [[nodiscard]] const std::vector<Neutrino>& species() const { return species_; }
  [[nodiscard]] std::size_t isotopes() const { return isotopes_; }
  // Largest T_max of the source on any isotope (the kernel's nodes may stop below it).
  [[nodiscard]] double recoil_max() const { return recoil_max_; }
  // w_j n_i dR_{i,a}/dT(T_j) for isotope i and the s-th species of species().
  [[nodiscard]] std::span<const double> cells(std::size_t isotope, std::size_t s) const;
  // Sum of all cells: counts per kg per unit exposure (of the source's normalisation).
  [[nodiscard]] double total() const;
  // The cells of another cross section of the same material on these nodes, in the layout of
  // cells() ([isotope][species][node]; out.size() == cell_count()).
  void cells_for(const MaterialCrossSection& xs, std::span<double> out) const;
  [[nodiscard]] std::size_t cell_count() const { return cells_.size(); }

 private:
  std::vector<double> nodes_, weights_;
  std::vector<Neutrino> species_;
  std::size_t isotopes_ = 0;
  double recoil_max_ = 0.0;
  MaterialCrossSection xs_;
  std::vector<double> nuclei_per_kg_;
  std::vector<FormFactorPair> form_factors_;  // [isotope][node]
  std::vector<double> moments_;               // [isotope][species][node][k], k = 0, 1, 2
  std::vector<double> cells_;                 // [isotope][species][node]
};

}  // namespace cevns
