// The unfolding response matrix (from the rate engine) against a direct double integral: composite
// Gauss-Legendre in E (split where T_max(E) crosses a recoil edge) of composite Gauss-Legendre in T.
#include <gtest/gtest.h>

#include <algorithm>

#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/stats/response_matrix.hpp"

using namespace cevns;

TEST(ResponseMatrix, EntriesMatchDirectDoubleIntegrals) {
  // Al2O3 (27Al and three O isotopes): recoil bins 5 eV - 2 keV, energy bins 0.5 - 8 MeV.
  const MaterialCrossSection xs(Material::from_name(io::default_nuclear_database(), "Al2O3"));
  const Neutrino nu{Flavour::e, true};
  std::vector<double> t_edges, e_edges;
  for (double t : {0.005, 0.02, 0.1, 0.4, 2.0}) t_edges.push_back(t * units::keV);
  for (double e : {0.5, 1.5, 3.0, 8.0}) e_edges.push_back(e * units::MeV);
  const auto r = stats::build_response_matrix(xs, nu, t_edges, e_edges, 1.0);
  for (std::size_t i = 0; i + 1 < e_edges.size(); ++i)
    for (std::size_t j = 0; j + 1 < t_edges.size(); ++j) {
      double ref = 0.0;
      for (std::size_t k = 0; k < xs.isotopes().size(); ++k) {
        const auto& iso = xs.isotopes()[k];
        // int dE int_{T_j}^{min(T_j+1, T_max(E))} dT; the outer integrand has kinks where T_max(E)
        // crosses the recoil edges, so the E range is split there.
        std::vector<double> cuts{e_edges[i], e_edges[i + 1]};
        for (const double t : {t_edges[j], t_edges[j + 1]}) {
          const double e = iso.min_neutrino_energy(t);
          if (e > e_edges[i] && e < e_edges[i + 1]) cuts.push_back(e);
        }
        std::sort(cuts.begin(), cuts.end());
        static const FixedQuadrature outer(20, 32), inner(20, 8);
        for (std::size_t c = 0; c + 1 < cuts.size(); ++c)
          ref += xs.weight(k) * outer.integrate(
                                    [&](double E) {
                                      const double hi = std::min(t_edges[j + 1], iso.max_recoil(E));
                                      if (!(hi > t_edges[j])) return 0.0;
                                      return inner.integrate([&](double T) { return iso.differential(nu, E, T); },
                                                             t_edges[j], hi);
                                    },
                                    cuts[c], cuts[c + 1]);
      }
      const double got = r.matrix(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i));
      if (ref == 0.0) EXPECT_EQ(got, 0.0) << i << " " << j;
      else EXPECT_NEAR(got / ref, 1.0, 1e-6) << "energy bin " << i << ", recoil bin " << j;
    }
}
