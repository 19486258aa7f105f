#include "cevns/nuclear/nuclide.hpp"

#include <cmath>

#include "cevns/core/units.hpp"

namespace cevns {

double Nuclide::nuclear_mass() const {
  const double z = Z;
  const double electron_binding_eV = 14.4381 * std::pow(z, 2.39) + 1.55468e-6 * std::pow(z, 5.35);
  return atomic_mass_u * constants::atomic_mass_unit_MeV * units::MeV -
         z * constants::electron_mass_MeV * units::MeV + electron_binding_eV * units::eV;
}

}  // namespace cevns
