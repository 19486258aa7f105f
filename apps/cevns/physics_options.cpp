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
  command.add_option("--neutron-radius-fm", neutron_radius_fm,
                     "neutron rms radius in fm (overrides --neutron-skin-fm)");
  command.add_option("--neutron-skin-fm", neutron_skin_fm, "neutron skin R_n - R_p in fm")
      ->capture_default_str();
  command.add_option("--deformation-beta2", deformation_beta2,
                     "quadrupole deformation beta2, scales the rms radii by sqrt(1 + 5 beta2^2/(4 pi)); needs --radii lewin-smith");
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

}  // namespace cevns::cli
