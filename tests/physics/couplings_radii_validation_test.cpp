// Validation of constants, couplings and nuclear radii against ../shared/validation.md
// (ids C01, C04, C05, N01, N05) with the publications cited per test.
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/constants.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/cevns_cross_section.hpp"
#include "cevns/physics/weak_charge.hpp"

namespace cevns {
namespace {

constexpr Neutrino nue{Flavour::e, false}, numu{Flavour::mu, false}, nutau{Flavour::tau, false};

TEST(Validation, C01_WeakMixingAngleAtLowQ) {
  // PDG 2018 (Tanabashi et al., PRD 98, 030001): 0.23857(5); Erler & Ferro-Hernandez 2018: 0.23868.
  EXPECT_EQ(constants::sin2_theta_w_default, 0.23857);
  EXPECT_EQ(constants::sin2_theta_w_low_q_erler2018, 0.23868);
}

TEST(Validation, C04_TreeLevelCouplings) {
  // g_V^p = 1/2 - 2 sin^2 theta_W = 0.02286, g_V^n = -1/2; Q_W = N - (1 - 4 s^2) Z (Wagner 2022 review, NUCLEUS INFN presentation).
  const auto g = standard_model_couplings(nue, CouplingScheme::tree_level, 0.23857);
  EXPECT_NEAR(g.proton, 0.02286, 1e-6);
  EXPECT_EQ(g.neutron, -0.5);
  CevnsSettings s;
  s.couplings = CouplingScheme::tree_level;
  const CevnsCrossSection cs(io::default_nuclear_database().isotope("Cs", 133), s);
  EXPECT_NEAR(std::abs(cs.weak_charge(nue, 0.0)), 78 - (1 - 4 * 0.23857) * 55, 1e-10);
}

TEST(Validation, C05_RadiativelyCorrectedCouplings) {
  // Erler & Su, Prog. Part. Nucl. Phys. 71 (2013) 119, as used in COHERENT's rate code:
  // g_V^p(numu, incl. charge radius) = 0.0298, without 0.01836; g_V^n = -0.5117;
  // charge-radius shifts nue +0.0196964, numu +0.0114381, nutau +0.00706633.
  const double s2 = constants::sin2_theta_w_default;
  const auto e = standard_model_couplings(nue, CouplingScheme::radiative, s2);
  const auto mu = standard_model_couplings(numu, CouplingScheme::radiative, s2);
  const auto tau = standard_model_couplings(nutau, CouplingScheme::radiative, s2);
  EXPECT_NEAR(mu.proton, 0.0298, 5e-5);
  EXPECT_NEAR(e.proton - 0.01836, 0.0196964, 1e-12);
  EXPECT_NEAR(tau.proton - 0.01836, 0.00706633, 1e-12);
  EXPECT_EQ(mu.neutron, -0.5117);
  // antineutrinos share the couplings
  const auto mubar = standard_model_couplings({Flavour::mu, true}, CouplingScheme::radiative, s2);
  EXPECT_EQ(mubar.proton, mu.proton);
}

TEST(Validation, N01_ChargeRadiiFromAngeliMarinova2013) {
  // I. Angeli, K.P. Marinova, ADNDT 99 (2013) 69: rms charge radii in fm.
  const auto& db = io::default_nuclear_database();
  const std::vector<std::tuple<const char*, int, double>> radii{
      {"Na", 23, 2.9936}, {"Ar", 40, 3.4274}, {"Ge", 72, 4.0576}, {"Cs", 133, 4.8041},
      {"I", 127, 4.7500}, {"Xe", 132, 4.7859}, {"Pb", 208, 5.5012}};
  for (const auto& [symbol, A, r] : radii) {
    const auto& n = db.isotope(symbol, A);
    EXPECT_EQ(n.charge_radius_fm, r) << symbol << A;
    EXPECT_TRUE(n.charge_radius_measured);
  }
}

}  // namespace
}  // namespace cevns
