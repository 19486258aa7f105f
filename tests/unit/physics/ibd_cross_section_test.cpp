// IBD on free protons: threshold, zero outside the channel, model relations and proton counting.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/ibd_cross_section.hpp"

namespace cevns {
namespace {

constexpr Neutrino nuebar{Flavour::e, true};

TEST(IbdCrossSection, ThresholdFromTwoBodyKinematics) {
  // Independent route: at threshold the e+ n system is at rest in the CM frame, so
  // s = (m_n + m_e)^2 = m_p^2 + 2 m_p E_th.
  const IbdCrossSection ibd;
  const double mp = constants::proton_mass_MeV, mn = constants::neutron_mass_MeV,
               me = constants::electron_mass_MeV;
  const double E = ibd.threshold() / units::MeV;
  EXPECT_NEAR(std::sqrt(mp * mp + 2.0 * mp * E), mn + me, 1e-9);
}

TEST(IbdCrossSection, ZeroBelowThresholdPositiveAbove) {
  for (auto model : {IbdModel::strumia_vissani, IbdModel::zeroth_order}) {
    const IbdCrossSection ibd(model);
    EXPECT_EQ(ibd.total(0.0), 0.0);
    EXPECT_EQ(ibd.total(1.0 * units::MeV), 0.0);
    EXPECT_EQ(ibd.total(ibd.threshold() * (1.0 - 1e-9)), 0.0);
    EXPECT_GT(ibd.total(ibd.threshold() * (1.0 + 1e-6)), 0.0);
    // Near threshold sigma ~ p_e rises steeply, and it keeps rising with energy.
    EXPECT_LT(ibd.total(2.0 * units::MeV), ibd.total(3.0 * units::MeV));
  }
}

TEST(IbdCrossSection, OnlyElectronAntineutrinos) {
  const IbdCrossSection ibd;
  const double E = 10 * units::MeV;
  EXPECT_GT(ibd.total(nuebar, E), 0.0);
  EXPECT_EQ(ibd.total(nuebar, E), ibd.total(E));
  for (const auto& nu : all_neutrinos)
    if (nu != nuebar) {
      EXPECT_EQ(ibd.total(nu, E), 0.0) << to_string(nu);
    }
}

TEST(IbdCrossSection, ZerothOrderScalesAsPositronEnergyTimesMomentum) {
  // sigma0 / (E_e p_e) is one constant: G_F^2 cos^2 theta_C / pi (1 + 3 g_A^2)(1 + 0.024).
  const IbdCrossSection ibd(IbdModel::zeroth_order);
  const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);
  const double ga = constants::axial_coupling_gA, c = constants::cos_cabibbo;
  const double expected = gf * gf * c * c / std::numbers::pi * (1 + 3 * ga * ga) * 1.024;
  const double me = constants::electron_mass_MeV;
  for (double E : {2.0, 5.0, 30.0}) {
    const double Ee = E - (constants::neutron_mass_MeV - constants::proton_mass_MeV);
    const double pe = std::sqrt(Ee * Ee - me * me);
    EXPECT_NEAR(ibd.total(E * units::MeV) / (Ee * pe), expected, 1e-12 * expected);
  }
}

TEST(IbdCrossSection, StrumiaVissaniEnergyDependence) {
  // Eq. 25 of Strumia & Vissani: sigma / (p_e E_e) = 1e-43 cm^2 E^a(E), so ln(ratio) / ln E = a(E).
  const IbdCrossSection ibd;
  const double me = constants::electron_mass_MeV;
  const double delta = constants::neutron_mass_MeV - constants::proton_mass_MeV;
  for (double E : {3.0, 20.0, 150.0}) {
    const double Ee = E - delta, pe = std::sqrt(Ee * Ee - me * me);
    const double ratio = ibd.total(E * units::MeV) / units::cm2 / (1e-43 * pe * Ee);
    const double l = std::log(E);
    EXPECT_NEAR(std::log(ratio) / l, -0.07056 + 0.02018 * l - 0.001953 * l * l * l, 1e-12);
  }
}

TEST(IbdCrossSection, RejectsBadEnergies) {
  const IbdCrossSection ibd;
  EXPECT_THROW((void)ibd.total(-1.0), InputError);
  EXPECT_THROW((void)ibd.total(std::nan("")), InputError);
  EXPECT_THROW((void)ibd.total(nuebar, -1.0), InputError);
  EXPECT_THROW((void)ibd.total(Neutrino{Flavour::mu, false}, -1.0), InputError);
  EXPECT_THROW((void)parse_ibd_model("vogel"), InputError);
  EXPECT_EQ(parse_ibd_model("sv"), IbdModel::strumia_vissani);
  EXPECT_EQ(parse_ibd_model(to_string(IbdModel::zeroth_order)), IbdModel::zeroth_order);
}

TEST(IbdCrossSection, FreeProtonsCountOnlyHydrogenOne) {
  const auto& db = io::default_nuclear_database();
  // Water: two hydrogen atoms, of which the fraction 0.999885 (IUPAC) is 1H.
  EXPECT_NEAR(free_protons_per_formula_unit(Material::from_name(db, "H2O")), 2 * 0.999885, 1e-9);
  EXPECT_EQ(free_protons_per_formula_unit(Material::from_name(db, "Ge")), 0.0);
  // "H2" is the isotope name of deuterium, whose proton is bound.
  EXPECT_EQ(free_protons_per_formula_unit(Material::from_name(db, "H2")), 0.0);
}

}  // namespace
}  // namespace cevns
