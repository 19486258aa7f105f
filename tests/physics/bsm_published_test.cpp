// Published statements reproduced with the BSM models (docs/validation/bsm.md).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "cevns/core/constants.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/cevns_cross_section.hpp"

namespace cevns {
namespace {

const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);

TEST(BsmPublished, NsiOfOnePercentIsTheTeVScale) {
  // Seed 000 (W. Maneschg 2018): "eps ~ M_W^2/M_NSI^2; eps = 0.01 -> TeV scale". With our exact
  // heavy-Z' relation eps = g^2/(sqrt2 G_F M^2) and an electroweak-strength coupling g = e/sin(theta_W),
  // eps = 0.01 needs M ~ 1.6 TeV, and eps M^2 / M_W^2 is O(1) (= 4 here).
  const double e = std::sqrt(4.0 * std::numbers::pi * constants::fine_structure_alpha);
  const double g = e / std::sqrt(constants::sin2_theta_w_default);
  const double M = g / std::sqrt(std::sqrt(2.0) * gf * 0.01);
  EXPECT_GT(M, 1.0 * units::GeV * 1e3);
  EXPECT_LT(M, 3.0 * units::GeV * 1e3);
  const double mw = constants::w_boson_mass_MeV;
  EXPECT_NEAR(0.01 * M * M / (mw * mw), 4.0, 0.5);
  // And the cross section built from that Z' equals the NSI one.
  CevnsSettings z, n;
  z.bsm.zprime = {M, g, ZprimeModel::universal};
  n.bsm.vector_u[0][0] = n.bsm.vector_d[0][0] = g * g / (std::sqrt(2.0) * gf * M * M);  // = 0.01
  const auto& ge = io::default_nuclear_database().isotope("Ge", 72);
  const CevnsCrossSection a(ge, z), b(ge, n);
  EXPECT_NEAR(a.total({Flavour::e, true}, 5.0) / b.total({Flavour::e, true}, 5.0), 1.0, 1e-6);
  const CevnsCrossSection sm(ge);
  // eps^u = eps^d = 0.01 shifts g_V^n = -0.51 by +0.03: a ~20% destructive change on Ge.
  EXPECT_NEAR(a.total({Flavour::e, true}, 5.0) / sm.total({Flavour::e, true}, 5.0), 0.79, 0.02);
}

}  // namespace
}  // namespace cevns
