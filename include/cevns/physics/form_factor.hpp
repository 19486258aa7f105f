#pragma once
// Nuclear form factors F(q), normalised F(0) = 1, for one nucleon distribution (protons or
// neutrons). Each model is fixed by the rms radius of the distribution and one surface parameter;
// the size parameter follows from the model's <r^2> relation (Liao 2024 review; docs/physics.md):
//   Helm (R.H. Helm, Phys. Rev. 104, 1466 (1956)):    F = 3 j1(qR0)/(qR0) exp(-q^2 s^2/2),
//        <r^2> = 3/5 R0^2 + 3 s^2, s = 0.9 fm (J.D. Lewin, P.F. Smith, Astropart. Phys. 6, 87 (1996))
//   symmetrized Fermi (D.W.L. Sprung, J. Martorell, J. Phys. A 30, 6525 (1997)):
//        <r^2> = 3/5 c^2 + 7/5 (pi a)^2, a = 0.52 fm
//   Klein-Nystrand (S. Klein, J. Nystrand, Phys. Rev. C 60, 014903 (1999)):
//        F = 3 j1(qR_A)/(qR_A) / (1 + q^2 a_k^2), <r^2> = 3/5 R_A^2 + 6 a_k^2, a_k = 0.7 fm
//   gaussian: F = exp(-q^2 <r^2> / 6), the light-nucleus limit; used automatically where a model's
//        surface parameter is too large for the radius (1H, 2H, 4He)
//   point: F = 1.
// Evaluated by a switch on the model (no virtual call per point); small q uses the Taylor series.
#include <span>
#include <string>
#include <string_view>

namespace cevns {

enum class FormFactorModel { point, helm, symmetrized_fermi, klein_nystrand, gaussian };

std::string to_string(FormFactorModel model);
// "point", "helm", "symmetrized-fermi" (or "fermi"), "klein-nystrand", "gaussian"; InputError otherwise.
FormFactorModel parse_form_factor_model(std::string_view name);

struct FormFactorSurface {
  double helm_skin_fm = 0.9;             // s (Lewin & Smith)
  double fermi_diffuseness_fm = 0.52;    // a (Lewin & Smith; Liao 2024 review)
  double klein_nystrand_range_fm = 0.7;  // a_k, Yukawa range (Klein & Nystrand)
  friend bool operator==(const FormFactorSurface&, const FormFactorSurface&) = default;
};

class FormFactor {
 public:
  FormFactor() = default;  // point-like
  // The model with the given rms radius of the distribution; InputError if the radius is too small
  // for the surface parameter (no real size parameter solves the <r^2> relation).
  static FormFactor from_rms_radius(FormFactorModel model, double rms_radius_fm,
                                    const FormFactorSurface& surface = {});
  // Helm with Lewin & Smith's mass-number parametrisation: R0^2 = c^2 + 7/3 pi^2 a^2 - 5 s^2,
  // c = 1.23 A^(1/3) - 0.60 fm, a = 0.52 fm, s = 0.9 fm (validation N05).
  static FormFactor helm_lewin_smith(int mass_number);
  // The model if it can represent this radius, else the Gaussian with the same rms radius (light
  // nuclei whose rms radius is below the model's surface term, e.g. 1H with Helm's s = 0.9 fm).
  static FormFactor from_rms_radius_or_gaussian(FormFactorModel model, double rms_radius_fm,
                                                const FormFactorSurface& surface = {});

  // F at momentum transfer |q| (natural units, MeV).
  [[nodiscard]] double operator()(double q) const;
  void evaluate(std::span<const double> q, std::span<double> out) const;

  [[nodiscard]] FormFactorModel model() const { return model_; }
  [[nodiscard]] double rms_radius_fm() const { return rms_fm_; }
  // R0 (Helm), c (symmetrized Fermi) or R_A (Klein-Nystrand), fm.
  [[nodiscard]] double size_fm() const { return size_fm_; }
  [[nodiscard]] double surface_fm() const { return surface_fm_; }

 private:
  FormFactorModel model_ = FormFactorModel::point;
  double rms_fm_ = 0.0;
  double size_fm_ = 0.0;
  double surface_fm_ = 0.0;
};

}  // namespace cevns
