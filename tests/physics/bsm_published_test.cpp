// Published statements reproduced with the BSM models (docs/validation/bsm.md).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "cevns/core/constants.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/nuclear/material.hpp"
#include "cevns/physics/bsm/interaction_model.hpp"
#include "cevns/physics/cevns_cross_section.hpp"
#include "cevns/physics/electron_scattering.hpp"
#include "cevns/physics/kinematics.hpp"
#include "cevns/sources/reactor.hpp"

namespace cevns {
namespace {

const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);

TEST(BsmPublished, NsiOfOnePercentIsTheTeVScale) {
  // The Maneschg 2018 review (W. Maneschg 2018): "eps ~ M_W^2/M_NSI^2; eps = 0.01 -> TeV scale". With our exact
  // heavy-Z' relation eps = g^2/(sqrt2 G_F M^2) and an electroweak-strength coupling g = e/sin(theta_W),
  // eps = 0.01 needs M ~ 1.6 TeV, and eps M^2 / M_W^2 is O(1) (= 4 here).
  const double e = std::sqrt(4.0 * std::numbers::pi * constants::fine_structure_alpha);
  const double g = e / std::sqrt(constants::sin2_theta_w_default);
  const double M = g / std::sqrt(std::sqrt(2.0) * gf * 0.01);
  EXPECT_GT(M, 1.0 * units::GeV * 1e3);
  EXPECT_LT(M, 3.0 * units::GeV * 1e3);
  const double mw = constants::w_boson_mass_MeV;
  EXPECT_NEAR(0.01 * M * M / (mw * mw), 4.0, 0.5);
  // And the cross section built from that Z' equals the NSI one.
  CevnsSettings z, n;
  z.bsm.zprime = {M, g, ZprimeModel::universal};
  n.bsm.vector_u[0][0] = n.bsm.vector_d[0][0] = g * g / (std::sqrt(2.0) * gf * M * M);  // = 0.01
  const auto& ge = io::default_nuclear_database().isotope("Ge", 72);
  const CevnsCrossSection a(ge, z), b(ge, n);
  EXPECT_NEAR(a.total({Flavour::e, true}, 5.0) / b.total({Flavour::e, true}, 5.0), 1.0, 1e-6);
  const CevnsCrossSection sm(ge);
  // eps^u = eps^d = 0.01 shifts g_V^n = -0.51 by +0.03: a ~20% destructive change on Ge.
  EXPECT_NEAR(a.total({Flavour::e, true}, 5.0) / sm.total({Flavour::e, true}, 5.0), 0.79, 0.02);
}

// Sign of the charge-radius term (docs/physics/bsm.md, section 5): the SM charge radii of
// J. Bernabeu et al. (PRD 62, 113012 (2000); as quoted by M. Cadeddu et al., PRD 98, 113010
// (2018)), <r^2_l> = -(G_F/(2 sqrt2 pi^2)) [3 - 2 ln(m_l^2/m_W^2)], differ between nu_e and nu_mu
// by -(sqrt2 G_F/pi^2) ln(m_mu/m_e). Added to nu_mu through our BSM term, that difference must turn
// the PDG/Erler-Su radiative g_V^p(nu_mu) into g_V^p(nu_e) (J. Erler, S. Su, PPNP 71, 119 (2013)):
// (2 alpha/(3 pi)) ln(m_mu/m_e) = 0.00826 vs the PDG 0.0196964 - 0.0114381 = 0.0082583. A wrong
// sign would double the splitting. Tolerance 1e-4 relative: the PDG values carry 6 digits.
TEST(BsmConventions, ChargeRadiusSignReproducesTheRadiativeFlavourSplitting) {
  const double diff = -std::sqrt(2.0) * gf / (std::numbers::pi * std::numbers::pi) *
                      std::log(constants::muon_mass_MeV / constants::electron_mass_MeV);
  CevnsSettings s;
  s.shape.model = FormFactorModel::point;
  s.bsm.charge_radius_sq[1] = diff;
  const auto& ar = io::default_nuclear_database().isotope("Ar", 40);
  const CevnsCrossSection bsm(ar, s);
  CevnsSettings sm_settings;
  sm_settings.shape.model = FormFactorModel::point;
  const CevnsCrossSection sm(ar, sm_settings);
  const double q = 1.0;  // MeV; a point nucleus, so nothing depends on q
  const double shift = (bsm.weak_charge({Flavour::mu, false}, q) - sm.weak_charge({Flavour::mu, false}, q)) / (2.0 * ar.Z);
  EXPECT_NEAR(shift / (0.0196964 - 0.0114381), 1.0, 1e-3);
  EXPECT_NEAR(bsm.weak_charge({Flavour::mu, false}, q) / sm.weak_charge({Flavour::e, false}, q), 1.0, 2e-5);
}

// Millicharge vs charge radius: both enter through the neutrino's photon vertex
// F_Q(q^2) = q_nu + q^2 <r^2>/6 (C. Giunti, A. Studenikin, RMP 87, 531 (2015)), exchanged with
// q^2 = -|q|^2, so at a given |q| a millicharge q_nu acts exactly like <r^2> = -6 q_nu/|q|^2.
TEST(BsmConventions, MillichargeAndChargeRadiusShareThePhotonVertex) {
  const auto& ge = io::default_nuclear_database().isotope("Ge", 72);
  const double q = 30.0;  // MeV
  const double qnu = 1e-9;
  CevnsSettings a, b;
  a.bsm.millicharge_e = {qnu, qnu, qnu};
  b.bsm.charge_radius_sq.fill(-6.0 * qnu / (q * q));
  const CevnsCrossSection xa(ge, a), xb(ge, b), sm(ge);
  for (const auto& nu : all_neutrinos) {
    EXPECT_NEAR(xa.weak_charge(nu, q) / xb.weak_charge(nu, q), 1.0, 1e-12);
    EXPECT_GT(std::abs(xa.weak_charge(nu, q) / sm.weak_charge(nu, q) - 1.0), 1e-3);  // not vacuous
  }
}

// TEXONO, H.B. Li et al., PRL 90, 131802 (2003), hep-ex/0212003 (abstract): HPGe of 1.06 kg at
// 28 m from a 2.9 GW core, background 1 count/(kg keV day) at 12-60 keV, 4712 h reactor ON and
// 1250 h OFF; mu_nu(anti-nu_e) < 1.3 (1.0) x 1e-10 mu_B at 90 (68)% CL. Its 90/68 ratio, 1.3 =
// sqrt(1.645/1), is that of Gaussian intervals around a central value mu^2 ~ 0, so the published
// limit is close to the median (Asimov) sensitivity, which is what we compute. CONUS (EPJC 82, 813
// (2022)) is not reproduced: its background model and spectra are not public in a usable form.
struct TexonoSetup {
  double power_GW = 2.9, distance_m = 28.0;
  double mass_kg = 1.06, hours_on = 4712.0, hours_off = 1250.0;
  double background_per_kg_keV_day = 1.0;
};

// Expected 90% CL upper limit on mu_nu (units of mu_B) from an ON-OFF analysis in 4-keV bins of
// 12-60 keV: the Asimov ON and OFF counts (background only) give, per bin, the variance of the
// excess b_on + (t_on/t_off)^2 b_off; the signal shape ~ mu^2 (1/T - 1/E) is fitted with mu^2
// free (no physical boundary), Gaussian: mu^2_90 = 1.645 sigma(mu^2).
double texono_expected_limit(const TexonoSetup& x) {
  ReactorCore core;
  core.thermal_power = x.power_GW * 1e9 / 1.602176634e-13 * units::MeV / units::s;
  core.distance = x.distance_m * units::m;
  const auto source = reactor_source(io::default_reactor_model(), {core});
  const Spectrum& flux = *source.spectrum({Flavour::e, true});
  // Our spectral shape, normalised to the flux the limit was derived with (6.4e12 /cm^2/s).
  const double to_texono_flux = 6.4e12 / (source.total() * units::cm2 * units::s);
  const Material ge = Material::from_name(io::default_nuclear_database(), "Ge");
  const double electrons_per_kg = electrons_per_formula_unit(ge) * ge.formula_units_per_kg();
  const double on = x.mass_kg * x.hours_on / 24.0, off = x.mass_kg * x.hours_off / 24.0;  // kg d
  const FixedQuadrature rule(16, 1);
  double fisher = 0.0;  // sum_i s_i^2 / var_i, s_i = ON-exposure signal per mu^2 (mu in mu_B)
  for (double lo = 12.0; lo < 60.0; lo += 4.0) {
    const double t1 = lo * units::keV, t2 = (lo + 4.0) * units::keV;
    const double rate = flux.integrate([&](double E) {
      const double top = std::min(t2, kinematics::max_recoil(E, constants::electron_mass_MeV));
      if (!(top > t1)) return 0.0;
      return rule.integrate([&](double T) { return magnetic_moment_electron_differential(1.0, E, T); }, t1, top);
    });  // per electron per unit time, mu = 1 mu_B
    const double signal = to_texono_flux * rate * units::day * electrons_per_kg * on;
    const double b_on = x.background_per_kg_keV_day * 4.0 * on;
    const double b_off = x.background_per_kg_keV_day * 4.0 * off;
    const double variance = b_on + (on / off) * (on / off) * b_off;
    fisher += signal * signal / variance;
  }
  return std::sqrt(1.645 / std::sqrt(fisher));
}

TEST(BsmPublished, TexonoMagneticMomentLimit) {
  // The flux our reactor model gives at 28 m from 2.9 GW: 5.84e12 /cm^2/s, 9% below TEXONO's
  // 6.4e12 (PRL 90, 131802); ours has 6.7 antineutrinos per fission (Huber-Mueller + Kopeikin below
  // 2 MeV, 0.6 captures), theirs implies ~7.3 (their spectrum model is not given). Tolerance 12%.
  ReactorCore core;
  core.thermal_power = 2.9e9 / 1.602176634e-13 * units::MeV / units::s;
  core.distance = 28.0 * units::m;
  const double flux = reactor_source(io::default_reactor_model(), {core}).total() * units::cm2 * units::s;
  EXPECT_NEAR(flux / 6.4e12, 1.0, 0.12);
  // We get 1.66e-10, 28% above the published 1.3e-10. Tolerance: factor 1.4 on mu (2 on mu^2, the
  // fitted quantity). The background is public to one digit ("1") and mu_90 ~ B^(1/4): B = 0.6
  // gives 1.46e-10 (12% above); the fit range, binning and per-bin background shape are not given,
  // and the central value is ~0 only to within the rounding of 1.0 and 1.3.
  const double mu90 = texono_expected_limit({});
  EXPECT_GT(mu90, 1.3e-10 / 1.4);
  EXPECT_LT(mu90, 1.3e-10 * 1.4);
}

}  // namespace
}  // namespace cevns
