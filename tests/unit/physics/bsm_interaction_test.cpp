// BSM interaction models in CevnsCrossSection (docs/physics/bsm.md, docs/validation/bsm.md).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/bsm/interaction_model.hpp"
#include "cevns/physics/cevns_cross_section.hpp"
#include "cevns/physics/kinematics.hpp"

namespace cevns {
namespace {

constexpr double pi = std::numbers::pi;
const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);
const double alpha = constants::fine_structure_alpha;
constexpr Neutrino nue{Flavour::e, false};
constexpr Neutrino nuebar{Flavour::e, true};
constexpr Neutrino numu{Flavour::mu, false};
constexpr Neutrino nutau{Flavour::tau, false};

const Nuclide& isotope(const char* symbol, int A) { return io::default_nuclear_database().isotope(symbol, A); }

CevnsSettings tree_point() {
  CevnsSettings s;
  s.couplings = CouplingScheme::tree_level;
  s.shape.model = FormFactorModel::point;
  return s;
}

TEST(BsmVectorNsi, WeakChargeMatchesCoherentFormula) {
  // COHERENT PRL 129, 081801 (2022) / Wagner 2022 review: Q ~ Z(g_p + 2eu + ed) + N(g_n + eu + 2ed); ours is 2x that.
  auto s = tree_point();
  s.bsm.vector_u[0][0] = 0.1;
  s.bsm.vector_d[0][0] = -0.05;
  const Nuclide& cs = isotope("Cs", 133);
  const CevnsCrossSection xs(cs, s);
  const double gp = 0.5 - 2.0 * s.sin2_theta_w, gn = -0.5;
  const double expected = 2.0 * (cs.Z * (gp + 2 * 0.1 - 0.05) + cs.N * (gn + 0.1 - 2 * 0.05));
  EXPECT_NEAR(xs.weak_charge(nue, 0.0), expected, 1e-12 * std::abs(expected));
  EXPECT_NEAR(xs.weak_charge(nuebar, 0.0), expected, 1e-12 * std::abs(expected));  // same for antineutrinos
  // numu unaffected by eps_ee
  EXPECT_NEAR(xs.weak_charge(numu, 0.0), 2.0 * (cs.Z * gp + cs.N * gn), 1e-12);
}

TEST(BsmVectorNsi, OffDiagonalAddsIncoherently) {
  auto s = tree_point();
  s.bsm.vector_u[0][1] = s.bsm.vector_u[1][0] = 0.2;
  const Nuclide& ar = isotope("Ar", 40);
  const CevnsCrossSection sm(ar, tree_point()), nsi(ar, s);
  const double E = 30.0, T = 0.02;
  const double q_sm = sm.weak_charge(nue, 0.0);
  const double q_off = 2.0 * (ar.Z * 2 * 0.2 + ar.N * 0.2);
  EXPECT_NEAR(nsi.differential(nue, E, T) / sm.differential(nue, E, T), 1.0 + q_off * q_off / (q_sm * q_sm), 1e-12);
  EXPECT_NEAR(nsi.differential(nutau, E, T) / sm.differential(nutau, E, T), 1.0, 1e-14);
}

TEST(BsmVectorNsi, VanishingEpsilonReproducesStandardModel) {
  CevnsSettings s;  // radiative couplings, Helm
  s.bsm.vector_u[1][1] = 1e-14;
  const CevnsCrossSection sm(isotope("Xe", 132)), nsi(isotope("Xe", 132), s);
  for (double E : {3.0, 30.0}) {
    EXPECT_NEAR(nsi.total(numu, E) / sm.total(numu, E), 1.0, 1e-11);
    EXPECT_NEAR(nsi.differential(numu, E, 5e-5) / sm.differential(numu, E, 5e-5), 1.0, 1e-11);
  }
}

TEST(BsmVectorNsi, QuadraticFormReproducesDirectIntegrals) {
  CevnsSettings base;
  const Nuclide& ge = isotope("Ge", 72);
  const CevnsCrossSection xs(ge, base);
  const double E = 40.0;
  const auto form = xs.vector_nsi_quadratic_form(numu, E);
  EXPECT_NEAR(form.s00 / xs.total(numu, E), 1.0, 1e-12);
  FlavourMatrix eu{}, ed{};
  eu[1][1] = 0.07;
  ed[1][1] = -0.11;
  eu[1][2] = eu[2][1] = 0.05;
  ed[0][1] = ed[1][0] = -0.03;
  CevnsSettings s = base;
  s.bsm.vector_u = eu;
  s.bsm.vector_d = ed;
  const CevnsCrossSection direct(ge, s);
  EXPECT_NEAR(form.evaluate(Flavour::mu, eu, ed) / direct.total(numu, E), 1.0, 1e-10);
  // The expansion at fixed q, with the model's own NSI removed from the base.
  const auto x = direct.vector_nsi_expansion(numu, 50.0);
  EXPECT_NEAR(x.base + x.c_u * 0.07 - x.c_d * 0.11, direct.weak_charge(numu, 50.0), 1e-10);
}

TEST(BsmZprime, HeavyMediatorIsVectorNsi) {
  // m -> infinity: eps^q_aa = g^2 Q_nu^a Q_q / (sqrt2 G_F m^2) (docs/physics/bsm.md).
  const double m = 1e6, g = 0.3;  // 1 TeV
  for (auto model : {ZprimeModel::universal, ZprimeModel::b_minus_l}) {
    CevnsSettings z;
    z.bsm.zprime = {m, g, model};
    const auto ch = zprime_charges(z.bsm.zprime);
    CevnsSettings n;
    const double unit = g * g / (std::sqrt(2.0) * gf * m * m);
    n.bsm.vector_u[0][0] = unit * ch.neutrino[0] * ch.up;
    n.bsm.vector_d[0][0] = unit * ch.neutrino[0] * ch.down;
    const CevnsCrossSection a(isotope("Cs", 133), z), b(isotope("Cs", 133), n);
    EXPECT_GT(std::abs(n.bsm.vector_u[0][0]), 1e-3);  // a visible effect, not a trivially SM comparison
    EXPECT_NEAR(a.total(nue, 30.0) / b.total(nue, 30.0), 1.0, 1e-6) << to_string(model);
  }
}

TEST(BsmZprime, LightMediatorFollowsPropagator) {
  // Point nucleus: Q_W(q) - Q_SM = 2 * 3 g^2 (Z + N) / (sqrt2 G_F (q^2 + m^2)) for the universal model.
  auto s = tree_point();
  const double m = 10.0, g = 1e-5;
  s.bsm.zprime = {m, g, ZprimeModel::universal};
  const Nuclide& ar = isotope("Ar", 40);
  const CevnsCrossSection sm(ar, tree_point()), zp(ar, s);
  for (double q : {0.0, 5.0, 10.0, 50.0}) {
    const double expected = 6.0 * g * g * (ar.Z + ar.N) / (std::sqrt(2.0) * gf * (q * q + m * m));
    EXPECT_NEAR(zp.weak_charge(nue, q) - sm.weak_charge(nue, q), expected, 1e-9 * std::abs(expected)) << q;
  }
}

TEST(BsmZprime, TotalWithLightMediatorMatchesAdaptiveIntegral) {
  CevnsSettings s;
  s.bsm.zprime = {0.05, 2e-6, ZprimeModel::universal};  // 50 keV: peaked at T ~ m^2/2M
  const CevnsCrossSection xs(isotope("Ge", 72), s);
  const double E = 5.0;
  const double tmax = xs.max_recoil(E);
  const double reference = adaptive_integral([&](double T) { return xs.differential(nue, E, T); }, 0.0, tmax, 1e-11);
  EXPECT_NEAR(xs.total(nue, E) / reference, 1.0, 1e-7);
  const CevnsCrossSection sm(isotope("Ge", 72));
  EXPECT_GT(xs.total(nue, E) / sm.total(nue, E), 1.5);  // the mediator matters at this coupling
}

TEST(BsmZprime, LmuLtauLoopCoupling) {
  // q -> 0: (alpha/(3 pi)) ln(m_tau^2/m_mu^2); at finite q against an adaptive x integral.
  const double mm = constants::muon_mass_MeV, mt = constants::tau_mass_MeV;
  EXPECT_NEAR(lmu_ltau_proton_coupling_per_g2(0.0), alpha / (3 * pi) * std::log(mt * mt / (mm * mm)), 1e-12);
  const double q = 100.0;
  const double ref = 2 * alpha / pi * adaptive_integral([&](double x) {
    const double w = x * (1 - x);
    return w * std::log((mt * mt + w * q * q) / (mm * mm + w * q * q));
  }, 0.0, 1.0);
  EXPECT_NEAR(lmu_ltau_proton_coupling_per_g2(q) / ref, 1.0, 1e-9);
  auto s = tree_point();
  s.bsm.zprime = {20.0, 1e-3, ZprimeModel::lmu_minus_ltau};
  const Nuclide& ar = isotope("Ar", 40);
  const CevnsCrossSection sm(ar, tree_point()), zp(ar, s);
  EXPECT_EQ(zp.weak_charge(nue, 10.0), sm.weak_charge(nue, 10.0));
  const double dmu = zp.weak_charge(numu, 10.0) - sm.weak_charge(numu, 10.0);
  const double dtau = zp.weak_charge(nutau, 10.0) - sm.weak_charge(nutau, 10.0);
  EXPECT_NEAR(dmu, -dtau, 1e-12 * std::abs(dmu));
  EXPECT_NEAR(dmu, 2.0 * ar.Z * 1e-6 * lmu_ltau_proton_coupling_per_g2(10.0) / (std::sqrt(2.0) * gf * (100 + 400)),
              1e-9 * std::abs(dmu));
}

TEST(BsmScalar, HeavyMediatorIsScalarNsiAndFormulaHolds) {
  const Nuclide& ar = isotope("Ar", 40);
  auto s = tree_point();
  s.bsm.scalar = {1e6, 0.5};
  const double eps = 0.25 / (std::sqrt(2.0) * gf * 1e12);
  auto n = tree_point();
  n.bsm.scalar_nsi = {eps, 0.0, 0.0};
  const CevnsCrossSection sm(ar, tree_point()), a(ar, s), b(ar, n);
  const double E = 30.0, T = 0.03;
  const double extra = a.differential(nue, E, T) - sm.differential(nue, E, T);
  EXPECT_NEAR(extra / (b.differential(nue, E, T) - sm.differential(nue, E, T)), 1.0, 1e-6);
  // Cerdeno et al. (2016): g^4 Q_phi^2 M^2 T / (4 pi E^2 (q^2 + m^2)^2), Q_phi = 15.1 Z + 14 N (point)
  const double M = sm.mass(), q2 = T * T + 2 * M * T, qphi = 15.1 * ar.Z + 14.0 * ar.N;
  const double expected = std::pow(0.25 / (q2 + 1e12), 2) * qphi * qphi * M * M * T / (4 * pi * E * E);
  EXPECT_NEAR(extra / expected, 1.0, 1e-6);
}

TEST(BsmTensor, ConusFormulaAndNonInterference) {
  const Nuclide& ge = isotope("Ge", 72);
  auto s = tree_point();
  s.bsm.tensor_u[0][0] = 0.1;
  s.bsm.tensor_d[0][0] = 0.05;
  const CevnsCrossSection sm(ge, tree_point()), t(ge, s);
  const double E = 8.0, T = 5e-4, M = sm.mass();
  const double qt = (2 * 0.1 + 0.05) * ge.Z + (0.1 + 2 * 0.05) * ge.N;
  const double conus = 4 * gf * gf / pi * qt * qt * M * (1 - M * T / (4 * E * E));
  EXPECT_NEAR((t.differential(nue, E, T) - sm.differential(nue, E, T)) / conus, 1.0, 1e-10);
  auto s2 = s;
  s2.bsm.tensor_u[0][0] = -0.1;
  s2.bsm.tensor_d[0][0] = -0.05;
  const CevnsCrossSection t2(ge, s2);
  EXPECT_NEAR(t2.total(nue, E) / t.total(nue, E), 1.0, 1e-12);  // quadratic, no interference
}

TEST(BsmMagneticMoment, NuclearTermAndOneOverTRise) {
  // The NUCLEUS INFN presentation: pi alpha^2 mu^2 Z^2/m_e^2 (1/T - 1/E + T/(4E^2)) F^2 (point nucleus here).
  const Nuclide& ge = isotope("Ge", 72);
  auto s = tree_point();
  s.bsm.magnetic_moment_bohr = {1e-9, 1e-9, 1e-9};
  const CevnsCrossSection sm(ge, tree_point()), mm(ge, s);
  const double me = constants::electron_mass_MeV;
  const double E = 3.0;
  for (double T : {1e-7, 1e-5, 2e-4}) {
    const double expected = pi * alpha * alpha * 1e-18 * ge.Z * ge.Z / (me * me) * (1 / T - 1 / E + T / (4 * E * E));
    EXPECT_NEAR((mm.differential(nuebar, E, T) - sm.differential(nuebar, E, T)) / expected, 1.0, 1e-9) << T;
  }
  // 1/T: the excess grows tenfold per decade at small T
  const double r = (mm.differential(nue, E, 1e-8) - sm.differential(nue, E, 1e-8)) /
                   (mm.differential(nue, E, 1e-7) - sm.differential(nue, E, 1e-7));
  EXPECT_NEAR(r, 10.0, 1e-4);
  EXPECT_THROW((void)mm.total(nue, E), InputError);  // log divergent without a cutoff
  EXPECT_THROW((void)mm.differential(nue, E, 0.0), InputError);
  s.bsm.min_recoil = 1e-4 * units::keV;
  const CevnsCrossSection cut(ge, s);
  const double tmax = cut.max_recoil(E);
  const double ref = adaptive_integral([&](double T) { return cut.differential(nue, E, T); }, 1e-7, tmax, 1e-11);
  EXPECT_NEAR(cut.total(nue, E) / ref, 1.0, 1e-7);
}

TEST(BsmMagneticMoment, ElectronFormulaInBohrUnits) {
  // pi alpha^2/m_e^2 = pi r_e^2 = 2.4946e-25 cm^2 (CODATA r_e = 2.8179403e-13 cm); and with
  // mu = kappa e/(2 m_e), e^2 = 4 pi alpha: dsigma/dT = alpha mu^2 (1/T - 1/E).
  const double E = 1.0, T = 0.01;
  const double value = magnetic_moment_electron_differential(1.0, E, T);
  EXPECT_NEAR(value / (units::cm2) / (1 / T - 1 / E), 2.4946e-25, 0.0002e-25);
  const double mu_bohr = std::sqrt(4 * pi * alpha) / (2 * constants::electron_mass_MeV);
  EXPECT_NEAR(magnetic_moment_electron_differential(1e-10, E, T) / (alpha * 1e-20 * mu_bohr * mu_bohr * (1 / T - 1 / E)),
              1.0, 1e-12);
}

TEST(BsmMillicharge, SmallRecoilLimit) {
  // Photon exchange dominates at small T: dsigma/dT -> 2 pi alpha^2 Z^2 q^2 / (M T^2), the nuclear
  // analogue of the electron formula 2 pi alpha^2 q^2/(m_e T^2) (Giunti & Studenikin, RMP 87, 531 (2015)).
  const Nuclide& ge = isotope("Ge", 72);
  auto s = tree_point();
  s.bsm.millicharge_e = {1e-6, 0.0, 0.0};
  const CevnsCrossSection xs(ge, s);
  const double T = 1e-12, M = xs.mass();
  const double expected = 2 * pi * alpha * alpha * ge.Z * ge.Z * 1e-12 / (M * T * T);
  EXPECT_NEAR(xs.differential(nue, 3.0, T) / expected, 1.0, 1e-3);
  EXPECT_THROW((void)xs.total(nue, 3.0), InputError);
}

TEST(BsmChargeRadius, StandardModelChargeRadiusShift) {
  // Cadeddu et al. PRD 98, 113010 (2018): <r^2_nue>_SM = -0.83e-32 cm^2; its shift of g_V^p,
  // -sqrt2 pi alpha <r^2>/(3 G_F), is the +0.0197 of the Erler-Su couplings (weak_charge.hpp).
  auto s = tree_point();
  s.bsm.charge_radius_sq = {-0.83e-32 * units::cm2, 0.0, 0.0};
  const Nuclide& ar = isotope("Ar", 40);
  const CevnsCrossSection sm(ar, tree_point()), cr(ar, s);
  const double shift = (cr.weak_charge(nue, 0.0) - sm.weak_charge(nue, 0.0)) / (2.0 * ar.Z);
  EXPECT_NEAR(shift, 0.0196964, 0.0002);
}

TEST(BsmRunningWeakMixing, LeptonRunningBelowTwoPionMasses) {
  const double s0 = constants::sin2_theta_w_default;
  EXPECT_EQ(sin2_theta_w_running(0.3, s0), s0);  // below m_e nothing runs
  // hand value at m_mu: 1/alpha(m_mu) = 137.036 - (2/3pi) ln(m_mu/m_e)
  const double ratio = (1 / alpha) / (1 / alpha - 2 / (3 * pi) * std::log(constants::muon_mass_MeV / constants::electron_mass_MeV));
  EXPECT_NEAR(sin2_theta_w_running(constants::muon_mass_MeV, s0), s0 - (0.25 - s0) * (ratio - 1), 1e-12);
  EXPECT_NEAR(sin2_theta_w_running(constants::muon_mass_MeV, s0) - s0, -9.5e-5, 0.3e-5);
  EXPECT_LT(sin2_theta_w_running(250.0, s0), sin2_theta_w_running(100.0, s0));  // decreasing
  EXPECT_NEAR(sin2_theta_w_at_zero(50.0, sin2_theta_w_running(50.0, s0)), s0, 1e-14);
  EXPECT_THROW((void)sin2_theta_w_running(1000.0, s0), InputError);
  // In the cross section: a sub-permille effect at DAR momentum transfers.
  CevnsSettings run;
  run.bsm.running_weak_mixing = true;
  const CevnsCrossSection a(isotope("Cs", 133)), b(isotope("Cs", 133), run);
  const double rel = b.weak_charge(numu, 50.0) / a.weak_charge(numu, 50.0) - 1.0;
  EXPECT_GT(std::abs(rel), 1e-6);
  EXPECT_LT(std::abs(rel), 1e-3);
}

TEST(BsmModel, ComposesAndValidates) {
  CevnsSettings s;
  s.bsm.vector_u[0][0] = 0.05;
  s.bsm.zprime = {10.0, 1e-5, ZprimeModel::b_minus_l};
  s.bsm.magnetic_moment_bohr = {1e-10, 1e-10, 1e-10};
  s.bsm.tensor_d[0][0] = 0.1;
  s.bsm.min_recoil = 0.1 * units::keV;
  const CevnsCrossSection xs(isotope("Ge", 72), s);
  const double v = xs.total(nue, 5.0);
  EXPECT_TRUE(std::isfinite(v));
  EXPECT_GT(v, 0.0);
  CevnsSettings bad;
  bad.bsm.zprime = {-1.0, 1e-5, ZprimeModel::universal};
  EXPECT_THROW(CevnsCrossSection(isotope("Ge", 72), bad), InputError);
  CevnsSettings asym;
  asym.bsm.vector_u[0][1] = 0.1;
  EXPECT_THROW(CevnsCrossSection(isotope("Ge", 72), asym), InputError);
}

}  // namespace
}  // namespace cevns
