#pragma once
// CEvNS on a material: one CevnsCrossSection per isotope, weighted by atoms per formula unit.
#include <vector>

#include "cevns/nuclear/material.hpp"
#include "cevns/physics/cevns_cross_section.hpp"

namespace cevns {

class MaterialCrossSection {
 public:
  MaterialCrossSection(Material material, const CevnsSettings& settings = {});

  [[nodiscard]] const Material& material() const { return material_; }
  [[nodiscard]] const std::vector<CevnsCrossSection>& isotopes() const { return isotopes_; }
  // Atoms of isotope i per formula unit (stoichiometry x isotopic fraction).
  [[nodiscard]] double weight(std::size_t i) const {
    return material_.components()[i].atoms_per_formula_unit;
  }
  // Per formula unit (molecule): sum_i weight_i sigma_i.
  [[nodiscard]] double total_per_formula_unit(Neutrino nu, double neutrino_energy) const;
  [[nodiscard]] double differential_per_formula_unit(Neutrino nu, double neutrino_energy,
                                                     double recoil) const;
  // Nuclei per formula unit, sum_i weight_i.
  [[nodiscard]] double nuclei_per_formula_unit() const;

 private:
  Material material_;
  std::vector<CevnsCrossSection> isotopes_;
};

}  // namespace cevns
