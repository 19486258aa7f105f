#include "physics_options.hpp"

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/physics/bsm/model_parameters.hpp"

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
  command.add_option("--nsi", nsi, "vector (and tensor) NSI, e.g. eps_ee_uV=0.1,eps_emu_dV=-0.05");
  command.add_option("--tensor", tensor, "tensor NSI, e.g. eps_ee_uT=0.1");
  command.add_option("--zprime", zprime,
                     "light vector mediator: mass_MeV=10,coupling=1e-5[,model=universal|b-l|lmu-ltau]");
  command.add_option("--scalar", scalar, "light scalar mediator: mass_MeV=10,coupling=1e-5");
  command.add_option("--magnetic-moment", magnetic_moment_bohr, "neutrino magnetic moment in Bohr magnetons");
  command.add_option("--millicharge", millicharge_e, "neutrino millicharge in units of e");
  command.add_option("--charge-radius-cm2", charge_radius_cm2, "BSM neutrino charge radius <r^2> in cm^2");
  command.add_option("--min-recoil-keV", min_recoil_keV,
                     "lower end of recoil integrals in keV (needed with a magnetic moment or millicharge)");
  command.add_flag("--running-sin2w", running_sin2w,
                   "run sin^2 theta_W(|q|) in MS-bar from its q = 0 value (--sin2w)");
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
  auto& m = s.bsm;
  if (nsi) apply_nsi(m, *nsi, "VTS");
  if (tensor) apply_nsi(m, *tensor, "T");
  if (zprime) apply_zprime(m, *zprime);
  if (scalar) apply_scalar(m, *scalar);
  auto finite = [](const std::optional<double>& v, const char* option) {
    if (v && !std::isfinite(*v)) throw InputError(std::string(option) + " must be a finite number");
  };
  finite(magnetic_moment_bohr, "--magnetic-moment");
  finite(millicharge_e, "--millicharge");
  finite(charge_radius_cm2, "--charge-radius-cm2");
  if (magnetic_moment_bohr) m.magnetic_moment_bohr.fill(*magnetic_moment_bohr);
  if (millicharge_e) m.millicharge_e.fill(*millicharge_e);
  if (charge_radius_cm2) m.charge_radius_sq.fill(*charge_radius_cm2 * units::cm2);
  if (min_recoil_keV) {
    if (!(*min_recoil_keV >= 0.0 && std::isfinite(*min_recoil_keV)))
      throw InputError("--min-recoil-keV must be a non-negative energy in keV, got " + std::to_string(*min_recoil_keV));
    m.min_recoil = *min_recoil_keV * units::keV;
  }
  m.running_weak_mixing = running_sin2w;
  m.validate();
  return s;
}

}  // namespace cevns::cli
