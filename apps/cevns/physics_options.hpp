#pragma once
// Command-line options that choose the Standard-Model cross-section settings, shared by every
// subcommand that computes cross sections or rates.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cevns/physics/cevns_cross_section.hpp"

namespace cevns::cli {

struct PhysicsOptions {
  std::string form_factor = "helm";
  std::string couplings = "radiative";
  std::string radii = "measured";
  std::optional<double> sin2w;
  std::optional<double> neutron_rms_radius_fm;
  double neutron_skin_fm = 0.0;
  // Beyond the SM (physics/bsm/model_parameters.hpp for the key=value syntax).
  std::optional<std::string> nsi, zprime, scalar, tensor;
  std::optional<double> magnetic_moment_bohr, millicharge_e, charge_radius_cm2, min_recoil_keV;
  bool running_sin2w = false;

  void add_to(CLI::App& command);
  // Validated settings; InputError naming the option on a bad value.
  [[nodiscard]] CevnsSettings settings() const;
};

}  // namespace cevns::cli
