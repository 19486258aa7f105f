#include "cevns/physics/form_factor.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"

namespace cevns {
namespace {

constexpr double pi = std::numbers::pi;
constexpr FormFactorModel extended[] = {FormFactorModel::helm, FormFactorModel::symmetrized_fermi,
                                        FormFactorModel::klein_nystrand};

double q_from_inverse_fm(double q_fm) { return q_fm / units::fm; }

TEST(FormFactor, UnityAtZeroMomentumTransfer) {
  for (auto model : extended) {
    const auto f = FormFactor::from_rms_radius(model, 4.8);
    EXPECT_DOUBLE_EQ(f(0.0), 1.0) << to_string(model);
    EXPECT_NEAR(f(q_from_inverse_fm(1e-6)), 1.0, 1e-11) << to_string(model);
  }
  EXPECT_EQ(FormFactor()(100.0), 1.0);
}

TEST(FormFactor, SlopeAtOriginGivesTheRmsRadius) {
  // F(q) = 1 - q^2 <r^2>/6 + O(q^4): each model's <r^2> relation (Liao 2024 review) must hold.
  for (auto model : extended) {
    for (double rms : {2.7, 3.43, 4.8, 5.5}) {
      const auto f = FormFactor::from_rms_radius(model, rms);
      const double q_fm = 0.01;
      const double r2 = 6.0 * (1.0 - f(q_from_inverse_fm(q_fm))) / (q_fm * q_fm);
      EXPECT_NEAR(r2 / (rms * rms), 1.0, 1e-3) << to_string(model) << " rms " << rms;
    }
  }
}

TEST(FormFactor, SizeParametersFollowTheRmsRelations) {
  const double rms = 4.5;
  const auto helm = FormFactor::from_rms_radius(FormFactorModel::helm, rms);
  EXPECT_NEAR(0.6 * std::pow(helm.size_fm(), 2) + 3 * 0.81, rms * rms, 1e-12);
  const auto sf = FormFactor::from_rms_radius(FormFactorModel::symmetrized_fermi, rms);
  EXPECT_NEAR(0.6 * std::pow(sf.size_fm(), 2) + 1.4 * std::pow(pi * 0.52, 2), rms * rms, 1e-12);
  const auto kn = FormFactor::from_rms_radius(FormFactorModel::klein_nystrand, rms);
  EXPECT_NEAR(0.6 * std::pow(kn.size_fm(), 2) + 6 * 0.49, rms * rms, 1e-12);
}

// Independent route: the Fourier transform of each model's density, computed by adaptive
// quadrature, F(q) = 4 pi / (q N) int r sin(q r) rho(r) dr.
double fourier_transform(const std::function<double(double)>& rho, double q_fm, double r_max) {
  const double norm = adaptive_integral([&](double r) { return 4 * pi * r * r * rho(r); }, 0.0, r_max, 1e-12);
  return adaptive_integral([&](double r) { return 4 * pi * r * std::sin(q_fm * r) / q_fm * rho(r); }, 0.0,
                           r_max, 1e-12) /
         norm;
}

TEST(FormFactor, SymmetrizedFermiIsTheTransformOfItsDensity) {
  const auto f = FormFactor::from_rms_radius(FormFactorModel::symmetrized_fermi, 4.8);
  const double c = f.size_fm(), a = f.surface_fm();
  // Symmetrized Fermi density (Sprung & Martorell 1997): rho ~ sinh(c/a) / (cosh(r/a) + cosh(c/a)).
  auto rho = [&](double r) { return std::sinh(c / a) / (std::cosh(r / a) + std::cosh(c / a)); };
  for (double q_fm : {0.1, 0.3, 0.6, 1.0, 1.5}) {
    EXPECT_NEAR(f(q_from_inverse_fm(q_fm)), fourier_transform(rho, q_fm, c + 40 * a), 1e-9) << q_fm;
  }
}

TEST(FormFactor, HelmIsTheTransformOfASmearedSphere) {
  const auto f = FormFactor::from_rms_radius(FormFactorModel::helm, 4.0);
  const double R0 = f.size_fm(), s = f.surface_fm();
  // Uniform sphere of radius R0 folded with a Gaussian of width s: radial density in closed form.
  auto rho = [&](double r) {
    if (r < 1e-9) r = 1e-9;
    const double g = 1.0 / (std::sqrt(2 * pi) * s);
    auto term = [&](double x) { return std::exp(-x * x / (2 * s * s)); };
    const double erf_part = 0.5 * (std::erf((R0 - r) / (std::sqrt(2.0) * s)) + std::erf((R0 + r) / (std::sqrt(2.0) * s)));
    return erf_part + g * s * s / r * (term(R0 + r) - term(R0 - r));
  };
  for (double q_fm : {0.2, 0.5, 0.9, 1.4}) {
    EXPECT_NEAR(f(q_from_inverse_fm(q_fm)), fourier_transform(rho, q_fm, R0 + 12 * s), 1e-8) << q_fm;
  }
}

TEST(FormFactor, KleinNystrandFactorisesIntoSphereTimesYukawa) {
  const auto kn = FormFactor::from_rms_radius(FormFactorModel::klein_nystrand, 4.2);
  const double RA = kn.size_fm(), ak = kn.surface_fm();
  for (double q_fm : {0.1, 0.7, 1.3}) {
    const double x = q_fm * RA;
    const double sphere = 3 * (std::sin(x) - x * std::cos(x)) / (x * x * x);
    EXPECT_NEAR(kn(q_from_inverse_fm(q_fm)), sphere / (1 + q_fm * q_fm * ak * ak), 1e-14);
  }
}

TEST(FormFactor, LewinSmithHelmParameters) {
  // Validation N05 (Lewin & Smith 1996): R0^2 = c^2 + 7/3 pi^2 a^2 - 5 s^2, c = 1.23 A^(1/3) - 0.60.
  const auto f = FormFactor::helm_lewin_smith(132);
  const double c = 1.23 * std::cbrt(132.0) - 0.60;
  EXPECT_NEAR(f.size_fm() * f.size_fm(), c * c + 7.0 / 3.0 * pi * pi * 0.52 * 0.52 - 5 * 0.81, 1e-12);
  EXPECT_NEAR(f.size_fm(), 5.8518, 1e-3);  // 132Xe: R0 = 5.85 fm
}

TEST(FormFactor, RejectsImpossibleRadii) {
  EXPECT_THROW(FormFactor::from_rms_radius(FormFactorModel::helm, 1.0), InputError);  // < sqrt(3) s
  EXPECT_THROW(FormFactor::from_rms_radius(FormFactorModel::helm, -3.0), InputError);
  EXPECT_THROW(parse_form_factor_model("helmm"), InputError);
}

}  // namespace
}  // namespace cevns

namespace cevns {
namespace {

TEST(FormFactor, LightNucleiFallBackToTheGaussianWithTheSameRadius) {
  // 1H: point-proton radius ~0 fm; 4He: 1.68 fm < sqrt(3) x 0.9 fm, below Helm's surface term.
  const auto he = FormFactor::from_rms_radius_or_gaussian(FormFactorModel::helm, 1.4);
  EXPECT_EQ(he.model(), FormFactorModel::gaussian);
  const double q_fm = 0.01;
  EXPECT_NEAR(6.0 * (1.0 - he(q_fm / units::fm)) / (q_fm * q_fm), 1.96, 1e-4);
  EXPECT_EQ(FormFactor::from_rms_radius_or_gaussian(FormFactorModel::helm, 0.0)(100.0), 1.0);
  EXPECT_EQ(FormFactor::from_rms_radius_or_gaussian(FormFactorModel::helm, 4.0).model(), FormFactorModel::helm);
}

}  // namespace
}  // namespace cevns
