// CrossSectionTable against the direct quadrature of CevnsCrossSection (itself checked against
// adaptive integration, cevns_cross_section_test.cpp), SM and BSM, light to heavy nuclei.
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/cross_section_table.hpp"
#include "cevns/physics/physics_choices.hpp"

using namespace cevns;

namespace {

void expect_table_matches(const CevnsCrossSection& xs, Neutrino nu, double tolerance, const char* what) {
  const CrossSectionTable table(xs, nu, 300.0 * units::MeV);
  for (int i = 0; i <= 60; ++i) {
    const double E = 0.05 * units::MeV * std::pow(300.0 / 0.05, i / 60.0);
    const double direct = xs.total(nu, E), tabulated = table.total(E);
    if (direct == 0.0) {  // T_max below a recoil cutoff
      EXPECT_EQ(tabulated, 0.0) << what << " at " << E / units::MeV << " MeV";
      continue;
    }
    EXPECT_NEAR(tabulated / direct, 1.0, tolerance) << what << " sigma at " << E / units::MeV << " MeV";
    EXPECT_NEAR(table.mean_recoil(E) / xs.mean_recoil(nu, E), 1.0, tolerance)
        << what << " <T> at " << E / units::MeV << " MeV";
  }
}

}  // namespace

TEST(CrossSectionTable, StandardModelMatchesDirectQuadrature) {
  const auto& db = io::default_nuclear_database();
  for (const auto& [element, a] : {std::pair{"O", 16}, std::pair{"Ar", 40}, std::pair{"Ge", 76},
                                   std::pair{"Cs", 133}, std::pair{"Xe", 136}, std::pair{"Pb", 208}})
    expect_table_matches(CevnsCrossSection(db.isotope(element, a)), {Flavour::mu, true}, 1e-8, element);
}

TEST(CrossSectionTable, BeyondTheStandardModelMatchesDirectQuadrature) {
  const auto& db = io::default_nuclear_database();
  const Nuclide& ge = db.isotope("Ge", 72);
  PhysicsChoices zp, sc, nsi, mm;
  zp.zprime = "mass_MeV=5,coupling=1e-4";
  sc.scalar = "mass_MeV=1,coupling=1e-5";
  nsi.nsi = "eps_ee_uV=0.3,eps_ee_dV=-0.2,eps_emu_uV=0.1";
  mm.magnetic_moment_bohr = 1e-10;
  mm.min_recoil_keV = 0.01;
  for (const auto* c : {&zp, &sc, &nsi, &mm})
    expect_table_matches(CevnsCrossSection(ge, make_cevns_settings(*c)), {Flavour::e, false}, 1e-7, "Ge72 BSM");
  PhysicsChoices divergent;
  divergent.magnetic_moment_bohr = 1e-10;
  EXPECT_THROW(CrossSectionTable(CevnsCrossSection(ge, make_cevns_settings(divergent)), {Flavour::e, false},
                                 10.0 * units::MeV),
               InputError);
}

TEST(CrossSectionTable, ValuesDoNotDependOnTheTableRange) {
  const CevnsCrossSection xs(io::default_nuclear_database().isotope("Cs", 133));
  const Neutrino nu{Flavour::e, false};
  const CrossSectionTable a(xs, nu, 30.0 * units::MeV), b(xs, nu, 300.0 * units::MeV);
  for (const double E : {1.0, 7.3, 29.9})
    EXPECT_EQ(a.total(E * units::MeV), b.total(E * units::MeV));
  EXPECT_THROW((void)a.total(31.0 * units::MeV), InputError);
  EXPECT_EQ(a.total(0.0), 0.0);
}
