#pragma once
// CEvNS beside inverse beta decay and neutrino-electron scattering on one material (the NUCLEUS INFN presentation's
// comparison): per target particle and per kg, at any neutrino energy.
//
// Hydrogen is left out of CEvNS: nu-p elastic scattering is not coherent (Q_W^2 ~ 0.002) and the
// nuclear-shape models are not meant for A <= 2; the per-kg counts still use the whole material.
#include <optional>
#include <string>
#include <vector>

#include "cevns/physics/electron_scattering.hpp"
#include "cevns/physics/ibd_cross_section.hpp"
#include "cevns/physics/material_cross_section.hpp"

namespace cevns {

class ChannelComparison {
 public:
  ChannelComparison(const Material& material, Neutrino nu, const CevnsSettings& settings, IbdModel ibd_model);

  struct Row {  // natural units (divide by units::cm2)
    double cevns_per_molecule = 0.0, cevns_per_kg = 0.0;
    double ibd_per_proton = 0.0, ibd_per_kg = 0.0;
    double electron_per_electron = 0.0, electron_per_kg = 0.0;
  };
  [[nodiscard]] Row at(double neutrino_energy) const;

  [[nodiscard]] const Material& material() const { return material_; }
  [[nodiscard]] const IbdCrossSection& ibd() const { return ibd_; }
  [[nodiscard]] double molecules_per_kg() const { return molecules_per_kg_; }
  [[nodiscard]] double free_protons_per_kg() const { return protons_per_kg_; }
  [[nodiscard]] double electrons_per_kg() const { return electrons_per_kg_; }
  // What a reader must know about the numbers (hydrogen left out, IBD zero for this species, ...).
  [[nodiscard]] const std::vector<std::string>& notes() const { return notes_; }

 private:
  Material material_;
  Neutrino nu_;
  IbdCrossSection ibd_;
  ElectronScattering electrons_;
  std::optional<MaterialCrossSection> cevns_;
  double molecules_per_kg_ = 0.0, protons_per_kg_ = 0.0, electrons_per_kg_ = 0.0;
  std::vector<std::string> notes_;
};

}  // namespace cevns
