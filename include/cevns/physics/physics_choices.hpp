#pragma once
// The physics settings as a user names them (strings and numbers with units in their names), and
// the one validated conversion to CevnsSettings shared by the command line, YAML and Python.
#include <optional>
#include <string>

#include "cevns/physics/cevns_cross_section.hpp"

namespace cevns {

struct PhysicsChoices {
  std::string form_factor = "helm";   // helm, symmetrized-fermi, klein-nystrand, gaussian, point
  std::string couplings = "radiative";  // radiative or tree-level
  std::string radii = "measured";     // measured or lewin-smith
  std::optional<double> sin2w;
  std::optional<double> neutron_radius_fm;
  double neutron_skin_fm = 0.0;
  double deformation_beta2 = 0.0;  // quadrupole deformation (lewin-smith radii only)
  // Beyond the SM: key=value lists (physics/bsm/model_parameters.hpp) and single values.
  std::optional<std::string> nsi, tensor, zprime, scalar;
  std::optional<double> magnetic_moment_bohr, millicharge_e, charge_radius_cm2, min_recoil_keV;
  bool running_sin2w = false;
};

// InputError naming the choice (sin2w, neutron_radius_fm, ...) and the allowed range.
CevnsSettings make_cevns_settings(const PhysicsChoices& choices);

}  // namespace cevns
