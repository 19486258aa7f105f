#include "cevns/physics/weak_charge.hpp"

#include <array>
#include <cmath>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"

namespace cevns {
namespace {

// Erler & Su (2013) / PDG radiatively corrected couplings, as in COHERENT's rate code.
constexpr double radiative_gp_without_charge_radius = 0.01836;
constexpr double radiative_gn = -0.5117;
constexpr std::array<double, 3> charge_radius_shift_gp{0.0196964, 0.0114381, 0.00706633};

}  // namespace

std::string to_string(CouplingScheme scheme) {
  return scheme == CouplingScheme::tree_level ? "tree-level" : "radiative";
}

CouplingScheme parse_coupling_scheme(std::string_view name) {
  if (name == "tree" || name == "tree-level") return CouplingScheme::tree_level;
  if (name == "radiative") return CouplingScheme::radiative;
  throw InputError("unknown coupling scheme '" + std::string(name) + "' (use tree-level or radiative)");
}

NucleonCouplings standard_model_couplings(Neutrino nu, CouplingScheme scheme, double sin2_theta_w) {
  if (!(sin2_theta_w > 0.0 && sin2_theta_w < 1.0))
    throw InputError("sin^2 theta_W must lie in (0, 1), got " + std::to_string(sin2_theta_w));
  if (scheme == CouplingScheme::tree_level) return {0.5 - 2.0 * sin2_theta_w, -0.5};
  const double shift = -2.0 * (sin2_theta_w - constants::sin2_theta_w_low_q_pdg2018);
  return {radiative_gp_without_charge_radius +
              charge_radius_shift_gp[static_cast<std::size_t>(nu.flavour)] + shift,
          radiative_gn};
}

}  // namespace cevns
