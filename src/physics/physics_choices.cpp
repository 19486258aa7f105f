#include "cevns/physics/physics_choices.hpp"

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/physics/bsm/model_parameters.hpp"

namespace cevns {

CevnsSettings make_cevns_settings(const PhysicsChoices& c) {
  CevnsSettings s;
  s.couplings = parse_coupling_scheme(c.couplings);
  s.shape.model = parse_form_factor_model(c.form_factor);
  s.shape.radii = parse_radius_prescription(c.radii);
  if (c.sin2w) {
    if (!(*c.sin2w > 0.0 && *c.sin2w < 1.0))
      throw InputError("sin2w must lie in (0, 1), got " + std::to_string(*c.sin2w));
    s.sin2_theta_w = *c.sin2w;
  }
  if (c.neutron_radius_fm && !(*c.neutron_radius_fm > 0.0 && std::isfinite(*c.neutron_radius_fm)))
    throw InputError("neutron radius (neutron_radius_fm) must be positive, got " + std::to_string(*c.neutron_radius_fm));
  if (!std::isfinite(c.neutron_skin_fm) || std::abs(c.neutron_skin_fm) > 3.0)
    throw InputError("neutron skin (neutron_skin_fm) must lie within +-3 fm, got " + std::to_string(c.neutron_skin_fm));
  s.shape.neutron_rms_radius_fm = c.neutron_radius_fm;
  s.shape.neutron_skin_fm = c.neutron_skin_fm;
  deformation_radius_factor(c.deformation_beta2);  // range check, InputError naming the choice
  s.shape.deformation_beta2 = c.deformation_beta2;

  auto& m = s.bsm;
  if (c.nsi) apply_nsi(m, *c.nsi, "VTS");
  if (c.tensor) apply_nsi(m, *c.tensor, "T");
  if (c.zprime) apply_zprime(m, *c.zprime);
  if (c.scalar) apply_scalar(m, *c.scalar);
  auto finite = [](const std::optional<double>& v, const char* name) {
    if (v && !std::isfinite(*v)) throw InputError(std::string(name) + " must be a finite number");
  };
  finite(c.magnetic_moment_bohr, "magnetic moment");
  finite(c.millicharge_e, "millicharge");
  finite(c.charge_radius_cm2, "charge radius");
  if (c.magnetic_moment_bohr) m.magnetic_moment_bohr.fill(*c.magnetic_moment_bohr);
  if (c.millicharge_e) m.millicharge_e.fill(*c.millicharge_e);
  if (c.charge_radius_cm2) m.charge_radius_sq.fill(*c.charge_radius_cm2 * units::cm2);
  if (c.min_recoil_keV) {
    if (!(*c.min_recoil_keV >= 0.0 && std::isfinite(*c.min_recoil_keV)))
      throw InputError("minimum recoil (min_recoil_keV) must be a non-negative energy in keV, got " +
                       std::to_string(*c.min_recoil_keV));
    m.min_recoil = *c.min_recoil_keV * units::keV;
  }
  m.running_weak_mixing = c.running_sin2w;
  m.validate();
  return s;
}

}  // namespace cevns
