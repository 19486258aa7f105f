// The rate engine (rates/recoil_rate.hpp) against the dark-matter module's own suffix-sum route
// (CevnsRecoilRate), component by component of the neutrino floor, on Xe, Ge, Ar and CaWO4, with an
// adaptive double integral as the arbiter where the two differ.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/darkmatter/neutrino_background.hpp"
#include "cevns/darkmatter/recoil_binning.hpp"
#include "cevns/io/atmospheric_data_reader.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/rates/recoil_rate.hpp"

using namespace cevns;

namespace {

// dR/dT per kg by adaptive integration of the analytic spectra (per panel, from E_min(T)).
double adaptive_rate(const MaterialCrossSection& xs, const NeutrinoSource& src, double t) {
  double sum = 0.0;
  for (std::size_t i = 0; i < xs.isotopes().size(); ++i) {
    const auto& iso = xs.isotopes()[i];
    const double e_min = iso.min_neutrino_energy(t);
    for (const auto nu : src.species()) {
      const Spectrum& s = *src.spectrum(nu);
      double v = 0.0;
      for (const auto& l : s.lines())
        if (l.energy > e_min) v += l.intensity * iso.differential(nu, l.energy, t);
      if (s.has_continuum()) {
        std::vector<double> cuts{e_min};
        for (const double e : s.panel_edges())
          if (e > e_min) cuts.push_back(e);
        for (std::size_t k = 0; k + 1 < cuts.size(); ++k)
          v += adaptive_integral([&](double E) { return s.density(E) * iso.differential(nu, E, t); }, cuts[k],
                                 cuts[k + 1], 1e-10);
      }
      sum += xs.material().nuclei_per_kg(i) * v;
    }
  }
  return sum;
}

}  // namespace

// Recoil spectra at 25 recoils from 1e-6 to 0.9 of T_max, where the rate exceeds 1e-6 of its
// largest value: the routes agree to 1e-4; where they do not (the old route truncates its node sums
// at E_min, a kink, which leaves up to ~1e-3 of noise on the wide DSNB panels and near the 8B/hep
// endpoints), the adaptive integral sides with the engine (1e-7) and the old route is the one more
// than 1e-4 away.
TEST(DarkMatterEngine, RecoilSpectraEqualTheSuffixSumRoute) {
  const auto bgs = dark_matter_neutrino_backgrounds(io::default_solar_model(), io::default_atmospheric_flux());
  int disagreements = 0;
  for (const char* target : {"Xe", "Ge", "Ar", "CaWO4"}) {
    const MaterialCrossSection xs(Material::from_name(io::default_nuclear_database(), target));
    for (const auto& bg : bgs) {
      const CevnsRecoilRate old_route(xs, bg.source);
      const RecoilRate engine(xs, TabulatedSource(bg.source));
      // The old route ends at its last quadrature node, the engine at the spectrum's end.
      EXPECT_NEAR(engine.max_recoil() / old_route.max_recoil(), 1.0, 1e-2);
      const double tmax = old_route.max_recoil();
      std::vector<double> recoils, rates;
      for (int i = 0; i <= 24; ++i) {
        recoils.push_back(0.9 * tmax * std::pow(10.0, -6.0 + 6.0 * i / 24.0));
        rates.push_back(engine.differential_per_kg(recoils.back()));
      }
      const double largest = *std::max_element(rates.begin(), rates.end());
      for (std::size_t i = 0; i < recoils.size(); ++i) {
        const double t = recoils[i], a = rates[i], b = old_route.differential_per_kg(t);
        if (a < 1e-6 * largest || std::abs(a / b - 1.0) <= 1e-4) continue;
        ++disagreements;
        const double ref = adaptive_rate(xs, bg.source, t);
        EXPECT_NEAR(a / ref, 1.0, 1e-7) << target << " " << bg.name << " at " << t / units::keV << " keV";
        EXPECT_GT(std::abs(b / ref - 1.0), 1e-4) << target << " " << bg.name << " at " << t / units::keV << " keV";
      }
    }
  }
  RecordProperty("points_where_the_old_route_is_off", disagreements);
}

// The fog's binned counts (20 log bins from 0.1 keV): the same numbers from both routes.
TEST(DarkMatterEngine, BinnedFogBackgroundsEqualTheSuffixSumRoute) {
  const auto bgs = dark_matter_neutrino_backgrounds(io::default_solar_model(), io::default_atmospheric_flux());
  RecoilBinning binning;
  binning.threshold = 0.1 * units::keV;
  binning.max_recoil = 100.0 * units::keV;
  binning.bins = 20;
  for (const char* target : {"Xe", "Ge", "Ar", "CaWO4"}) {
    const MaterialCrossSection xs(Material::from_name(io::default_nuclear_database(), target));
    for (const auto& bg : bgs) {
      const CevnsRecoilRate old_route(xs, bg.source);
      const RecoilRate engine(xs, TabulatedSource(bg.source));
      const auto a = binning.integrate([&](double t) { return engine.differential_per_kg(t); }, engine.max_recoil());
      const auto b = binning.integrate([&](double t) { return old_route.differential_per_kg(t); }, old_route.max_recoil());
      double ta = 0.0, tb = 0.0;
      for (std::size_t k = 0; k < a.size(); ++k) {
        ta += a[k];
        tb += b[k];
      }
      if (tb > 0.0) EXPECT_NEAR(ta / tb, 1.0, 1e-4) << target << " " << bg.name;
      else EXPECT_EQ(ta, 0.0) << target << " " << bg.name;
    }
  }
}
