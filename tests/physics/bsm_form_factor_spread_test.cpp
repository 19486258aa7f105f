// Form-factor uncertainties (Liao 2024 review, slide "Form factor uncertainties", after D. Aristizabal
// Sierra, J. Liao, D. Marfatia, JHEP 06 (2019) 141, arXiv:1902.07398):
//   "FF uncertainties are relevant for q >~ 20 MeV; percentage uncertainties reach maximum at
//    q ~ 65 MeV; size of the uncertainties do not depend on the FF parameterization chosen".
// The paper's abstract: the uncertainties are "mainly driven by the rms radius of the neutron
// density distribution" and "essentially independent of the form factor parameterization". So the
// band is F^2 with the neutron rms radius R_n varied, for each of Helm / symmetrized Fermi /
// Klein-Nystrand -- not the spread across models at one radius (that one is tested below too and
// is 10-100x smaller). A band of F^2 (F(0) = 1) is the uncertainty of dsigma/dT in units of the
// fully coherent cross section; its width ~ |dF^2/dR| dR ~ (2 q^2 R/3) exp(-q^2 R^2/3) dR peaks at
// q* = sqrt(3)/R_n (70 MeV for Cs), whereas the width relative to F^2 itself grows up to the first
// zero of F. We could read only the abstract, not the figure, so which of the two the slide plots
// is inferred: only the absolute width has a maximum below the zero, so that is what we test.
// Input: 133Cs point-neutron rms radius 4.86(21) fm (proton-133Cs elastic scattering at HIRFL-CSR,
// arXiv:2403.03566), band = +-1 sigma. CsI is the nucleus of the slide (COHERENT); 127I is within
// 2% in radius.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "cevns/core/constants.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/form_factor.hpp"
#include "cevns/physics/nuclear_shape.hpp"

namespace cevns {
namespace {

constexpr std::array models{FormFactorModel::helm, FormFactorModel::symmetrized_fermi,
                            FormFactorModel::klein_nystrand};
constexpr double cs_neutron_rms_fm = 4.86, cs_neutron_rms_sigma_fm = 0.21;

double f2(FormFactorModel model, double rms_fm, double q) {
  const double f = FormFactor::from_rms_radius(model, rms_fm)(q);
  return f * f;
}

// Width of the F^2 band from R_n = 4.86 -+ 0.21 fm (the smaller radius gives the larger F^2).
double band(FormFactorModel model, double q) {
  return f2(model, cs_neutron_rms_fm - cs_neutron_rms_sigma_fm, q) -
         f2(model, cs_neutron_rms_fm + cs_neutron_rms_sigma_fm, q);
}

struct Peak {
  double q = 0.0, width = 0.0;
};
Peak band_peak(FormFactorModel model) {
  Peak p;
  for (double q = 1.0; q <= 150.0; q += 0.1)
    if (const double w = band(model, q); w > p.width) p = {q, w};
  return p;
}

TEST(BsmFormFactorUncertainty, NeutronRadiusBandIsSmallBelowTwentyMeVAndPeaksNearSixtyFive) {
  for (auto model : models) {
    const auto name = to_string(model);
    // Reactor q (<= 10 MeV): < 0.5% of the coherent cross section -- irrelevant, as the paper says.
    for (double q = 1.0; q <= 10.0; q += 1.0) EXPECT_LT(band(model, q), 5e-3) << name << " q=" << q;
    // "Relevant for q >~ 20 MeV": the band crosses 1% between 15 and 20 MeV (0.76%, 1.3%).
    EXPECT_LT(band(model, 15.0), 1e-2) << name;
    EXPECT_GT(band(model, 20.0), 1e-2) << name;
    // Maximum of the band: the slide reads "q ~ 65 MeV" off a plot; with the 2024 radius we get
    // 71 MeV (q* = sqrt3 hbar c/R_n = 70.3 MeV for a Gaussian-like F). A 10% window around 65 MeV on
    // the high side covers it; 65 MeV itself corresponds to R_n ~ 5.3 fm, inside the range in use
    // in 2019 (5.5 +0.9 -1.1 fm, M. Cadeddu et al., PRL 120, 072501 (2018)).
    const Peak p = band_peak(model);
    EXPECT_GT(p.q, 60.0) << name;
    EXPECT_LT(p.q, 75.0) << name;
    const double q_star = std::sqrt(3.0) * constants::hbar_c_MeV_fm / cs_neutron_rms_fm;
    EXPECT_NEAR(p.q / q_star, 1.0, 0.03) << name;
    // A maximum, not an edge: the band shrinks again towards the first zero.
    EXPECT_LT(band(model, 130.0), 0.5 * p.width) << name;
    // ... while the band relative to F^2 keeps growing (17% at 65 MeV, 50% at 100 MeV).
    const double rel65 = band(model, 65.0) / f2(model, cs_neutron_rms_fm, 65.0);
    const double rel100 = band(model, 100.0) / f2(model, cs_neutron_rms_fm, 100.0);
    EXPECT_GT(rel100, 2.0 * rel65) << name;
  }
}

TEST(BsmFormFactorUncertainty, BandDoesNotDependOnTheParametrization) {
  // "Size of the uncertainties do not depend on the FF parameterization chosen": peak heights
  // (6.9% of F^2(0)) agree to 1% and positions to 1 MeV across the three models.
  const Peak helm = band_peak(FormFactorModel::helm);
  for (auto model : {FormFactorModel::symmetrized_fermi, FormFactorModel::klein_nystrand}) {
    const Peak p = band_peak(model);
    EXPECT_NEAR(p.width / helm.width, 1.0, 0.01) << to_string(model);
    EXPECT_NEAR(p.q, helm.q, 1.0) << to_string(model);
  }
  EXPECT_GT(helm.width, 0.05);
  EXPECT_LT(helm.width, 0.09);
}

// The other reading -- spread across models at one rms radius -- for contrast: below 20 MeV it is
// < 1e-4, and at 65 MeV 0.5% (Cs) of F^2, 30x below the neutron-radius band.
TEST(BsmFormFactorUncertainty, ModelSpreadAtEqualRadiusIsMuchSmaller) {
  for (auto [sym, A] : {std::pair{"Cs", 133}, std::pair{"Ar", 40}}) {
    const double r = point_proton_rms_radius_fm(io::default_nuclear_database().isotope(sym, A));
    auto spread = [&](double q) {
      double lo = 1e300, hi = -1e300;
      for (auto model : models) {
        lo = std::min(lo, f2(model, r, q));
        hi = std::max(hi, f2(model, r, q));
      }
      return (hi - lo) / hi;
    };
    for (double q = 1.0; q <= 20.0; q += 1.0) EXPECT_LT(spread(q), 1e-4) << sym << A << " q=" << q;
    EXPECT_GT(spread(65.0), 2e-3) << sym << A;
    EXPECT_LT(spread(65.0), 1e-2) << sym << A;
    if (A == 133) {
      for (auto model : models)
        EXPECT_GT(band(model, 65.0), 10.0 * spread(65.0) * f2(model, r, 65.0)) << to_string(model);
    }
  }
}

}  // namespace
}  // namespace cevns
