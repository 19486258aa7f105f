#pragma once
// Solar neutrinos: the eight pp-chain and CNO components with standard-solar-model fluxes, and
// their flavour content at Earth from the adiabatic MSW-LMA survival probability.
//
// Shapes: pp, hep (Bahcall, PRC 56, 3391 (1997)), 13N, 15O, 17F (Bahcall & Ulrich, RMP 60, 297
// (1988)), 8B (Winter et al., PRC 73, 025503 (2006)) as tables; pep (1.442 MeV) and 7Be
// (0.8618 MeV, 89.7 %; 0.3843 MeV, 10.3 %) as exact lines. Fluxes: B16-GS98 or B16-AGSS09met
// (Vinyoles et al., ApJ 835, 202 (2017)).
//
// Survival probability (day time, no Earth regeneration), three flavours with theta13 in the
// standard factorised form (e.g. PDG 2022 review "Neutrino mixing", eq. for P_ee^{3nu}):
//   P_ee = cos^4(th13) [1/2 + 1/2 cos2th12 cos2th12_m] + sin^4(th13),
//   cos2th12_m = (cos2th12 - beta) / sqrt((cos2th12 - beta)^2 + sin^2 2th12),
//   beta = 2 sqrt2 G_F cos^2(th13) n_e E / dm21^2,
// evaluated at the production-averaged electron density n_e of each component (an approximation:
// averaging P_ee over the production zone differs by < 1 %, docs/physics/sources.md).
// The rest, 1 - P_ee, is split equally between nu_mu and nu_tau (theta23 ~ 45 deg).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "cevns/sources/neutrino_source.hpp"
#include "cevns/sources/tabulated_function.hpp"

namespace cevns {

enum class SolarComponent { pp = 0, pep, hep, Be7, B8, N13, O15, F17 };
inline constexpr std::array<SolarComponent, 8> all_solar_components{
    SolarComponent::pp,  SolarComponent::pep, SolarComponent::hep, SolarComponent::Be7,
    SolarComponent::B8,  SolarComponent::N13, SolarComponent::O15, SolarComponent::F17};
// "pp", "pep", "hep", "7Be", "8B", "13N", "15O", "17F"
std::string to_string(SolarComponent c);
SolarComponent parse_solar_component(const std::string& name);  // InputError with suggestions

struct SolarOscillationParameters {
  // NuFIT 5.2 (2022), www.nu-fit.org, normal ordering with SK atmospheric data
  // (method: I. Esteban et al., JHEP 09 (2020) 178).
  double sin2_theta12 = 0.303;
  double sin2_theta13 = 0.02203;
  double dm2_21_eV2 = 7.41e-5;
};

struct SolarModel {
  std::string name;                            // "B16-GS98"
  std::array<double, 8> flux{};                // natural units (per area per time)
  std::array<double, 8> electron_density{};    // production-averaged n_e, natural units (MeV^3)
  std::array<TabulatedFunction, 8> shapes{};   // continuum shapes (any normalisation); unused for lines
  std::vector<std::string> references;
};

// Survival probability at energy E for electron density n_e (natural units).
double solar_pee(double energy, double electron_density, const SolarOscillationParameters& osc = {});

// The source at Earth (Normalisation::flux): nu_e, nu_mu, nu_tau from the listed components
// (all if empty). `oscillate = false` gives the nu_e flux at production.
NeutrinoSource solar_source(const SolarModel& model, const std::vector<SolarComponent>& components = {},
                            const SolarOscillationParameters& osc = {}, bool oscillate = true);

// Electron density from n_e / N_A in cm^-3 (the unit of SSM tables).
double electron_density_from_mol_per_cm3(double ne_over_NA_per_cm3);

}  // namespace cevns
