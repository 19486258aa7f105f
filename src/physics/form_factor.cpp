#include "cevns/physics/form_factor.hpp"

#include <cmath>
#include <numbers>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {
namespace {

constexpr double pi = std::numbers::pi;

// 3 j1(x)/x, with its series below x = 1e-2 where the closed form loses digits.
double three_j1_over_x(double x) {
  if (std::abs(x) < 1e-2) {
    const double x2 = x * x;
    return 1.0 - x2 / 10.0 + x2 * x2 / 280.0;
  }
  return 3.0 * (std::sin(x) - x * std::cos(x)) / (x * x * x);
}

// pi q a / sinh(pi q a) and pi q a / tanh(pi q a), safe at 0 and at large arguments.
double x_over_sinh(double x) {
  if (std::abs(x) < 1e-4) return 1.0 - x * x / 6.0;
  if (x > 700.0) return 0.0;
  return x / std::sinh(x);
}
double x_over_tanh(double x) {
  if (std::abs(x) < 1e-4) return 1.0 + x * x / 3.0;
  return x / std::tanh(x);
}

double symmetrized_fermi(double q_fm, double c, double a) {
  const double qc = q_fm * c;
  const double pqa = pi * q_fm * a;
  const double norm = 1.0 / (1.0 + (pi * a / c) * (pi * a / c));
  if (qc < 1e-3) {
    // F = 1 - q^2 <r^2>/6 to the order that matters here.
    const double r2 = 0.6 * c * c + 1.4 * (pi * a) * (pi * a);
    return 1.0 - q_fm * q_fm * r2 / 6.0;
  }
  const double bracket =
      std::sin(qc) / (qc * qc) * x_over_tanh(pqa) - std::cos(qc) / qc;
  return 3.0 / qc * bracket * x_over_sinh(pqa) * norm;
}

double size_from_rms(const char* model, double rms, double surface_term) {
  const double size2 = 5.0 / 3.0 * (rms * rms - surface_term);
  if (!(size2 > 0.0))
    throw InputError(std::string(model) + " form factor: rms radius " + std::to_string(rms) +
                     " fm is too small for its surface parameter");
  return std::sqrt(size2);
}

}  // namespace

std::string to_string(FormFactorModel model) {
  switch (model) {
    case FormFactorModel::point: return "point";
    case FormFactorModel::helm: return "helm";
    case FormFactorModel::symmetrized_fermi: return "symmetrized-fermi";
    case FormFactorModel::klein_nystrand: return "klein-nystrand";
    case FormFactorModel::gaussian: return "gaussian";
  }
  return "unknown";
}

FormFactorModel parse_form_factor_model(std::string_view name) {
  if (name == "point" || name == "none") return FormFactorModel::point;
  if (name == "helm") return FormFactorModel::helm;
  if (name == "symmetrized-fermi" || name == "fermi") return FormFactorModel::symmetrized_fermi;
  if (name == "klein-nystrand") return FormFactorModel::klein_nystrand;
  if (name == "gaussian") return FormFactorModel::gaussian;
  throw InputError("unknown form factor '" + std::string(name) +
                   "' (use helm, symmetrized-fermi, klein-nystrand, gaussian or point)");
}

FormFactor FormFactor::from_rms_radius(FormFactorModel model, double rms_radius_fm,
                                       const FormFactorSurface& surface) {
  if (model == FormFactorModel::point) return FormFactor();
  if (!(rms_radius_fm > 0.0) || !std::isfinite(rms_radius_fm))
    throw InputError("form factor rms radius must be positive, got " + std::to_string(rms_radius_fm));
  FormFactor f;
  f.model_ = model;
  f.rms_fm_ = rms_radius_fm;
  switch (model) {
    case FormFactorModel::point: break;
    case FormFactorModel::helm:
      f.surface_fm_ = surface.helm_skin_fm;
      f.size_fm_ = size_from_rms("Helm", rms_radius_fm, 3.0 * f.surface_fm_ * f.surface_fm_);
      break;
    case FormFactorModel::symmetrized_fermi:
      f.surface_fm_ = surface.fermi_diffuseness_fm;
      f.size_fm_ = size_from_rms("symmetrized Fermi", rms_radius_fm,
                                 1.4 * (pi * f.surface_fm_) * (pi * f.surface_fm_));
      break;
    case FormFactorModel::klein_nystrand:
      f.surface_fm_ = surface.klein_nystrand_range_fm;
      f.size_fm_ = size_from_rms("Klein-Nystrand", rms_radius_fm, 6.0 * f.surface_fm_ * f.surface_fm_);
      break;
    case FormFactorModel::gaussian: f.size_fm_ = rms_radius_fm; break;
  }
  return f;
}

FormFactor FormFactor::from_rms_radius_or_gaussian(FormFactorModel model, double rms_radius_fm,
                                                   const FormFactorSurface& surface) {
  const double s2 = model == FormFactorModel::helm ? 3.0 * surface.helm_skin_fm * surface.helm_skin_fm
                    : model == FormFactorModel::symmetrized_fermi
                        ? 1.4 * std::pow(pi * surface.fermi_diffuseness_fm, 2)
                    : model == FormFactorModel::klein_nystrand ? 6.0 * std::pow(surface.klein_nystrand_range_fm, 2)
                                                               : 0.0;
  if (rms_radius_fm >= 0.0 && rms_radius_fm * rms_radius_fm <= s2) {
    FormFactor f;
    f.model_ = FormFactorModel::gaussian;
    f.rms_fm_ = rms_radius_fm;
    f.size_fm_ = rms_radius_fm;
    return f;
  }
  return from_rms_radius(model, rms_radius_fm, surface);
}

FormFactor FormFactor::helm_lewin_smith(int mass_number) {
  if (mass_number < 1) throw InputError("mass number must be positive");
  constexpr double a = 0.52, s = 0.9;
  const double c = 1.23 * std::cbrt(static_cast<double>(mass_number)) - 0.60;
  const double r0_sq = c * c + 7.0 / 3.0 * pi * pi * a * a - 5.0 * s * s;
  FormFactor f;
  f.model_ = FormFactorModel::helm;
  f.size_fm_ = std::sqrt(r0_sq);
  f.surface_fm_ = s;
  f.rms_fm_ = std::sqrt(0.6 * r0_sq + 3.0 * s * s);
  return f;
}

double FormFactor::operator()(double q) const {
  const double q_fm = std::abs(q) * units::fm;  // |q| in fm^-1 = q[MeV] / (hbar c)
  switch (model_) {
    case FormFactorModel::point: return 1.0;
    case FormFactorModel::helm:
      return three_j1_over_x(q_fm * size_fm_) *
             std::exp(-0.5 * q_fm * q_fm * surface_fm_ * surface_fm_);
    case FormFactorModel::symmetrized_fermi: return symmetrized_fermi(q_fm, size_fm_, surface_fm_);
    case FormFactorModel::klein_nystrand:
      return three_j1_over_x(q_fm * size_fm_) / (1.0 + q_fm * q_fm * surface_fm_ * surface_fm_);
    case FormFactorModel::gaussian: return std::exp(-q_fm * q_fm * rms_fm_ * rms_fm_ / 6.0);
  }
  return 1.0;
}

void FormFactor::evaluate(std::span<const double> q, std::span<double> out) const {
  if (out.size() != q.size()) throw InputError("form factor: output size differs from input size");
  for (std::size_t i = 0; i < q.size(); ++i) out[i] = (*this)(q[i]);
}

}  // namespace cevns
