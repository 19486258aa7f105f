#include "cevns/physics/cevns_cross_section.hpp"

#include <cmath>
#include <numbers>

#include "cevns/core/checks.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/physics/kinematics.hpp"

namespace cevns {
const FixedQuadrature& CevnsCrossSection::recoil_rule() {
  // 4 panels x 32 points: < 1e-8 relative against adaptive integration for every target up to
  // E = 300 MeV, where Helm's F^2 has several zeros below T_max (tests/unit/physics).
  static const FixedQuadrature rule(32, 4);
  return rule;
}

CevnsCrossSection::CevnsCrossSection(const Nuclide& nuclide, const CevnsSettings& settings)
    : nuclide_(nuclide), mass_(nuclide.nuclear_mass()), shape_(make_nuclear_shape(nuclide, settings.shape)) {
  for (const auto& nu : all_neutrinos)
    couplings_[index_of(nu)] = standard_model_couplings(nu, settings.couplings, settings.sin2_theta_w);
  const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);
  prefactor_ = gf * gf * mass_ / (4.0 * std::numbers::pi);
}

double CevnsCrossSection::max_recoil(double neutrino_energy) const {
  require_neutrino_energy(neutrino_energy);
  return kinematics::max_recoil(neutrino_energy, mass_);
}

double CevnsCrossSection::min_neutrino_energy(double recoil) const {
  if (!(recoil >= 0.0) || !std::isfinite(recoil))
    throw InputError("recoil energy must be a non-negative number, got " +
                     std::to_string(recoil / units::keV) + " keV");
  return kinematics::min_neutrino_energy(recoil, mass_);
}

double CevnsCrossSection::weak_charge(Neutrino nu, double q) const {
  const auto& g = couplings_[index_of(nu)];
  return 2.0 * (nuclide_.Z * g.proton * shape_.protons(q) + nuclide_.N * g.neutron * shape_.neutrons(q));
}

double CevnsCrossSection::kinematic_factor(double E, double T) const {
  const double factor = 1.0 - T / E - mass_ * T / (2.0 * E * E) + T * T / (2.0 * E * E);
  return factor > 0.0 ? factor : 0.0;
}

double CevnsCrossSection::differential(Neutrino nu, double E, double T) const {
  if (!(E > 0.0) || !(T >= 0.0) || T > kinematics::max_recoil(E, mass_)) return 0.0;
  const double qw = weak_charge(nu, kinematics::momentum_transfer(T, mass_));
  return prefactor_ * qw * qw * kinematic_factor(E, T);
}

void CevnsCrossSection::differential(Neutrino nu, double E, std::span<const double> recoils,
                                     std::span<double> out) const {
  if (out.size() != recoils.size()) throw InputError("dsigma/dT: output size differs from input size");
  require_neutrino_energy(E);
  for (std::size_t i = 0; i < recoils.size(); ++i) out[i] = differential(nu, E, recoils[i]);
}

double CevnsCrossSection::differential_point_nucleus(Neutrino nu, double E, double T) const {
  if (!(E > 0.0) || !(T >= 0.0) || T > kinematics::max_recoil(E, mass_)) return 0.0;
  const auto& g = couplings_[index_of(nu)];
  const double qw = 2.0 * (nuclide_.Z * g.proton + nuclide_.N * g.neutron);
  return prefactor_ * qw * qw * kinematic_factor(E, T);
}

double CevnsCrossSection::total(Neutrino nu, double E) const {
  require_neutrino_energy(E);
  if (E == 0.0) return 0.0;
  const double tmax = kinematics::max_recoil(E, mass_);
  return recoil_rule().integrate([&](double T) { return differential(nu, E, T); }, 0.0, tmax);
}

void CevnsCrossSection::total(Neutrino nu, std::span<const double> energies, std::span<double> out) const {
  if (out.size() != energies.size()) throw InputError("sigma(E): output size differs from input size");
  for (std::size_t i = 0; i < energies.size(); ++i) out[i] = total(nu, energies[i]);
}

double CevnsCrossSection::total_point_nucleus(Neutrino nu, double E) const {
  require_neutrino_energy(E);
  if (E == 0.0) return 0.0;
  const double tmax = kinematics::max_recoil(E, mass_);
  return recoil_rule().integrate([&](double T) { return differential_point_nucleus(nu, E, T); }, 0.0,
                                 tmax);
}

double CevnsCrossSection::mean_recoil(Neutrino nu, double E) const {
  require_neutrino_energy(E);
  if (E == 0.0) return 0.0;
  const double tmax = kinematics::max_recoil(E, mass_);
  const auto& rule = recoil_rule();
  const double first = rule.integrate([&](double T) { return T * differential(nu, E, T); }, 0.0, tmax);
  const double zeroth = rule.integrate([&](double T) { return differential(nu, E, T); }, 0.0, tmax);
  return zeroth > 0.0 ? first / zeroth : 0.0;
}

}  // namespace cevns
