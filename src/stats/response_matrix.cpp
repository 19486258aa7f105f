#include "cevns/stats/response_matrix.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/rates/recoil_kernel.hpp"
#include "cevns/sources/tabulated_spectrum.hpp"

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
  const auto nT = static_cast<Eigen::Index>(recoil_edges.size() - 1);
  const auto nE = static_cast<Eigen::Index>(energy_edges.size() - 1);
  ResponseMatrix r{recoil_edges, energy_edges, Eigen::MatrixXd::Zero(nT, nE)};
  // Column i: the recoil engine on a unit density over energy bin i, on a kernel over the recoil
  // bins (panels broken at every recoil edge), per kg -> per formula unit.
  const double per_formula_unit = 1.0 / xs.material().formula_units_per_kg();
  for (Eigen::Index i = 0; i < nE; ++i) {
    const auto e = static_cast<std::size_t>(i);
    NeutrinoSource box;
    box.add(nu, Spectrum([](double) { return 1.0; }, energy_edges[e], energy_edges[e + 1]));
    const RecoilKernel kernel(xs, TabulatedSource(box), {recoil_edges.front(), recoil_edges.back()}, recoil_edges);
    const auto& nodes = kernel.nodes();
    for (std::size_t k = 0; k < kernel.isotopes(); ++k) {
      const auto cells = kernel.cells(k, 0);
      for (std::size_t j = 0; j < nodes.size(); ++j) {
        const auto it = std::upper_bound(recoil_edges.begin(), recoil_edges.end(), nodes[j]);
        if (it == recoil_edges.begin() || it == recoil_edges.end()) continue;
        r.matrix(static_cast<Eigen::Index>(it - recoil_edges.begin()) - 1, i) += cells[j] * per_formula_unit;
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
