#include "cevns/sources/dsnb.hpp"

#include <cmath>
#include <memory>
#include <utility>
#include <vector>
#include <numbers>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/sources/supernova.hpp"

namespace cevns {

DsnbModel DsnbModel::benchmark() {
  DsnbModel m;
  for (const auto nu : all_neutrinos)
    m.temperature[index_of(nu)] = (nu.flavour == Flavour::e ? (nu.anti ? 5.0 : 3.0) : 8.0) * units::MeV;
  m.total_energy = 3e53 * erg_in_MeV * units::MeV;
  return m;
}

double yuksel_star_formation(double z) {
  constexpr double a = 3.4, b = -0.3, c = -3.5, B = 5000.0, C = 9.0, eta = -10.0;
  auto raw = [&](double zz) {
    const double x = 1.0 + zz;
    return std::pow(std::pow(x, a * eta) + std::pow(x / B, b * eta) + std::pow(x / C, c * eta), 1.0 / eta);
  };
  return raw(z) / raw(0.0);
}

NeutrinoSource dsnb_source(const DsnbModel& m) {
  if (!(m.total_energy > 0.0) || !(m.rate_today_per_yr_Mpc3 > 0.0) || !(m.hubble_km_s_Mpc > 0.0) || !(m.z_max > 0.0))
    throw InputError("DSNB model needs positive energy, rate, H0 and z_max");
  const double mpc = 1e3 * units::kpc;
  const double rate0 = m.rate_today_per_yr_Mpc3 / (units::year * mpc * mpc * mpc);
  const double hubble = m.hubble_km_s_Mpc * units::km / units::s / mpc;  // 1/time, c = 1
  const double per_species_energy = m.total_energy / 6.0;
  NeutrinoSource s;
  s.name = "dsnb";
  s.normalisation = Normalisation::flux;
  s.references = {"J.F. Beacom, Ann. Rev. Nucl. Part. Sci. 60, 439 (2010)",
                  "H. Yuksel et al., ApJ 683, L5 (2008)", "S. Horiuchi, J.F. Beacom, E. Dwek, PRD 79, 083013 (2009)",
                  "J. Billard, L. Strigari, E. Figueroa-Feliciano, PRD 89, 023524 (2014) (temperatures)"};
  // The redshift integral on fixed nodes; everything but the Fermi-Dirac factor is computed once per
  // node: w(z) R_SF(z) (1 + z)^2 / sqrt(Om (1 + z)^3 + OL).
  const FixedQuadrature rule(32, 8);
  const double om = m.omega_matter, ol = m.omega_lambda, zmax = m.z_max;
  auto redshift = std::make_shared<std::vector<std::pair<double, double>>>();  // (1 + z, weight)
  for (std::size_t i = 0; i < rule.size(); ++i) {
    const double z = zmax * rule.unit_nodes()[i];
    const double w = zmax * rule.unit_weights()[i] * yuksel_star_formation(z) * (1.0 + z) * (1.0 + z) /
                     std::sqrt(om * std::pow(1 + z, 3) + ol);
    redshift->emplace_back(1.0 + z, w);
  }
  for (const auto nu : all_neutrinos) {
    const double T = m.temperature[index_of(nu)];
    if (!(T > 0.0)) continue;
    const double norm = per_species_energy * 120.0 / (7.0 * std::pow(std::numbers::pi, 4) * std::pow(T, 4));
    auto density = [=](double E) {
      double sum = 0.0;
      for (const auto& [x, w] : *redshift) sum += w / (std::exp(E * x / T) + 1.0);
      return rate0 / hubble * norm * E * E * sum;
    };
    s.add(nu, Spectrum(density, 0.0, 20.0 * T, {T, 4.0 * T}));
  }
  return s;
}

}  // namespace cevns
