// The Maneschg 2018 review's statements on CEvNS in xenon dark-matter detectors (validation DM20-DM22;
// docs/validation/darkmatter.md):
//   "8B CEvNS: XENONnT ~5 events per 20 t y, DARWIN ~100 per 400 t y" (both 0.25 per t y), and
//   "a supernova at 10 kpc gives 10-100 events per 5 t".
// The seed names no threshold. The 8B recoil spectrum on Xe ends at ~4 keVnr and falls by ~x2 per
// 0.1 keV near 2.5 keVnr, so "0.25 per t y" is a statement about the threshold: it holds for a
// step threshold of 2.7 keVnr, the usual effective nuclear-recoil threshold of a LXe TPC (3-fold
// S1 coincidence; e.g. XENON1T, PRL 126, 091301 (2021), 8B search at ~1.6 keVnr with 50 %
// efficiency reached only by relaxing it). We test at 2.7 keVnr, natural xenon, B16-GS98 8B flux,
// default CEvNS settings: within a factor 2 ("~"); the supernova count at the same threshold must
// lie in the seed's 10-100 range.
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/units.hpp"
#include "cevns/darkmatter/neutrino_background.hpp"
#include "cevns/rates/recoil_rate.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_catalog.hpp"

namespace cevns {

TEST(DarkMatterRates, Boron8InXenonExperiments) {
  const MaterialCrossSection xs(Material::from_name(io::default_nuclear_database(), "Xe"));
  const RecoilRate rate(xs, TabulatedSource(io::make_source("solar:8B", {})));
  const double per_ton_year =
      rate.integrated_per_kg(2.7 * units::keV, 100 * units::keV) * 1000 * units::year;
  EXPECT_NEAR(std::log(20 * per_ton_year / 5.0), 0.0, std::log(2.0));     // XENONnT, ours 4.6
  EXPECT_NEAR(std::log(400 * per_ton_year / 100.0), 0.0, std::log(2.0));  // DARWIN, ours 92
  // The steepness that makes the threshold part of the statement: x ~ 25 from 2 to 3 keVnr.
  const double at2 = rate.integrated_per_kg(2 * units::keV, 100 * units::keV);
  const double at3 = rate.integrated_per_kg(3 * units::keV, 100 * units::keV);
  EXPECT_GT(at2 / at3, 20.0);
}

TEST(DarkMatterRates, SupernovaAt10kpcInFiveTonnesOfXenon) {
  const MaterialCrossSection xs(Material::from_name(io::default_nuclear_database(), "Xe"));
  const RecoilRate rate(xs, TabulatedSource(io::make_source("supernova", {})));  // fluence, 10 kpc, 3e53 erg
  EXPECT_EQ(rate.normalisation(), Normalisation::fluence);
  const double events = rate.integrated_per_kg(2.7 * units::keV, 200 * units::keV) * 5000;
  EXPECT_GT(events, 10.0);
  EXPECT_LT(events, 100.0);  // ours 63
}

}  // namespace cevns
