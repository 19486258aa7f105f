#pragma once
// Spin-independent WIMP-nucleus recoil spectrum on a detector material, isotopes summed:
//
//   dR/dE_R = sum_i n_i rho / (2 m_chi mu_n^2) sigma_n A_i^2 m_i F_i(q)^2 eta(v_min,i),
//   v_min,i = sqrt(m_i E_R / (2 mu_i^2)),  q = sqrt(2 m_i E_R),
//
// n_i nuclei of isotope i per kg, m_i its nuclear mass, mu_i the WIMP-nucleus and mu_n the
// WIMP-nucleon reduced mass (nucleon mass = proton mass; isospin-conserving couplings, so the
// nucleus cross section at q = 0 is sigma_n A^2 mu_i^2 / mu_n^2), F_i the Helm form factor with
// the Lewin-Smith radius (J.D. Lewin, P.F. Smith, Astropart. Phys. 6, 87 (1996)), eta the SHM
// mean inverse speed (darkmatter/halo_model.hpp). Conventions as recommended by D. Baxter et al.,
// EPJC 81, 907 (2021).
//
// Library side: natural units, rate per kg (events per unit time and energy per kg of target).
#include <vector>

#include "cevns/darkmatter/halo_model.hpp"
#include "cevns/nuclear/material.hpp"
#include "cevns/physics/form_factor.hpp"

namespace cevns {

// v_min for elastic scattering: sqrt(M E_R / 2) / mu (all natural units).
double wimp_min_speed(double nucleus_mass, double wimp_mass, double recoil);

class WimpRecoilSpectrum {
 public:
  // InputError if the halo is invalid.
  explicit WimpRecoilSpectrum(const Material& target,
                              const StandardHaloModel& halo = StandardHaloModel::baxter2021());

  // dR/dE_R per kg (natural units) for WIMP mass and SI WIMP-nucleon cross section (natural).
  [[nodiscard]] double differential_per_kg(double wimp_mass, double sigma_nucleon, double recoil) const;
  // The same at the boundary: events / (kg day keV) for mass in GeV, cross section in cm^2,
  // recoil in keV.
  [[nodiscard]] double differential_per_kg_day_keV(double mass_GeV, double cross_section_cm2,
                                                   double recoil_keV) const;
  // Largest recoil any isotope can receive: 2 mu^2 (v_esc + v_lab)^2 / M.
  [[nodiscard]] double max_recoil(double wimp_mass) const;

  [[nodiscard]] const StandardHaloModel& halo() const { return halo_; }
  [[nodiscard]] const Material& target() const { return target_; }

 private:
  struct Isotope {
    double nuclei_per_kg = 0.0;
    double mass = 0.0;      // nuclear mass (natural units)
    double a_squared = 0.0; // A^2
    FormFactor form_factor;
  };
  Material target_;
  StandardHaloModel halo_;
  std::vector<Isotope> isotopes_;
};

}  // namespace cevns
