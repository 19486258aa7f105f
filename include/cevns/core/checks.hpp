#pragma once
// Argument checks shared by the physics code: one wording for one kind of bad input.
#include <fmt/format.h>

#include <cmath>
#include <string>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {

// The largest neutrino energy cevns accepts: 100 GeV (the coherent regime ends far below; above,
// kinematics overflow long before anything physical happens).
inline constexpr double max_neutrino_energy = 1e5 * units::MeV;

// InputError unless the neutrino energy is a number in [0, 100 GeV].
inline void require_neutrino_energy(double neutrino_energy) {
  if (!(neutrino_energy >= 0.0) || !(neutrino_energy <= max_neutrino_energy))
    throw InputError(fmt::format("neutrino energy must be a number in [0, 1e5] MeV, got {:g} MeV",
                                 neutrino_energy / units::MeV));
}

}  // namespace cevns
