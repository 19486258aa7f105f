#include "physics_options.hpp"

#include <cmath>

#include "cevns/core/error.hpp"

namespace cevns::cli {

void PhysicsOptions::add_to(CLI::App& command) {
  command.add_option("--form-factor", form_factor,
                     "nuclear form factor: helm, symmetrized-fermi, klein-nystrand, point")
      ->capture_default_str();
  command.add_option("--couplings", couplings, "SM couplings: radiative (Erler-Su) or tree-level")
      ->capture_default_str();
  command.add_option("--radii", radii,
                     "nucleon-distribution radii: measured (from charge radii) or lewin-smith")
      ->capture_default_str();
  command.add_option("--sin2w", sin2w, "weak mixing angle sin^2 theta_W (default 0.23857, PDG 2018)");
  command.add_option("--neutron-radius-fm", neutron_rms_radius_fm,
                     "neutron rms radius in fm (overrides --neutron-skin-fm)");
  command.add_option("--neutron-skin-fm", neutron_skin_fm, "neutron skin R_n - R_p in fm")
      ->capture_default_str();
}

CevnsSettings PhysicsOptions::settings() const {
  CevnsSettings s;
  s.couplings = parse_coupling_scheme(couplings);
  s.shape.model = parse_form_factor_model(form_factor);
  s.shape.radii = parse_radius_prescription(radii);
  if (sin2w) {
    if (!(*sin2w > 0.0 && *sin2w < 1.0))
      throw InputError("--sin2w must lie in (0, 1), got " + std::to_string(*sin2w));
    s.sin2_theta_w = *sin2w;
  }
  if (neutron_rms_radius_fm && !(*neutron_rms_radius_fm > 0.0 && std::isfinite(*neutron_rms_radius_fm)))
    throw InputError("--neutron-radius-fm must be positive, got " + std::to_string(*neutron_rms_radius_fm));
  if (!std::isfinite(neutron_skin_fm) || std::abs(neutron_skin_fm) > 3.0)
    throw InputError("--neutron-skin-fm must lie within +-3 fm, got " + std::to_string(neutron_skin_fm));
  s.shape.neutron_rms_radius_fm = neutron_rms_radius_fm;
  s.shape.neutron_skin_fm = neutron_skin_fm;
  return s;
}

}  // namespace cevns::cli
