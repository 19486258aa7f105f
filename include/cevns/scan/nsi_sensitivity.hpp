#pragma once
// Asimov Delta chi^2 of flavour-diagonal vector NSI (eps^{uV}_{aa}, eps^{dV}_{aa}) for a set of
// catalog experiments, evaluated in a few dozen flops per point.
//
// The weak charge is linear in eps, so every predicted bin count is exactly quadratic:
//   S_i(eps) = A_i + sum_j c_ij m_j,  m = (eps_u, eps_d, eps_u^2, eps_d^2, eps_u eps_d).
// The six coefficients per bin come from six full predictions at fixed eps points, built once.
// With Asimov data n_i = S_i(0) + B_i, Pearson weights 1/n_i and a signal normalisation a
// (Gaussian, width sigma_a) profiled analytically,
//   chi^2(eps) = Q - (L + Q)^2 / (g0 + 2 L + Q + 1/sigma_a^2),
//   Q = m^T G m, G_jk = sum_i c_ij c_ik / n_i,  L = h.m, h_j = sum_i A_i c_ij / n_i, g0 = sum A_i^2/n_i,
// summed over experiments. (Gaussian approximation of the Poisson Asimov likelihood, as in most
// NSI sensitivity studies; docs/physics/statistics.md.)
#include <array>
#include <string>
#include <vector>

#include "cevns/core/flavour.hpp"

namespace cevns::scan {

class NsiAsimovChi2 {
 public:
  NsiAsimovChi2(const std::vector<std::string>& experiments, Flavour flavour, double normalisation_uncertainty);

  // Delta chi^2 at (eps_u, eps_d) against the Standard Model.
  [[nodiscard]] double operator()(double eps_u, double eps_d) const;
  // Predicted CEvNS counts of experiment k at (eps_u, eps_d), summed over bins.
  [[nodiscard]] double signal_counts(std::size_t experiment, double eps_u, double eps_d) const;

 private:
  struct Terms {
    std::array<std::array<double, 5>, 5> G{};
    std::array<double, 5> h{};
    double g0 = 0.0;
    double inverse_variance = 0.0;  // 1 / sigma_a^2
    double total_A = 0.0;
    std::array<double, 5> total_c{};
  };
  std::vector<Terms> experiments_;
};

}  // namespace cevns::scan
