// key=value parsing of BSM models and the 3+1 sterile survival probability.
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/physics/bsm/model_parameters.hpp"
#include "cevns/physics/bsm/sterile_oscillation.hpp"

namespace cevns {
namespace {

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(BsmParameters, ParsesNsiSymmetrically) {
  InteractionModel m;
  apply_nsi(m, "eps_ee_uV=0.1, eps_ee_dV=-0.05,eps_mue_uV=0.02,eps_tautau_dT=0.3,eps_mumu_S=1e-3");
  EXPECT_EQ(m.vector_u[0][0], 0.1);
  EXPECT_EQ(m.vector_d[0][0], -0.05);
  EXPECT_EQ(m.vector_u[0][1], 0.02);
  EXPECT_EQ(m.vector_u[1][0], 0.02);
  EXPECT_EQ(m.tensor_d[2][2], 0.3);
  EXPECT_EQ(m.scalar_nsi[1], 1e-3);
  EXPECT_NO_THROW(m.validate());
}

TEST(BsmParameters, RejectsUnknownNamesWithSuggestion) {
  InteractionModel m;
  const auto msg = message_of([&] { apply_nsi(m, "eps_ee_uv=0.1"); });
  EXPECT_NE(msg.find("eps_ee_uV"), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean"), std::string::npos) << msg;
  EXPECT_THROW(apply_nsi(m, "eps_ee_uV=0.1", "T"), InputError);  // --tensor accepts only T
  EXPECT_THROW(apply_nsi(m, "eps_ee_uV"), InputError);
  EXPECT_THROW(apply_nsi(m, "eps_ee_uV=abc"), InputError);
  EXPECT_THROW(apply_nsi(m, "eps_ee_uV=nan"), InputError);
  EXPECT_THROW(apply_nsi(m, "eps_ee_uV=1,eps_ee_uV=2"), InputError);
  EXPECT_THROW(apply_nsi(m, "eps_emu_S=1"), InputError);
  const auto z = message_of([&] { apply_zprime(m, "mass_MeV=10,coupling=1e-5,model=b-m"); });
  EXPECT_NE(z.find("b-l"), std::string::npos) << z;
  EXPECT_NE(message_of([&] { apply_zprime(m, "mass=10,coupling=1e-5"); }).find("mass_MeV"), std::string::npos);
  EXPECT_THROW(apply_zprime(m, "mass_MeV=-1,coupling=1e-5"), InputError);
  EXPECT_THROW(apply_zprime(m, "mass_MeV=10"), InputError);
  EXPECT_THROW(apply_scalar(m, "mass_MeV=10,coupling=x"), InputError);
}

TEST(BsmParameters, ParsesMediators) {
  InteractionModel m;
  apply_zprime(m, "mass_MeV=10,coupling=1e-5,model=lmu-ltau");
  EXPECT_EQ(m.zprime.mass, 10 * units::MeV);
  EXPECT_EQ(m.zprime.coupling, 1e-5);
  EXPECT_EQ(m.zprime.model, ZprimeModel::lmu_minus_ltau);
  apply_zprime(m, "mass_MeV=1e6,coupling=0.1,model=custom,q_nue=2,q_u=0,q_d=1");
  const auto c = zprime_charges(m.zprime);
  EXPECT_EQ(c.neutrino[0], 2.0);
  EXPECT_EQ(c.up, 0.0);
  apply_scalar(m, "mass_MeV=3,coupling=1e-6");
  EXPECT_EQ(m.scalar.mass, 3 * units::MeV);
}

TEST(SterileOscillation, SurvivalProbabilityUsesThe1267Phase) {
  const SterileParameters p{0.1, 1.3};
  for (double L : {5.0, 17.0}) {
    for (double E : {2.0, 6.0}) {
      const double s = std::sin(1.267 * 1.3 * L / E);
      // 1.267 is rounded: 1.26693 exactly (hbar c), so agree to ~1e-4 in the phase
      EXPECT_NEAR(sterile_survival_probability(p, L, E * units::MeV), 1 - 0.1 * s * s, 2e-4) << L << " " << E;
    }
  }
  EXPECT_THROW((void)sterile_survival_probability({1.5, 1.0}, 10.0, 3.0), InputError);
  EXPECT_THROW((void)sterile_survival_probability({0.1, -1.0}, 10.0, 3.0), InputError);
}

TEST(SterileOscillation, AveragingOverExtents) {
  const SterileParameters p{0.2, 2.0};
  const double E = 3.0;
  // point-like: the plain probability
  EXPECT_DOUBLE_EQ(averaged_survival_probability(p, {10.0, 0.0, 0.0}, E), sterile_survival_probability(p, 10.0, E));
  // far detector, uniform window of length D: <sin^2 kL> = 1/2 - [sin 2kb - sin 2ka] / (4k(b-a))
  // (the 1/L^2 weight tilts the window by ~D/L0, bounding the difference by sin^2(2theta) D/L0 = 3e-5)
  const double L0 = 20000.0, D = 3.0;
  const double k = 2.0 * units::eV * units::eV * units::m / (4.0 * E);
  const double a = L0 - D / 2, b = L0 + D / 2;
  const double mean_s2 = 0.5 - (std::sin(2 * k * b) - std::sin(2 * k * a)) / (4 * k * (b - a));
  EXPECT_NEAR(averaged_survival_probability(p, {L0, 0.0, D}, E), 1 - 0.2 * mean_s2, 3e-5);
  // many oscillation lengths inside the extents: averaged out to 1 - sin^2(2theta)/2
  EXPECT_NEAR(averaged_survival_probability({0.2, 50.0}, {20.0, 3.0, 1.0}, E), 0.9, 2e-3);
  EXPECT_THROW((void)averaged_survival_probability(p, {1.0, 3.0, 1.0}, E), InputError);
}

TEST(SterileOscillation, RescalesASpectrum) {
  const Spectrum s([](double E) { return E * E * std::exp(-E); }, 1.0, 8.0, {}, {{5.0, 2.0}});
  const SterileParameters p{0.1, 1.0};
  const BaselineGeometry g{10.0, 3.0, 0.5};
  const Spectrum o = apply_sterile_oscillation(s, p, g);
  EXPECT_NEAR(o.density(4.0) / s.density(4.0), averaged_survival_probability(p, g, 4.0), 1e-14);
  EXPECT_NEAR(o.lines()[0].intensity, 2.0 * averaged_survival_probability(p, g, 5.0), 1e-14);
  const double loss = 1.0 - o.total() / s.total();
  EXPECT_GT(loss, 0.0);
  EXPECT_LT(loss, 0.1);  // at most sin^2 2theta
}

}  // namespace
}  // namespace cevns
