// The SI WIMP recoil spectrum against the same formula evaluated in laboratory units (GeV, cm, s)
// with a numerically integrated eta, and its A^2 and 1/m_chi limits.
#include <gtest/gtest.h>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <numbers>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/darkmatter/wimp_spectrum.hpp"
#include "cevns/io/nuclear_data_reader.hpp"

namespace cevns {
namespace {

// eta in units of 1/c for the SHM by a direct 2-D integral (speeds in units of c).
double eta_numeric(const StandardHaloModel& h, double v_min) {
  using Q = boost::math::quadrature::gauss_kronrod<double, 31>;
  const double norm = 4 * std::numbers::pi *
                      Q::integrate([&](double u) { return u * u * std::exp(-u * u / (h.v0 * h.v0)); }, 0.0, h.v_esc, 15, 1e-12);
  const auto inner = [&](double v) {
    const double c_max = std::min(1.0, (h.v_esc * h.v_esc - v * v - h.v_lab * h.v_lab) / (2 * v * h.v_lab));
    if (c_max <= -1.0) return 0.0;
    return 2 * std::numbers::pi * v *
           Q::integrate([&](double c) { return std::exp(-(v * v + h.v_lab * h.v_lab + 2 * v * h.v_lab * c) / (h.v0 * h.v0)); },
                        -1.0, c_max, 5, 1e-13);
  };
  const double kink = h.v_esc - h.v_lab, top = h.v_esc + h.v_lab;
  if (v_min >= top) return 0.0;
  double s = 0;
  if (v_min < kink) s += Q::integrate(inner, v_min, kink, 10, 1e-10);
  s += Q::integrate(inner, std::max(v_min, kink), top, 10, 1e-10);
  return s / norm;
}

TEST(WimpSpectrum, MatchesLaboratoryUnitsFormulaWithNumericalEta) {
  const auto& db = io::default_nuclear_database();
  const StandardHaloModel halo = StandardHaloModel::baxter2021();
  for (const char* name : {"Xe131", "Ar40", "Ge74"}) {
    const Material mat = Material::from_name(db, name);
    const WimpRecoilSpectrum w(mat, halo);
    const Nuclide& n = mat.components().front().nuclide;
    const double mN = n.nuclear_mass() / units::GeV;                 // GeV
    const double nuclei_per_kg = 1.0 / (n.atomic_mass_u * 1.66053906660e-27);
    const double c_cm_s = 2.99792458e10, rho = 0.3, sigma = 1e-45;   // GeV/cm^3, cm^2
    for (double mchi : {10.0, 100.0, 1000.0}) {
      const double mp = 0.93827208816;
      const double mu_n = mchi * mp / (mchi + mp), mu_N = mchi * mN / (mchi + mN);
      for (double e_keV : {0.5, 5.0, 30.0}) {
        const double e_GeV = e_keV * 1e-6;
        const double vmin = std::sqrt(mN * e_GeV / 2) / mu_N;         // units of c
        const double q_MeV = std::sqrt(2 * mN * e_GeV) * 1e3;
        const double F = FormFactor::helm_lewin_smith(n.A())(q_MeV * units::MeV);
        // per nucleus per s per GeV: (rho/m) sigma A^2 m_N c eta / (2 mu_n^2), eta in 1/c.
        const double per_s_GeV = rho / mchi * sigma * n.A() * n.A() * mN * c_cm_s * eta_numeric(halo, vmin) /
                                 (2 * mu_n * mu_n) * F * F;
        const double expected = per_s_GeV * 86400.0 * 1e-6 * nuclei_per_kg;
        const double got = w.differential_per_kg_day_keV(mchi, sigma, e_keV);
        if (expected == 0.0) {
          EXPECT_EQ(got, 0.0);
        } else {
          EXPECT_NEAR(got / expected, 1.0, 1e-6) << name << " " << mchi << " GeV " << e_keV << " keV";
        }
      }
    }
  }
}

TEST(WimpSpectrum, CoherentA2AndHeavyWimpLimits) {
  const auto& db = io::default_nuclear_database();
  const WimpRecoilSpectrum xe(Material::from_name(db, "Xe131")), ge(Material::from_name(db, "Ge74"));
  // Very heavy WIMP, tiny recoil: F = 1, mu_N ~ m_N, v_min ~ 0: per-kg rate ratio = A^2 ratio times
  // (m_N / mass per nucleus) ratio ~ 1 -> (131/74)^2 to 0.1 %.
  const double r = xe.differential_per_kg_day_keV(1e6, 1e-45, 1e-6) / ge.differential_per_kg_day_keV(1e6, 1e-45, 1e-6);
  EXPECT_NEAR(r / std::pow(131.0 / 74.0, 2), 1.0, 1e-3);
  // Heavy-WIMP limit: rate ~ 1/m_chi at fixed recoil.
  EXPECT_NEAR(xe.differential_per_kg_day_keV(1e5, 1e-45, 10) * 1e5 / (xe.differential_per_kg_day_keV(1e6, 1e-45, 10) * 1e6),
              1.0, 2e-3);
  // Linear in the cross section; zero above the kinematic endpoint.
  EXPECT_NEAR(xe.differential_per_kg_day_keV(50, 2e-45, 10) / xe.differential_per_kg_day_keV(50, 1e-45, 10), 2.0, 1e-12);
  const double emax_keV = xe.max_recoil(10 * units::GeV) / units::keV;
  EXPECT_GT(xe.differential_per_kg_day_keV(10, 1e-45, emax_keV * 0.99), 0.0);
  EXPECT_EQ(xe.differential_per_kg_day_keV(10, 1e-45, emax_keV * 1.01), 0.0);
  EXPECT_THROW((void)xe.differential_per_kg_day_keV(-1, 1e-45, 1), InputError);
}

}  // namespace
}  // namespace cevns
