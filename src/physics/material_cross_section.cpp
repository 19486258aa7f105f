#include "cevns/physics/material_cross_section.hpp"

namespace cevns {

MaterialCrossSection::MaterialCrossSection(Material material, const CevnsSettings& settings)
    : material_(std::move(material)) {
  isotopes_.reserve(material_.components().size());
  for (const auto& c : material_.components()) isotopes_.emplace_back(c.nuclide, settings);
}

double MaterialCrossSection::total_per_formula_unit(Neutrino nu, double E) const {
  double sum = 0.0;
  for (std::size_t i = 0; i < isotopes_.size(); ++i) sum += weight(i) * isotopes_[i].total(nu, E);
  return sum;
}

double MaterialCrossSection::differential_per_formula_unit(Neutrino nu, double E, double T) const {
  double sum = 0.0;
  for (std::size_t i = 0; i < isotopes_.size(); ++i)
    sum += weight(i) * isotopes_[i].differential(nu, E, T);
  return sum;
}

double MaterialCrossSection::nuclei_per_formula_unit() const {
  double sum = 0.0;
  for (std::size_t i = 0; i < isotopes_.size(); ++i) sum += weight(i);
  return sum;
}

}  // namespace cevns
