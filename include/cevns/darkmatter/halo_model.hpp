#pragma once
// The standard halo model (SHM) of WIMP direct detection: an isotropic Maxwellian velocity
// distribution in the Galactic frame, truncated at the escape speed, seen from a lab moving at
// v_lab,
//   f(v) = exp(-|v + v_lab|^2 / v0^2) Theta(v_esc - |v + v_lab|) / N,
//   N = pi^(3/2) v0^3 N_esc,  N_esc = erf(z) - 2 z exp(-z^2) / sqrt(pi),  z = v_esc / v0,
// and its mean inverse speed above v_min, eta(v_min) = int_{v > v_min} f(v) / v d^3v, in the
// closed form of C. Savage, K. Freese, P. Gondolo, PRD 74, 043531 (2006) and C. McCabe, PRD 82,
// 023530 (2010) (docs/physics/darkmatter.md).
//
// Speeds are in natural units (c = 1): 238 km/s is 238 * km_per_s below. The local density
// is an energy density (natural units, MeV^4): 0.3 GeV/cm^3 is 0.3 * units::GeV / units::cm3 with
// units::cm3 = cm^3.
#include <array>

#include "cevns/core/units.hpp"

namespace cevns {

struct StandardHaloModel {
  double v0 = 0.0;      // most probable speed in the Galactic frame (= sqrt2 sigma_v)
  double v_esc = 0.0;   // Galactic escape speed
  double v_lab = 0.0;   // speed of the lab in the Galactic frame
  double density = 0.0; // local dark-matter energy density

  // D. Baxter et al., "Recommended conventions for reporting results from direct dark matter
  // searches", EPJC 81, 907 (2021): v0 = 238 km/s, v_esc = 544 km/s, rho = 0.3 GeV/cm^3, lab
  // speed = the annual mean |v_sun| = |(11.1, 238 + 12.24, 7.25)| km/s = 250.6 km/s (the Earth's
  // orbital velocity averages to zero over a year).
  static StandardHaloModel baxter2021();
  // The halo of C.A.J. O'Hare, PRL 127, 251802 (2021) (NeutrinoFog src/WIMPFuncs.py defaults):
  // sigma_v = 167 km/s (v0 = 236.2 km/s), v_esc = 533 km/s, v_lab = 245.6 km/s, 0.3 GeV/cm^3.
  static StandardHaloModel ohare2021();

  // InputError unless 0 < v0, 0 < v_esc, 0 <= v_lab, 0 < density, all finite and below c.
  void validate() const;

  // eta(v_min) in natural units (1/speed, speed dimensionless: a pure number); 0 above
  // v_esc + v_lab, finite (1/v0 scale) at v_min = 0.
  [[nodiscard]] double mean_inverse_speed(double v_min) const;
  // The largest WIMP speed in the lab frame, v_esc + v_lab.
  [[nodiscard]] double max_speed() const { return v_esc + v_lab; }
  // N_esc, the truncation factor of the normalisation.
  [[nodiscard]] double escape_normalisation() const;
};

// 1 km/s as a fraction of c (exact).
inline constexpr double km_per_s = 1e3 / constants::speed_of_light_m_per_s;
// 1 cm^3 in natural units (MeV^-3), for densities per cm^3.
inline constexpr double cm3_natural = units::cm * units::cm * units::cm;

// The lab speed on a given day for annual-modulation studies: |v_sun + v_earth(t)| with
// v_sun = (11.1, v_circ + 12.24, 7.25) km/s (Galactic coordinates; R. Schoenrich, J. Binney,
// W. Dehnen, MNRAS 403, 1829 (2010)) and the Earth's orbital velocity to first order in the
// eccentricity, v_earth(t) = 29.8 km/s [e1 cos w(t - t1) + e2 sin w(t - t1)],
// e1 = (0.9940, 0.1095, 0.003116), e2 = (-0.05173, 0.4945, -0.8677), w = 2 pi / 365.25 d,
// t1 = 79.3 d after 1 January (spring equinox) (S.K. Lee, M. Lisanti, B.R. Safdi, JCAP 11 (2013)
// 033; C. McCabe, JCAP 02 (2014) 027). Daily rotation (< 0.5 km/s) is left out.
// `days_since_jan1` in days (any real number), `circular_speed` natural units.
double annual_lab_speed(double days_since_jan1, double circular_speed = 238.0 * km_per_s);

}  // namespace cevns
