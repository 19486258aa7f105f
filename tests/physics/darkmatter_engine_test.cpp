// The rate engine (rates/recoil_rate.hpp) on the dark-matter backgrounds, component by component of
// the neutrino floor, against adaptive double integrals of the analytic spectra.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/darkmatter/neutrino_background.hpp"
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
                                 cuts[k + 1], 1e-9);
      }
      sum += xs.material().nuclei_per_kg(i) * v;
    }
  }
  return sum;
}

}  // namespace

// Every component of the neutrino floor on Xe, Ge, Ar and CaWO4, at 5 recoils from 1e-6 to 0.9 of
// T_max where the rate exceeds 1e-6 of its largest value: the engine equals the adaptive double
// integral (1e-9) to 1e-7. (The dark-matter module's former suffix-sum route over the spectrum's own
// quadrature nodes agreed with the engine to 1e-4 except where its truncation at E_min, a kink, left
// up to 1e-3 of noise: the wide DSNB panels and the 8B/hep endpoints; there the adaptive integral
// sided with the engine. It was retired after that comparison.)
TEST(DarkMatterEngine, RecoilSpectraEqualAdaptiveDoubleIntegrals) {
  const auto bgs = dark_matter_neutrino_backgrounds(io::default_solar_model(), io::default_atmospheric_flux());
  for (const char* target : {"Xe", "Ge", "Ar", "CaWO4"}) {
    const MaterialCrossSection xs(Material::from_name(io::default_nuclear_database(), target));
    for (const auto& bg : bgs) {
      const RecoilRate engine(xs, TabulatedSource(bg.source));
      const double tmax = engine.max_recoil();
      std::vector<double> recoils, rates;
      for (int i = 0; i <= 4; ++i) {
        recoils.push_back(0.9 * tmax * std::pow(10.0, -6.0 + 6.0 * i / 4.0));
        rates.push_back(engine.differential_per_kg(recoils.back()));
      }
      const double largest = *std::max_element(rates.begin(), rates.end());
      for (std::size_t i = 0; i < recoils.size(); ++i) {
        if (rates[i] < 1e-6 * largest) continue;
        EXPECT_NEAR(rates[i] / adaptive_rate(xs, bg.source, recoils[i]), 1.0, 1e-7)
            << target << " " << bg.name << " at " << recoils[i] / units::keV << " keV";
      }
    }
  }
}
