#pragma once
// Elastic two-body kinematics of a neutrino (massless) on a target of mass M at rest.
// All energies in natural units (MeV).
#include <cmath>

namespace cevns::kinematics {

// Largest recoil kinetic energy: T_max = 2 E^2 / (M + 2 E).
inline double max_recoil(double neutrino_energy, double target_mass) {
  return 2.0 * neutrino_energy * neutrino_energy / (target_mass + 2.0 * neutrino_energy);
}

// Smallest neutrino energy that can give recoil T: E_min = (T + sqrt(T^2 + 2 M T)) / 2.
inline double min_neutrino_energy(double recoil, double target_mass) {
  return 0.5 * (recoil + std::sqrt(recoil * recoil + 2.0 * target_mass * recoil));
}

// Three-momentum transfer |q| for recoil T: |q|^2 = T^2 + 2 M T.
inline double momentum_transfer(double recoil, double target_mass) {
  return std::sqrt(recoil * recoil + 2.0 * target_mass * recoil);
}

}  // namespace cevns::kinematics
