#include "cevns/nuclear/material.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/io/nuclear_data_reader.hpp"

namespace cevns {
namespace {

const NuclearDatabase& db() { return io::default_nuclear_database(); }

TEST(ChemicalFormula, ParsesCountsAndGroups) {
  const auto cawo4 = parse_chemical_formula("CaWO4");
  ASSERT_EQ(cawo4.size(), 3u);
  EXPECT_EQ(cawo4[2].first, "O");
  EXPECT_EQ(cawo4[2].second, 4.0);
  const auto hydroxide = parse_chemical_formula("Ca(OH)2");
  ASSERT_EQ(hydroxide.size(), 3u);
  EXPECT_EQ(hydroxide[1].second, 2.0);
  EXPECT_EQ(hydroxide[2].second, 2.0);
  EXPECT_THROW(parse_chemical_formula("Ca(OH2"), InputError);
  EXPECT_THROW(parse_chemical_formula("ca"), InputError);
}

TEST(Material, NaturalAbundancesSumToOnePerElement) {
  for (const auto& element : db().elements()) {
    double sum = 0.0;
    for (const auto& iso : db().isotopes_of(element)) sum += iso.abundance;
    EXPECT_NEAR(sum, 1.0, 2e-4) << element;
  }
}

TEST(Material, NucleiPerKgFollowFromMolarMass) {
  // CaWO4: molar mass 287.92 g/mol (IUPAC standard atomic weights Ca 40.078, W 183.84, O 15.999).
  const auto m = Material::from_name(db(), "CaWO4");
  EXPECT_NEAR(m.formula_mass_u(), 40.078 + 183.84 + 4 * 15.999, 0.01);
  double oxygen = 0.0, tungsten = 0.0;
  for (std::size_t i = 0; i < m.components().size(); ++i) {
    if (m.components()[i].nuclide.symbol == "O") oxygen += m.nuclei_per_kg(i);
    if (m.components()[i].nuclide.symbol == "W") tungsten += m.nuclei_per_kg(i);
  }
  EXPECT_NEAR(oxygen / tungsten, 4.0, 1e-12);
  EXPECT_NEAR(tungsten, 1.0 / (m.formula_mass_u() * constants::atomic_mass_unit_kg), 1e10);
}

TEST(Material, SingleIsotopeAndUserComposition) {
  const auto ar40 = Material::from_name(db(), "Ar40");
  ASSERT_EQ(ar40.components().size(), 1u);
  EXPECT_EQ(ar40.components()[0].atoms_per_formula_unit, 1.0);
  // Enriched germanium: 88 % 76Ge, 12 % 74Ge.
  const auto enriched = Material::from_name(db(), "Ge", {{"Ge", {{76, 0.88}, {74, 0.12}}}});
  ASSERT_EQ(enriched.components().size(), 2u);
  EXPECT_NEAR(enriched.components()[1].atoms_per_formula_unit, 0.88, 1e-12);
  EXPECT_THROW(Material::from_name(db(), "Ge", {{"Xe", {{132, 1.0}}}}), InputError);
  EXPECT_THROW(Material::from_name(db(), "Ge", {{"Ge", {{77, 1.0}}}}), InputError);
}

TEST(Material, UnknownTargetsAreInputErrorsWithSuggestions) {
  try {
    (void)Material::from_name(db(), "CsJ");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("CsI"), std::string::npos);
  }
  EXPECT_THROW((void)Material::from_name(db(), "Ar41"), InputError);
  EXPECT_THROW((void)Material::from_name(db(), "Qx2"), InputError);
  EXPECT_THROW((void)Material::from_name(db(), ""), InputError);
}

TEST(NuclearDatabase, IsotopeNameSpellings) {
  for (const char* name : {"Ar40", "40Ar", "Ar-40", "ar40", "40-Ar"}) {
    const auto iso = db().find_isotope(name);
    ASSERT_TRUE(iso) << name;
    EXPECT_EQ(iso->Z, 18);
    EXPECT_EQ(iso->N, 22);
  }
  EXPECT_FALSE(db().find_isotope("A4r0"));
}

TEST(Nuclide, NuclearMassSubtractsElectrons) {
  // 40Ar: atomic mass 39.9623831 u -> nuclear mass = 37224.72 - 18 m_e + B_e (~14.4 keV).
  const auto& ar = db().isotope("Ar", 40);
  const double expected = ar.atomic_mass_u * constants::atomic_mass_unit_MeV - 18 * constants::electron_mass_MeV;
  EXPECT_NEAR(ar.nuclear_mass() - expected, 14.4381e-6 * std::pow(18.0, 2.39) + 1.55468e-12 * std::pow(18.0, 5.35), 1e-9);
  EXPECT_NEAR(ar.nuclear_mass(), 37215.5, 0.1);
}

}  // namespace
}  // namespace cevns
