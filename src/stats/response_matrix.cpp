#include "cevns/stats/response_matrix.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"

namespace cevns::stats {
namespace {

void check_edges(const std::vector<double>& e, const char* what) {
  if (e.size() < 2) throw InputError(std::string(what) + " needs at least two edges");
  for (std::size_t i = 0; i + 1 < e.size(); ++i)
    if (!(e[i + 1] > e[i]) || !(e[i] >= 0.0)) throw InputError(std::string(what) + " edges must increase from >= 0");
}

}  // namespace

ResponseMatrix build_response_matrix(const MaterialCrossSection& xs, Neutrino nu,
                                     const std::vector<double>& recoil_edges,
                                     const std::vector<double>& energy_edges, double exposure_per_formula_unit,
                                     double efficiency) {
  check_edges(recoil_edges, "the recoil binning");
  check_edges(energy_edges, "the neutrino-energy binning");
  static const FixedQuadrature e_rule(16, 1);
  static const FixedQuadrature t_rule(8, 1);
  const auto nT = static_cast<Eigen::Index>(recoil_edges.size() - 1);
  const auto nE = static_cast<Eigen::Index>(energy_edges.size() - 1);
  ResponseMatrix r{recoil_edges, energy_edges, Eigen::MatrixXd::Zero(nT, nE)};
  const auto& isotopes = xs.isotopes();
  for (Eigen::Index i = 0; i < nE; ++i) {
    const double e0 = energy_edges[static_cast<std::size_t>(i)], e1 = energy_edges[static_cast<std::size_t>(i) + 1];
    for (std::size_t a = 0; a < e_rule.size(); ++a) {
      const double E = e0 + (e1 - e0) * e_rule.unit_nodes()[a];
      const double wE = (e1 - e0) * e_rule.unit_weights()[a];
      for (std::size_t k = 0; k < isotopes.size(); ++k) {
        const double tmax = isotopes[k].max_recoil(E);
        const double w = xs.weight(k) * wE;
        for (Eigen::Index j = 0; j < nT; ++j) {
          const double t0 = recoil_edges[static_cast<std::size_t>(j)];
          const double t1 = std::min(recoil_edges[static_cast<std::size_t>(j) + 1], tmax);
          if (!(t1 > t0)) break;  // edges increase: later bins are above T_max too
          const double in_bin = t_rule.integrate([&](double T) { return isotopes[k].differential(nu, E, T); }, t0, t1);
          r.matrix(j, i) += w * in_bin;
        }
      }
    }
  }
  r.matrix *= exposure_per_formula_unit * efficiency;
  return r;
}

Eigen::VectorXd bin_average(const std::function<double(double)>& density, const std::vector<double>& edges) {
  check_edges(edges, "the binning");
  static const FixedQuadrature rule(16, 4);
  Eigen::VectorXd v(static_cast<Eigen::Index>(edges.size() - 1));
  for (std::size_t i = 0; i + 1 < edges.size(); ++i)
    v(static_cast<Eigen::Index>(i)) = rule.integrate(density, edges[i], edges[i + 1]) / (edges[i + 1] - edges[i]);
  return v;
}

}  // namespace cevns::stats
