#pragma once
// The CEvNS response matrix of a binned neutrino spectrum (J. Liao, H. Liu, D. Marfatia,
// PRD 107, 113002 (2023) [arXiv:2302.10460], "normal unfolding"):
//   mu_j = sum_i R_ji nu_i,   R_ji = exposure * sum_iso w_iso int_{E_i}^{E_i+1} dE int_{T_j}^{T_j+1} dT dsigma_iso/dT,
// nu_i the spectrum density averaged over energy bin i (per unit energy, in whatever
// normalisation `exposure` completes to a count: e.g. per fission, with exposure =
// t N_T P / (4 pi d^2 epsilon)). Computed by the rate engine (rates/recoil_kernel.hpp): each column
// is the recoil kernel of a unit density over its energy bin (the E integral exact through the
// inverse-energy moments), summed over the recoil bins, whose edges break the kernel's panels.
// All energies in natural units (core/units.hpp).
#include <Eigen/Dense>
#include <vector>

#include "cevns/core/flavour.hpp"
#include "cevns/physics/material_cross_section.hpp"

namespace cevns::stats {

struct ResponseMatrix {
  std::vector<double> recoil_edges;  // T_j, natural units, increasing
  std::vector<double> energy_edges;  // E_i, natural units, increasing
  Eigen::MatrixXd matrix;            // (recoil bins) x (energy bins)
};

// `exposure_per_formula_unit`: multiplies the per-formula-unit cross section (formula units x
// neutrinos per area in the normalisation of nu). `efficiency` multiplies every entry.
// InputError for fewer than 2 edges or non-increasing edges.
ResponseMatrix build_response_matrix(const MaterialCrossSection& xs, Neutrino nu,
                                     const std::vector<double>& recoil_edges,
                                     const std::vector<double>& energy_edges, double exposure_per_formula_unit,
                                     double efficiency = 1.0);

// Bin averages of a density: nu_i = int_{E_i}^{E_i+1} f dE / (E_i+1 - E_i).
Eigen::VectorXd bin_average(const std::function<double(double)>& density, const std::vector<double>& edges);

}  // namespace cevns::stats
