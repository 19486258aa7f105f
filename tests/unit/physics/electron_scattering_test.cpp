// Neutrino-electron elastic scattering: couplings, kinematics, quadrature vs closed form vs
// adaptive integration, and electron counting.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/electron_scattering.hpp"

namespace cevns {
namespace {

constexpr Neutrino nue{Flavour::e, false}, nuebar{Flavour::e, true}, numu{Flavour::mu, false},
    numubar{Flavour::mu, true}, nutau{Flavour::tau, false};

TEST(ElectronScattering, TreeLevelCouplings) {
  const double s = 0.23857;
  EXPECT_DOUBLE_EQ(electron_couplings(nue, s).left, 0.5 + s);
  EXPECT_DOUBLE_EQ(electron_couplings(nue, s).right, s);
  EXPECT_DOUBLE_EQ(electron_couplings(numu, s).left, -0.5 + s);
  EXPECT_DOUBLE_EQ(electron_couplings(nutau, s).left, -0.5 + s);
  // Antineutrinos swap the chiral couplings.
  EXPECT_DOUBLE_EQ(electron_couplings(nuebar, s).left, s);
  EXPECT_DOUBLE_EQ(electron_couplings(nuebar, s).right, 0.5 + s);
  EXPECT_DOUBLE_EQ(electron_couplings(numubar, s).right, -0.5 + s);
  EXPECT_THROW((void)electron_couplings(nue, 1.2), InputError);
}

TEST(ElectronScattering, MaxRecoilFromElasticKinematics) {
  // Independent route: backscatter, E' = E / (1 + 2E/m_e), T_max = E - E'.
  const ElectronScattering es;
  const double me = constants::electron_mass_MeV;
  for (double E : {0.1, 1.0, 10.0}) {
    const double backscattered = E / (1.0 + 2.0 * E / me);
    EXPECT_NEAR(es.max_recoil(E * units::MeV) / units::MeV, E - backscattered, 1e-12 * E);
  }
}

TEST(ElectronScattering, DifferentialAtZeroRecoilIsPrefactorTimesCouplingsSquared) {
  // At T = 0 the bracket is g_L^2 + g_R^2.
  const ElectronScattering es;
  const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);
  const double pref = 2 * gf * gf * constants::electron_mass_MeV / std::numbers::pi;
  const auto g = es.couplings(numu);
  EXPECT_NEAR(es.differential(numu, 5.0, 0.0), pref * (g.left * g.left + g.right * g.right),
              1e-12 * pref);
  EXPECT_EQ(es.differential(numu, 5.0, es.max_recoil(5.0) * 1.001), 0.0);
  EXPECT_EQ(es.differential(numu, 5.0, -1e-3), 0.0);
}

TEST(ElectronScattering, QuadratureMatchesClosedFormAndAdaptive) {
  const ElectronScattering es;
  for (const auto& nu : all_neutrinos)
    for (double E : {0.05, 0.862, 3.0, 10.0, 100.0}) {
      const double e = E * units::MeV;
      const double fixed = es.total(nu, e);
      const double closed = es.total_analytic(nu, e);
      const double adaptive =
          adaptive_integral([&](double T) { return es.differential(nu, e, T); }, 0.0, es.max_recoil(e));
      EXPECT_NEAR(fixed, closed, 1e-11 * closed) << to_string(nu) << " " << E;
      EXPECT_NEAR(adaptive, closed, 1e-9 * closed) << to_string(nu) << " " << E;
      // With a recoil threshold at a third of T_max.
      const double t0 = es.max_recoil(e) / 3.0;
      const double adaptive_cut =
          adaptive_integral([&](double T) { return es.differential(nu, e, T); }, t0, es.max_recoil(e));
      EXPECT_NEAR(es.total(nu, e, t0), adaptive_cut, 1e-9 * adaptive_cut);
      EXPECT_NEAR(es.total_analytic(nu, e, t0), adaptive_cut, 1e-9 * adaptive_cut);
    }
}

TEST(ElectronScattering, HighEnergyLimit) {
  // E >> m_e: T_max -> E and the m_e T / E^2 term vanishes, so
  // sigma -> (2 G_F^2 m_e E / pi)(g_L^2 + g_R^2 / 3); corrections are O(m_e / E).
  const ElectronScattering es;
  const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);
  const double E = 50 * units::GeV;
  for (const auto& nu : all_neutrinos) {
    const auto g = es.couplings(nu);
    const double limit = 2 * gf * gf * constants::electron_mass_MeV * E / std::numbers::pi *
                         (g.left * g.left + g.right * g.right / 3.0);
    EXPECT_NEAR(es.total(nu, E) / limit, 1.0, 1e-4) << to_string(nu);
  }
  // nu_e / nu_mu in that limit: ((1/2 + s)^2 + s^2/3) / ((s - 1/2)^2 + s^2/3).
  const double s = es.sin2_theta_w();
  const double ratio = ((0.5 + s) * (0.5 + s) + s * s / 3) / ((s - 0.5) * (s - 0.5) + s * s / 3);
  EXPECT_NEAR(es.total(nue, E) / es.total(numu, E), ratio, 1e-4 * ratio);
  EXPECT_GT(ratio, 5.5);  // the charged current makes nu_e about six times nu_mu
}

TEST(ElectronScattering, ThresholdsAndBadInput) {
  const ElectronScattering es;
  EXPECT_EQ(es.total(nue, 0.0), 0.0);
  EXPECT_EQ(es.total(nue, 1.0, es.max_recoil(1.0)), 0.0);
  EXPECT_EQ(es.total_analytic(nue, 1.0, 2.0), 0.0);
  EXPECT_THROW((void)es.total(nue, -1.0), InputError);
  EXPECT_THROW((void)es.total(nue, 1.0, -0.1), InputError);
  EXPECT_THROW((void)es.total_analytic(nue, std::nan("")), InputError);
  EXPECT_THROW(ElectronScattering{0.0}, InputError);
}

TEST(ElectronScattering, ElectronsPerFormulaUnit) {
  const auto& db = io::default_nuclear_database();
  EXPECT_NEAR(electrons_per_formula_unit(Material::from_name(db, "Ge")), 32.0, 1e-9);
  EXPECT_NEAR(electrons_per_formula_unit(Material::from_name(db, "H2O")), 10.0, 1e-9);
  EXPECT_NEAR(electrons_per_formula_unit(Material::from_name(db, "CaWO4")), 20 + 74 + 4 * 8, 1e-9);
}

}  // namespace
}  // namespace cevns
