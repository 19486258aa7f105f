// CEvNS recoil spectra of neutrino sources on a dark-matter target: the rate engine
// against an adaptive double integral, and the integral over recoils against the flux-averaged
// total cross section.
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/darkmatter/neutrino_background.hpp"
#include "cevns/rates/recoil_rate.hpp"
#include "cevns/io/atmospheric_data_reader.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"

namespace cevns {
namespace {

TEST(NeutrinoBackground, RecoilSpectrumMatchesAdaptiveIntegral) {
  const Material xe = Material::from_name(io::default_nuclear_database(), "Xe131");
  const MaterialCrossSection xs(xe);
  const auto& iso = xs.isotopes().front();
  const double per_kg = xe.nuclei_per_kg(0);
  const NeutrinoSource b8 = solar_source(io::default_solar_model(), {SolarComponent::B8});
  const NeutrinoSource atm = atmospheric_source(io::default_atmospheric_flux());
  for (const auto* src : {&b8, &atm}) {
    const RecoilRate rate(xs, TabulatedSource(*src));
    for (double t_keV : {0.01, 1.0, 3.0, 20.0}) {
      const double T = t_keV * units::keV;
      double ref = 0.0;
      for (const auto nu : src->species()) {
        const Spectrum& s = *src->spectrum(nu);
        const double lo = std::max(iso.min_neutrino_energy(T), s.min_energy());
        if (lo >= s.max_energy()) continue;
        // Split at the table panel edges above lo (the adaptive rule needs smooth pieces).
        std::vector<double> cuts{lo};
        for (double e : s.panel_edges())
          if (e > lo) cuts.push_back(e);
        for (std::size_t k = 0; k + 1 < cuts.size(); ++k)
          ref += adaptive_integral([&](double E) { return s.density(E) * iso.differential(nu, E, T); }, cuts[k],
                                   cuts[k + 1], 1e-9);
      }
      ref *= per_kg;
      const double got = rate.differential_per_kg(T);
      if (ref == 0.0) {
        EXPECT_EQ(got, 0.0) << src->name << " " << t_keV;
      } else {
        EXPECT_NEAR(got / ref, 1.0, 1e-4) << src->name << " " << t_keV << " keV";
      }
    }
  }
}

TEST(NeutrinoBackground, IntegralOverRecoilsIsFluxAveragedCrossSection) {
  // int dR/dT dT from ~0 to T_max = n int dPhi sigma(E): 8B on Xe131 (continuum) and 7Be (lines).
  const Material xe = Material::from_name(io::default_nuclear_database(), "Xe131");
  const MaterialCrossSection xs(xe);
  for (auto c : {SolarComponent::B8, SolarComponent::Be7}) {
    const NeutrinoSource src = solar_source(io::default_solar_model(), {c});
    const RecoilRate rate(xs, TabulatedSource(src));
    double ref = 0.0;
    for (const auto nu : src.species())
      ref += src.spectrum(nu)->integrate([&](double E) { return xs.isotopes()[0].total(nu, E); });
    ref *= xe.nuclei_per_kg(0);
    EXPECT_NEAR(rate.integrated_per_kg(1e-9 * units::keV, 1e3 * units::keV) / ref, 1.0, 2e-4) << to_string(c);
  }
}

TEST(NeutrinoBackground, StandardComponentsAndUncertainties) {
  const auto bgs = dark_matter_neutrino_backgrounds(io::default_solar_model(), io::default_atmospheric_flux());
  ASSERT_EQ(bgs.size(), 10u);
  const double unit = 1.0 / (units::cm2 * units::s);
  // O'Hare 2021 (NeutrinoFog src/Params.py): 8B 5.16e6 at 2 %, hep 30 %, DSNB 85.7 at 50 %, atm 25 %.
  EXPECT_EQ(bgs[4].name, "8B");
  EXPECT_NEAR(bgs[4].source.total() / unit, 5.16e6, 1e-6 * 5.16e6);
  EXPECT_DOUBLE_EQ(bgs[4].relative_uncertainty, 0.02);
  EXPECT_DOUBLE_EQ(bgs[2].relative_uncertainty, 0.30);
  EXPECT_NEAR(bgs[8].source.total() / unit, 85.7, 1e-6 * 85.7);
  EXPECT_DOUBLE_EQ(bgs[8].relative_uncertainty, 0.50);
  EXPECT_EQ(bgs[9].name, "atm");
  EXPECT_DOUBLE_EQ(bgs[9].relative_uncertainty, 0.25);
  // The model fluxes keep the SSM total (B16-GS98 8B 5.46e6).
  const auto model = dark_matter_neutrino_backgrounds(io::default_solar_model(), io::default_atmospheric_flux(),
                                                      BackgroundFluxes::model);
  EXPECT_NEAR(model[4].source.total() / unit, 5.46e6, 0.01e6);
}

}  // namespace
}  // namespace cevns
