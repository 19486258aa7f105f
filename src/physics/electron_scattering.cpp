#include "cevns/physics/electron_scattering.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "cevns/core/checks.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {
namespace {

void require_threshold(double recoil_threshold) {
  if (!(recoil_threshold >= 0.0) || !std::isfinite(recoil_threshold))
    throw InputError("electron recoil threshold must be a non-negative number, got " +
                     std::to_string(recoil_threshold / units::keV) + " keV");
}

// The integrand is a quadratic in T, which a 16-point rule integrates exactly; one panel suffices.
const FixedQuadrature& recoil_rule() {
  static const FixedQuadrature rule(16, 1);
  return rule;
}

}  // namespace

ElectronCouplings electron_couplings(Neutrino nu, double sin2_theta_w) {
  if (!(sin2_theta_w > 0.0 && sin2_theta_w < 1.0))
    throw InputError("sin^2 theta_W must lie in (0, 1), got " + std::to_string(sin2_theta_w));
  // nu_e scatters on electrons by W exchange as well as Z exchange: +1 on g_L.
  const double left = (nu.flavour == Flavour::e ? 0.5 : -0.5) + sin2_theta_w;
  const double right = sin2_theta_w;
  return nu.anti ? ElectronCouplings{right, left} : ElectronCouplings{left, right};
}

ElectronScattering::ElectronScattering(double sin2_theta_w) : sin2_theta_w_(sin2_theta_w) {
  for (const auto& nu : all_neutrinos) couplings_[index_of(nu)] = electron_couplings(nu, sin2_theta_w);
  const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);
  prefactor_ = 2.0 * gf * gf * constants::electron_mass_MeV * units::MeV / std::numbers::pi;
}

double ElectronScattering::max_recoil(double E) const {
  require_neutrino_energy(E);
  const double me = constants::electron_mass_MeV * units::MeV;
  return 2.0 * E * E / (me + 2.0 * E);
}

double ElectronScattering::differential(Neutrino nu, double E, double T) const {
  if (!(E > 0.0) || !(T >= 0.0) || T > max_recoil(E)) return 0.0;
  const auto& g = couplings_[index_of(nu)];
  const double me = constants::electron_mass_MeV * units::MeV;
  const double y = 1.0 - T / E;
  const double value = g.left * g.left + g.right * g.right * y * y - g.left * g.right * me * T / (E * E);
  // The bracket is positive on [0, T_max] for SM couplings; the clamp guards rounding at T_max.
  return prefactor_ * std::max(value, 0.0);
}

double ElectronScattering::total(Neutrino nu, double E, double recoil_threshold) const {
  require_neutrino_energy(E);
  require_threshold(recoil_threshold);
  const double tmax = E > 0.0 ? max_recoil(E) : 0.0;
  if (recoil_threshold >= tmax) return 0.0;
  return recoil_rule().integrate([&](double T) { return differential(nu, E, T); }, recoil_threshold,
                                 tmax);
}

void ElectronScattering::total(Neutrino nu, std::span<const double> energies, std::span<double> out) const {
  if (out.size() != energies.size()) throw InputError("sigma(E): output size differs from input size");
  for (std::size_t i = 0; i < energies.size(); ++i) out[i] = total(nu, energies[i]);
}

double ElectronScattering::total_analytic(Neutrino nu, double E, double recoil_threshold) const {
  require_neutrino_energy(E);
  require_threshold(recoil_threshold);
  const double tmax = E > 0.0 ? max_recoil(E) : 0.0;
  if (recoil_threshold >= tmax) return 0.0;
  const auto& g = couplings_[index_of(nu)];
  const double me = constants::electron_mass_MeV * units::MeV;
  // Antiderivative of the bracket: g_L^2 T - g_R^2 E (1 - T/E)^3 / 3 - g_L g_R m_e T^2 / (2 E^2).
  const auto primitive = [&](double T) {
    const double y = 1.0 - T / E;
    return g.left * g.left * T - g.right * g.right * E * y * y * y / 3.0 -
           g.left * g.right * me * T * T / (2.0 * E * E);
  };
  return prefactor_ * (primitive(tmax) - primitive(recoil_threshold));
}

double electrons_per_formula_unit(const Material& material) {
  double n = 0.0;
  for (const auto& c : material.components()) n += c.atoms_per_formula_unit * c.nuclide.Z;
  return n;
}

}  // namespace cevns
