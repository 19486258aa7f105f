#pragma once
// One isotope: what the cross section needs to know about a nucleus.
#include <string>

namespace cevns {

struct Nuclide {
  std::string symbol;          // element symbol, e.g. "Cs"
  int Z = 0;                   // protons
  int N = 0;                   // neutrons
  double atomic_mass_u = 0.0;  // AME2020 atomic mass (with electrons), unified mass units
  double abundance = 0.0;      // natural isotopic fraction (IUPAC), 0..1
  double charge_radius_fm = 0.0;      // rms charge radius (Angeli & Marinova 2013)
  bool charge_radius_measured = true; // false: estimated from a neighbouring isotope (see data docs)

  [[nodiscard]] int A() const { return Z + N; }
  // "Cs133"
  [[nodiscard]] std::string name() const { return symbol + std::to_string(A()); }
  // Mass of the bare nucleus in MeV: atomic mass minus Z electron masses plus their total binding
  // energy, B_e(Z) = 14.4381 Z^2.39 + 1.55468e-6 Z^5.35 eV (D. Lunney, J.M. Pearson, C. Thibault,
  // Rev. Mod. Phys. 75, 1021 (2003), eq. A4).
  [[nodiscard]] double nuclear_mass() const;
};

}  // namespace cevns
