// The neutrino floor/fog for xenon against C.A.J. O'Hare, PRL 127, 251802 (2021), Fig. 3
// (data/darkmatter/ohare2021_floor_Xe_SI.txt), and the scaling regimes of the discovery limit
// (validation DM10-DM12; docs/validation/darkmatter.md).
//
// O'Hare's set-up (github cajohare/NeutrinoFog, src/runNuFloor_SI.py, Params.py, WIMPFuncs.py,
// like.f95): target "Xe" = 131Xe only (A = 131), 50 log bins 1e-4 to 200 keVnr, no efficiency or
// resolution, SHM sigma_v = 167 km/s, v_esc = 533 km/s, v_lab = 245.6 km/s, rho = 0.3 GeV/cm^3,
// Helm form factor, fluxes and uncertainties of Params.py (8B 5.16e6 +- 2 %, atm +- 25 %, DSNB
// +- 50 %, ...), 3 sigma Asimov discovery with >= 0.5 signal events, floor where n first reaches 2.
// Differences kept: our CEvNS has radiative couplings and measured radii, our solar shapes are
// the B16/Bahcall tables, no geo/reactor neutrinos (they only matter below 1 GeV).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>

#include "cevns/core/units.hpp"
#include "cevns/darkmatter/neutrino_fog.hpp"
#include "cevns/io/atmospheric_data_reader.hpp"
#include "cevns/io/data_path.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/io/text_table.hpp"

namespace cevns {
namespace {

double published_floor_cm2(double mass_GeV, const std::string& target = "Xe") {
  const auto t = io::TextTable::read(io::data_file("darkmatter/ohare2021_floor_" + target + "_SI.txt"),
                                     io::TextTable::Delimiter::whitespace, false);
  for (std::size_t r = 0; r + 1 < t.rows().size(); ++r) {
    const double m0 = t.number(r, 0), m1 = t.number(r + 1, 0);
    if (mass_GeV >= m0 && mass_GeV <= m1) {
      const double f = std::log(mass_GeV / m0) / std::log(m1 / m0);
      return std::exp(std::log(t.number(r, 1)) + f * std::log(t.number(r + 1, 1) / t.number(r, 1)));
    }
  }
  ADD_FAILURE() << "mass outside the published table";
  return 0.0;
}

const NeutrinoFog& ohare_xenon_fog() {
  static const NeutrinoFog fog(Material::from_name(io::default_nuclear_database(), "Xe131"),
                               dark_matter_neutrino_backgrounds(io::default_solar_model(), io::default_atmospheric_flux()),
                               StandardHaloModel::ohare2021(), FogOptions{});
  return fog;
}

TEST(DarkMatterFog, XenonFloorAt10And100GeVMatchesOHare2021) {
  // Tolerance 30 % (the brief): the floor at 10 GeV falls by a factor 7 per 10 % in mass (8B edge),
  // so 30 % in sigma is ~ 4 % in the WIMP spectrum's reach. Ours: 1 % and 4 %.
  for (double m : {10.0, 100.0}) {
    const FogCurve c = ohare_xenon_fog().curve(m);
    ASSERT_TRUE(c.floor_cross_section_cm2.has_value()) << m;
    EXPECT_NEAR(*c.floor_cross_section_cm2 / published_floor_cm2(m), 1.0, 0.30) << m << " GeV";
  }
}

TEST(DarkMatterFog, GermaniumAndArgonFloorsMatchOHare2021) {
  // Same set-up; O'Hare's "Ge" and "Ar" are 74Ge and 40Ar alone. Ours: within 6 %.
  for (const auto& [iso, name] : {std::pair{"Ge74", "Ge"}, std::pair{"Ar40", "Ar"}}) {
    FogOptions o;
    o.exposures_per_decade = 5;
    const NeutrinoFog fog(Material::from_name(io::default_nuclear_database(), iso),
                          dark_matter_neutrino_backgrounds(io::default_solar_model(), io::default_atmospheric_flux()),
                          StandardHaloModel::ohare2021(), o);
    for (double m : {10.0, 100.0}) {
      const FogCurve c = fog.curve(m);
      ASSERT_TRUE(c.floor_cross_section_cm2.has_value());
      EXPECT_NEAR(*c.floor_cross_section_cm2 / published_floor_cm2(m, name), 1.0, 0.30) << iso << " " << m;
    }
  }
}

TEST(DarkMatterFog, BackgroundFreeThenSaturatedThenSquareRootScaling) {
  // 100 GeV on Xe131 above 5 keVnr (atm + DSNB only): sigma ~ 1/X while background free (count
  // limited, n = 1), n > 2 where the 25 % atmospheric uncertainty saturates, and sigma ~ X^(-1/2)
  // (n -> 2) at huge exposures where the spectral shapes separate signal from background.
  FogOptions o;
  o.binning.threshold = 5 * units::keV;
  o.exposure_min_ton_year = 1e-6;
  o.exposure_max_ton_year = 1e12;
  o.exposures_per_decade = 2;
  const NeutrinoFog fog(Material::from_name(io::default_nuclear_database(), "Xe131"),
                        dark_matter_neutrino_backgrounds(io::default_solar_model(), io::default_atmospheric_flux()),
                        StandardHaloModel::ohare2021(), o);
  const FogCurve c = fog.curve(100.0);
  const auto at = [&](double x) {
    std::size_t best = 0;
    for (std::size_t j = 0; j < c.exposure_ton_year.size(); ++j)
      if (std::abs(std::log(c.exposure_ton_year[j] / x)) < std::abs(std::log(c.exposure_ton_year[best] / x))) best = j;
    return best;
  };
  const auto j0 = at(1e-6), j1 = at(1e-4), j2 = at(1e8), j3 = at(1e10);
  EXPECT_NEAR(c.cross_section_cm2[j0] * 1e-6 / (c.cross_section_cm2[j1] * 1e-4), 1.0, 1e-6);
  EXPECT_NEAR(c.fog_index[j1], 1.0, 1e-9);
  EXPECT_NEAR(c.cross_section_cm2[j3] / c.cross_section_cm2[j2], 0.1, 0.1 * 0.03);
  EXPECT_NEAR(c.fog_index[j3], 2.0, 0.02);
  double n_max = 0.0;
  for (double n : c.fog_index) n_max = std::max(n_max, n);
  EXPECT_GT(n_max, 4.0);
  ASSERT_TRUE(c.floor_exposure_ton_year.has_value());
  EXPECT_GT(*c.floor_exposure_ton_year, 1.0);  // background-free regime ends at ~10 t y
}

}  // namespace
}  // namespace cevns
