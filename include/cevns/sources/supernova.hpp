#pragma once
// Time-integrated neutrino emission of a core-collapse supernova, per species a pinched
// Fermi-Dirac ("alpha fit") spectrum, M.T. Keil, G.G. Raffelt, H.-T. Janka, ApJ 590, 971 (2003):
//   dN/dE = N (alpha+1)^(alpha+1) / Gamma(alpha+1) E^alpha / <E>^(alpha+1) exp(-(alpha+1) E/<E>),
// with N = E_total / <E> neutrinos; the fluence at distance D is dN/dE / (4 pi D^2)
// (Normalisation::fluence).
// Defaults (benchmark values, docs/physics/sources.md): 3e53 erg in total, equipartitioned over the
// six species; <E> = 12 MeV (nu_e), 15 MeV (anti-nu_e), 18 MeV (nu_x); alpha = 2.3, the value for
// which the alpha fit reproduces a Fermi-Dirac spectrum with zero chemical potential (KRJ 2003);
// distance 10 kpc.
#include <array>

#include "cevns/sources/neutrino_source.hpp"

namespace cevns {

struct SupernovaSpecies {
  double total_energy = 0.0;  // natural units
  double mean_energy = 0.0;
  double alpha = 2.3;
};

struct SupernovaModel {
  std::array<SupernovaSpecies, 6> species{};  // index_of(Neutrino)
  static SupernovaModel benchmark(double total_energy_erg = 3e53);
};

// Unit-normalised pinched spectrum.
double pinched_fermi_dirac(double energy, double mean_energy, double alpha);

NeutrinoSource supernova_source(const SupernovaModel& model, double distance);

// erg in natural units (MeV): 1 erg = 1e-7 J / (1.602176634e-13 J/MeV).
inline constexpr double erg_in_MeV = 1e-7 / (1.602176634e-19 * 1e6);

}  // namespace cevns
