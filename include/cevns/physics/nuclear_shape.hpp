#pragma once
// Proton and neutron distributions of one nucleus: the two form factors CEvNS needs.
//
// Radii (docs/physics.md):
//  measured (default): the point-proton rms radius from the measured charge radius,
//      R_p^2 = R_ch^2 - r_p^2 - (N/Z) <r_n^2>   (r_p = 0.8414 fm, <r_n^2> = -0.1161 fm^2; as in
//      M. Cadeddu et al., PRL 120, 072501 (2018)); neutron rms R_n = R_p + skin (default skin 0),
//      or a neutron rms radius given directly.
//  lewin-smith: both distributions use Helm's A-based radius of Lewin & Smith (1996), plus skin
//      for neutrons.
// Static quadrupole deformation beta_2 (Liao 2024 review), lewin-smith radii only: a volume-conserving
// deformed surface R(theta) = R0 (1 + beta_2 Y20) has <r^2> = <r^2>_0 (1 + 5 beta_2^2/(4 pi)) + O(beta^3)
// (A. Bohr, B.R. Mottelson, Nuclear Structure Vol. II (1975), ch. 4), and a 0+ nucleus presents the
// orientation average, a spherical density with that rms radius. We scale both rms radii by
// sqrt(1 + 5 beta_2^2/(4 pi)) and keep the model's surface parameter: exact for <r^2>, i.e. for F to
// O(q^2); the fourth moment (larger q) is not modelled. Measured charge radii already contain the
// deformation, so beta_2 with measured radii is an InputError (it would count it twice).
#include <optional>
#include <string>
#include <string_view>

#include "cevns/nuclear/nuclide.hpp"
#include "cevns/physics/form_factor.hpp"

namespace cevns {

enum class RadiusPrescription { measured, lewin_smith };
RadiusPrescription parse_radius_prescription(std::string_view name);
std::string to_string(RadiusPrescription prescription);

struct NuclearShapeSettings {
  FormFactorModel model = FormFactorModel::helm;
  RadiusPrescription radii = RadiusPrescription::measured;
  double neutron_skin_fm = 0.0;                // R_n - R_p
  std::optional<double> neutron_rms_radius_fm; // overrides the skin when given
  FormFactorSurface surface;
  double deformation_beta2 = 0.0;              // quadrupole deformation; lewin-smith radii only
  friend bool operator==(const NuclearShapeSettings&, const NuclearShapeSettings&) = default;
};

struct NuclearShape {
  FormFactor protons;
  FormFactor neutrons;
};

// Point-proton rms radius from the nuclide's charge radius (fm).
double point_proton_rms_radius_fm(const Nuclide& nuclide);

NuclearShape make_nuclear_shape(const Nuclide& nuclide, const NuclearShapeSettings& settings);

// sqrt(1 + 5 beta_2^2 / (4 pi)): rms radius of the deformed nucleus over the spherical one.
// InputError unless |beta_2| <= 0.6 (the largest ground-state deformations; the O(beta^2) form
// is no longer accurate beyond).
double deformation_radius_factor(double beta2);

}  // namespace cevns
