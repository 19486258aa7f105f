// The atmospheric source (FLUKA, Battistoni et al. 2005) against the integrals stated in
// data/atmospheric/SOURCES.md (validation DM01; docs/validation/darkmatter.md).
#include <gtest/gtest.h>

#include "cevns/core/units.hpp"
#include "cevns/io/atmospheric_data_reader.hpp"
#include "cevns/io/source_catalog.hpp"

namespace cevns {

TEST(DarkMatterAtmospheric, SpeciesIntegralsMatchTheDataProvenance) {
  // SOURCES.md: nu_e 1.84, anti-nu_e 1.65, nu_mu 3.52, anti-nu_mu 3.53 /cm^2/s (three digits;
  // tolerance half a unit of the last digit), sum 10.55.
  const NeutrinoSource s = io::make_source("atmospheric", {});
  const double unit = 1.0 / (units::cm2 * units::s);
  EXPECT_NEAR(s.total({Flavour::e, false}) / unit, 1.84, 0.005);
  EXPECT_NEAR(s.total({Flavour::e, true}) / unit, 1.65, 0.005);
  EXPECT_NEAR(s.total({Flavour::mu, false}) / unit, 3.52, 0.005);
  EXPECT_NEAR(s.total({Flavour::mu, true}) / unit, 3.53, 0.005);
  EXPECT_NEAR(s.total() / unit, 10.55, 0.01);
  EXPECT_EQ(s.spectrum({Flavour::tau, false}), nullptr);
  EXPECT_EQ(s.normalisation, Normalisation::flux);
  // The source's quadrature agrees with the exact integral of the interpolant (Gauss panels of 50
  // table intervals across the C1 knots of the Steffen cubic: ~1e-6).
  const auto& flux = io::default_atmospheric_flux();
  EXPECT_NEAR(s.total({Flavour::mu, true}) / flux.density[3].integral(), 1.0, 2e-6);
  // Interpolation passes through the table: first row of fluka_AtmNu_e.txt, 13.183 MeV 0.010582.
  EXPECT_NEAR(s.spectrum({Flavour::e, false})->density(13.183 * units::MeV) / (unit / units::MeV), 0.010582, 1e-9);
}

}  // namespace cevns
