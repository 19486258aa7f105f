#pragma once
// Inverse beta decay on a free proton, antinu_e + p -> e+ + n: the comparison channel of reactor
// and supernova talks (docs/physics/channels.md).
//
//   threshold  E_th = ((m_n + m_e)^2 - m_p^2) / (2 m_p) = 1.806 MeV (validation X01);
//   strumia_vissani (default): A. Strumia, F. Vissani, PLB 564, 42 (2003), astro-ph/0302055,
//     eq. 25: sigma = 1e-43 cm^2 p_e E_e E_nu^(-0.07056 + 0.02018 ln E_nu - 0.001953 ln^3 E_nu),
//     E_e = E_nu - Delta, Delta = m_n - m_p, energies in MeV; few-per-mille fit of their full
//     calculation for E_nu < 300 MeV (validation X02);
//   zeroth_order: P. Vogel, J.F. Beacom, PRD 60, 053003 (1999), eq. 9 ff.:
//     sigma0 = G_F^2 cos^2(theta_C) / pi (f^2 + 3 g^2) E_e p_e (1 + Delta_inner^R), f = 1,
//     g = g_A, Delta_inner^R = 0.024; no recoil or weak magnetism, so it overshoots with energy.
// Only antinu_e has this channel: other species get zero.
#include <string>
#include <string_view>

#include "cevns/core/flavour.hpp"
#include "cevns/nuclear/material.hpp"

namespace cevns {

enum class IbdModel { strumia_vissani, zeroth_order };

std::string to_string(IbdModel model);
// "sv" / "strumia-vissani", "zeroth" / "zeroth-order"; InputError otherwise.
IbdModel parse_ibd_model(std::string_view name);

class IbdCrossSection {
 public:
  explicit IbdCrossSection(IbdModel model = IbdModel::strumia_vissani);

  [[nodiscard]] IbdModel model() const { return model_; }
  // Lowest antineutrino energy that makes a positron and a neutron (MeV).
  [[nodiscard]] double threshold() const { return threshold_; }
  // Positron total energy in the zeroth order in 1/M: E_e = E_nu - (m_n - m_p).
  [[nodiscard]] double positron_energy(double neutrino_energy) const;

  // sigma(E) per free proton (MeV^-2); zero below threshold and for every species but nuebar.
  [[nodiscard]] double total(double neutrino_energy) const;
  [[nodiscard]] double total(Neutrino nu, double neutrino_energy) const;

 private:
  IbdModel model_;
  double threshold_ = 0.0;
  double delta_ = 0.0;           // m_n - m_p
  double zeroth_prefactor_ = 0.0;  // G_F^2 cos^2 theta_C / pi (1 + 3 g_A^2)(1 + Delta_inner^R)
};

// Free protons (1H nuclei) per formula unit: deuterium's proton is bound and does not count.
double free_protons_per_formula_unit(const Material& material);

}  // namespace cevns
