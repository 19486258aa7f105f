#pragma once
// Argument checks shared by the physics code: one wording for one kind of bad input.
#include <cmath>
#include <string>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {

// InputError unless the neutrino energy is a finite number >= 0.
inline void require_neutrino_energy(double neutrino_energy) {
  if (!(neutrino_energy >= 0.0) || !std::isfinite(neutrino_energy))
    throw InputError("neutrino energy must be a non-negative number, got " +
                     std::to_string(neutrino_energy / units::MeV) + " MeV");
}

}  // namespace cevns
