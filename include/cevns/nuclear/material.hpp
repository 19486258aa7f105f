#pragma once
// A detector material: a chemical formula with the isotopic composition of each element.
//
// "CsI", "CaWO4", "Al2O3", "Li2WO4", "Ge", "Ar40" (one isotope), with natural abundances unless
// the user gives an isotopic composition for an element (enriched germanium, depleted xenon, ...).
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cevns/nuclear/nuclear_database.hpp"
#include "cevns/nuclear/nuclide.hpp"

namespace cevns {

struct MaterialComponent {
  Nuclide nuclide;
  double atoms_per_formula_unit = 0.0;  // stoichiometric count times isotopic fraction
};

// Isotopic composition of one element: mass number -> fraction (normalised on use).
using IsotopicComposition = std::map<int, double>;

class Material {
 public:
  Material(std::string name, std::vector<MaterialComponent> components);

  // Builds a material from a target name: an isotope ("Ar40"), an element ("Xe") or a chemical
  // formula ("CaWO4", "Al2O3", "(CH2)n" is not supported). `compositions` overrides the natural
  // isotopic composition of the elements it names. InputError (with close matches for a misspelt
  // name) if anything is unknown.
  static Material from_name(const NuclearDatabase& db, std::string_view name,
                            const std::map<std::string, IsotopicComposition>& compositions = {});

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::vector<MaterialComponent>& components() const { return components_; }
  // Mass of one formula unit (molecule), atomic masses, in u.
  [[nodiscard]] double formula_mass_u() const;
  // Nuclei of component i per kilogram of material.
  [[nodiscard]] double nuclei_per_kg(std::size_t i) const;
  // Formula units (molecules) per kilogram.
  [[nodiscard]] double formula_units_per_kg() const;

 private:
  std::string name_;
  std::vector<MaterialComponent> components_;
};

// Element symbols and counts of a chemical formula, in order of appearance: "CaWO4" ->
// {Ca:1, W:1, O:4}. Accepts parentheses with a multiplier, "Ca(OH)2". InputError on bad syntax.
std::vector<std::pair<std::string, double>> parse_chemical_formula(std::string_view formula);

}  // namespace cevns
