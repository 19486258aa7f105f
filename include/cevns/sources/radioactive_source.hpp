#pragma once
// Electron-capture neutrino sources (51Cr, 37Ar): monoenergetic nu_e lines. A source of activity A
// (decays per unit time) at distance L gives a flux A b_k / (4 pi L^2) in line k (branching b_k).
//
// Line energies: Q_EC (AME2020, Wang et al., Chin. Phys. C 45, 030003 (2021)) minus the daughter
// level energy minus the binding energy of the captured electron.
//   51Cr (Q_EC = 752.39 keV) -> 51V: K-capture to g.s. 746.9 keV (81.63 %), L to g.s. 751.8 keV
//   (8.49 %), K to the 320.08-keV level 426.8 keV (8.95 %), L to it 431.7 keV (0.93 %)
//   [intensities as used by GALLEX: W. Hampel et al., PLB 420, 114 (1998)].
//   37Ar (Q_EC = 813.87 keV) -> 37Cl g.s.: K-capture 811.0 keV (90.2 %), L+M 813.6 keV (9.8 %)
//   [J.N. Abdurashitov et al. (SAGE), PRC 73, 045805 (2006)].
#include <string>
#include <vector>

#include "cevns/sources/neutrino_source.hpp"

namespace cevns {

struct ElectronCaptureIsotope {
  std::string name;
  std::vector<SpectralLine> lines;  // intensity = branching per decay
  std::vector<std::string> references;
};

ElectronCaptureIsotope chromium51();
ElectronCaptureIsotope argon37();

// Flux at `distance` from a source of `activity` (decays per unit time, natural units).
NeutrinoSource radioactive_source(const ElectronCaptureIsotope& isotope, double activity, double distance);

// 1 MCi = 3.7e16 decays per second (exact by definition of the curie).
inline constexpr double decays_per_s_per_MCi = 3.7e16;

}  // namespace cevns
