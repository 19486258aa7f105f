#include "cevns/physics/nuclear_shape.hpp"

#include <cmath>
#include <numbers>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"

namespace cevns {

RadiusPrescription parse_radius_prescription(std::string_view name) {
  if (name == "measured") return RadiusPrescription::measured;
  if (name == "lewin-smith") return RadiusPrescription::lewin_smith;
  throw InputError("unknown radius prescription '" + std::string(name) +
                   "' (use measured or lewin-smith)");
}

std::string to_string(RadiusPrescription prescription) {
  return prescription == RadiusPrescription::measured ? "measured" : "lewin-smith";
}

double point_proton_rms_radius_fm(const Nuclide& nuclide) {
  const double rp = constants::proton_charge_radius_fm;
  const double r2 = nuclide.charge_radius_fm * nuclide.charge_radius_fm - rp * rp -
                    static_cast<double>(nuclide.N) / nuclide.Z * constants::neutron_charge_radius_sq_fm2;
  return std::sqrt(std::max(r2, 0.0));
}

double deformation_radius_factor(double beta2) {
  if (!std::isfinite(beta2) || std::abs(beta2) > 0.6)
    throw InputError("quadrupole deformation beta2 (deformation_beta2) must lie within +-0.6, got " +
                     std::to_string(beta2));
  return std::sqrt(1.0 + 5.0 * beta2 * beta2 / (4.0 * std::numbers::pi));
}

NuclearShape make_nuclear_shape(const Nuclide& nuclide, const NuclearShapeSettings& settings) {
  const double deformation = deformation_radius_factor(settings.deformation_beta2);
  const bool deformed = settings.deformation_beta2 != 0.0;
  if (deformed && settings.radii == RadiusPrescription::measured)
    throw InputError("deformation_beta2 needs the spherical lewin-smith radii (--radii lewin-smith): measured "
                     "charge radii already include the static deformation");
  double proton_rms = 0.0;
  if (settings.radii == RadiusPrescription::measured) {
    proton_rms = point_proton_rms_radius_fm(nuclide);
  } else {
    proton_rms = FormFactor::helm_lewin_smith(nuclide.A()).rms_radius_fm() * deformation;
  }
  // A neutron radius given directly is taken as is; a skin is added to the deformed proton radius
  // and deformed with it (same beta_2 for both distributions).
  const double neutron_rms = settings.neutron_rms_radius_fm.value_or(proton_rms + settings.neutron_skin_fm * deformation);
  if (nuclide.N > 0 && (!(neutron_rms > 0.0) || !std::isfinite(neutron_rms)))
    throw InputError("neutron rms radius of " + nuclide.name() + " must be positive, got " +
                     std::to_string(neutron_rms) + " fm");
  if (settings.model == FormFactorModel::point) return {};
  // Lewin & Smith's Helm keeps its own R0 for protons; other models are set by the rms radius.
  if (settings.radii == RadiusPrescription::lewin_smith && settings.model == FormFactorModel::helm &&
      !settings.neutron_rms_radius_fm && settings.neutron_skin_fm == 0.0 && !deformed) {
    const auto f = FormFactor::helm_lewin_smith(nuclide.A());
    return {f, f};
  }
  // Light nuclei (1H, 2H, 4He) are smaller than the models' surface terms: Gaussian, same radius.
  const FormFactor protons = FormFactor::from_rms_radius_or_gaussian(settings.model, proton_rms, settings.surface);
  if (nuclide.N == 0) return {protons, protons};  // no neutrons: F_n never multiplies anything
  return {protons, FormFactor::from_rms_radius_or_gaussian(settings.model, neutron_rms, settings.surface)};
}

}  // namespace cevns
