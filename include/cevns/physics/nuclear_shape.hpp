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
};

struct NuclearShape {
  FormFactor protons;
  FormFactor neutrons;
};

// Point-proton rms radius from the nuclide's charge radius (fm).
double point_proton_rms_radius_fm(const Nuclide& nuclide);

NuclearShape make_nuclear_shape(const Nuclide& nuclide, const NuclearShapeSettings& settings);

}  // namespace cevns
