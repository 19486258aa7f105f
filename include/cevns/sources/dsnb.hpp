#pragma once
// Diffuse supernova neutrino background (DSNB), J.F. Beacom, Ann. Rev. Nucl. Part. Sci. 60, 439
// (2010), eq. 1:
//   dPhi/dE = (c/H0) int_0^zmax R_SN(z) dN/dE'(E (1+z)) dz / sqrt(Om (1+z)^3 + OL),
// with the core-collapse rate R_SN(z) = rho*(z) k following the star-formation history of
// H. Yuksel et al., ApJ 683, L5 (2008) (rho*(z) = rho0 [(1+z)^(a eta) + ((1+z)/B)^(b eta) +
// ((1+z)/C)^(c eta)]^(1/eta), a = 3.4, b = -0.3, c = -3.5, B = 5000, C = 9, eta = -10) normalised
// to R_SN(0) = 1.25e-4 per yr per Mpc^3 (S. Horiuchi, J.F. Beacom, E. Dwek, PRD 79, 083013 (2009)),
// and per-supernova Fermi-Dirac spectra (zero chemical potential) of temperature T with E_tot/6 each:
//   dN/dE' = (E_tot/6) 120/(7 pi^4) E'^2 / (T^4 (exp(E'/T) + 1)).
// Defaults: E_tot = 3e53 erg; T = 3 MeV (nu_e), 5 MeV (anti-nu_e), 8 MeV (the four nu_x), the
// temperatures of the neutrino-floor benchmark (J. Billard, L. Strigari, E. Figueroa-Feliciano,
// PRD 89, 023524 (2014)); Om = 0.3, OL = 0.7, H0 = 70 km/s/Mpc; zmax = 5.
#include <array>

#include "cevns/sources/neutrino_source.hpp"

namespace cevns {

struct DsnbModel {
  std::array<double, 6> temperature{};  // natural units, index_of(Neutrino)
  double total_energy = 0.0;            // per supernova, all species (natural units)
  double rate_today_per_yr_Mpc3 = 1.25e-4;
  double hubble_km_s_Mpc = 70.0;
  double omega_matter = 0.3;
  double omega_lambda = 0.7;
  double z_max = 5.0;
  static DsnbModel benchmark();
};

// Relative star-formation history rho*(z)/rho*(0) of Yuksel et al. (2008).
double yuksel_star_formation(double z);

NeutrinoSource dsnb_source(const DsnbModel& model = DsnbModel::benchmark());

}  // namespace cevns
