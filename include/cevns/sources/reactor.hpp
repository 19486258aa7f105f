#pragma once
// Reactor antineutrinos: fission-product beta decays of 235U, 238U, 239Pu, 241Pu plus the
// 238U(n,gamma)239U -> 239Np -> 239Pu capture chain.
//
// Per fission of isotope i, above `join_energy` (2 MeV): S_i(E) = exp(sum_k a_ik E^k) (E in MeV),
// Huber, PRC 84, 024617 (2011) for 235U, 239Pu, 241Pu; Mueller et al., PRC 83, 054615 (2011) for
// 238U; fitted on 2-8 MeV and continued to `max_energy` (10 MeV; < 1e-3 of the flux lies above 8).
// Below 2 MeV the fits do not apply. There the fission part follows the low-energy total reactor
// spectrum K(E) (Kopeikin, data/reactor/SOURCES.md) with the capture component it contains
// removed, scaled to join each fit continuously at 2 MeV:
//   S_i(E < 2 MeV) = S_i(2 MeV) (K(E) - c0 C(E)) / K(2 MeV),
// where C is our capture spectrum per capture and c0 the captures per fission assumed for K.
// With default inputs the total below 2 MeV therefore reproduces K's shape; only the split
// between fission and capture is model dependent. (docs/physics/sources.md)
//
// A core of thermal power P has P / sum_i f_i E_i fissions per unit time (f_i fission fractions,
// E_i energy released per fission); each fission gives sum_i f_i S_i(E) + c C(E) antineutrinos
// (c = 238U captures per fission). `antineutrinos_per_fission`, if set, rescales the whole
// spectrum to that number (experiments quote fluxes implying 6-7.4 per fission).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "cevns/sources/neutrino_source.hpp"
#include "cevns/sources/tabulated_function.hpp"

namespace cevns {

enum class FissionIsotope { U235 = 0, U238 = 1, Pu239 = 2, Pu241 = 3 };
inline constexpr std::array<FissionIsotope, 4> all_fission_isotopes{
    FissionIsotope::U235, FissionIsotope::U238, FissionIsotope::Pu239, FissionIsotope::Pu241};
std::string to_string(FissionIsotope i);

struct ReactorSpectrumModel {
  std::array<std::array<double, 6>, 4> fit_coefficients{};  // a_ik, E in MeV, per MeV per fission
  TabulatedFunction low_energy_total;                        // K(E): natural units, per fission
  double captures_per_fission_in_low_energy_table = 0.6;
  double join_energy = 0.0;  // natural units (2 MeV)
  double max_energy = 0.0;   // natural units (10 MeV)
  std::vector<std::string> references;
};

// Default fuel: Daya Bay average fission fractions, F. P. An et al., PRL 116, 061801 (2016):
// 235U 0.561, 238U 0.076, 239Pu 0.307, 241Pu 0.056 (order U235, U238, Pu239, Pu241).
inline constexpr std::array<double, 4> default_fission_fractions{0.561, 0.076, 0.307, 0.056};
// X.B. Ma et al., PRC 88, 014605 (2013): 202.36, 205.99, 211.12, 214.26 MeV.
inline constexpr std::array<double, 4> ma2013_energy_per_fission_MeV{202.36, 205.99, 211.12, 214.26};
// 238U captures per fission, the value the brief and e.g. Kopeikin use for an equilibrium PWR core.
inline constexpr double default_captures_per_fission = 0.6;

struct ReactorCore {
  double thermal_power = 0.0;  // natural units (MeV per unit time)
  double distance = 0.0;
  std::array<double, 4> fission_fractions = default_fission_fractions;
  std::array<double, 4> energy_per_fission{};  // natural units; zero means Ma et al. 2013
  double captures_per_fission = default_captures_per_fission;
  std::optional<double> antineutrinos_per_fission;
};

// 239U -> 239Np -> 239Pu: antineutrinos per 238U capture (2 in total), allowed single-branch shapes
// at the ground-state Q values (see beta_spectrum.hpp).
Spectrum capture_chain_spectrum();

// Antineutrinos per fission of one isotope (per unit energy, natural units).
Spectrum fission_isotope_spectrum(const ReactorSpectrumModel& model, FissionIsotope isotope);
// Per fission of the fuel mix, including `captures_per_fission` capture antineutrinos.
Spectrum reactor_spectrum_per_fission(const ReactorSpectrumModel& model, const std::array<double, 4>& fractions,
                                      double captures_per_fission);
// Mean energy released per fission, sum f_i E_i.
double energy_per_fission(const ReactorCore& core);
// Fissions per unit time of a core.
double fissions_per_time(const ReactorCore& core);
// The antineutrino flux at the detector from one or more cores (Normalisation::flux).
NeutrinoSource reactor_source(const ReactorSpectrumModel& model, const std::vector<ReactorCore>& cores);

}  // namespace cevns
