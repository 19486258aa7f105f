#include "cevns/sources/reactor.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/sources/beta_spectrum.hpp"

namespace cevns {

TEST(BetaSpectrum, NormalisedPerBranchAndAnalyticForZeroCharge) {
  const double Q = 1.0 * units::MeV;
  const auto s = beta_decay_antineutrino_spectrum({{Q, 0.7}, {0.5 * Q, 0.3}}, 93);
  EXPECT_NEAR(s.total(), 1.0, 1e-9);
  EXPECT_NEAR(adaptive_integral([&](double E) { return s.density(E); }, 0.0, Q, 1e-11), 1.0, 1e-7);
  // Z = 0: shape E^2 W p with W = Q - E + m_e, analytic ratio at two energies.
  const double me = 0.51099895;
  auto analytic = [&](double E) {
    const double W = Q - E + me;
    return E * E * W * std::sqrt(W * W - me * me);
  };
  EXPECT_NEAR(allowed_beta_antineutrino_shape(0.3, Q, 0) / allowed_beta_antineutrino_shape(0.6, Q, 0),
              analytic(0.3) / analytic(0.6), 1e-12);
  // High Z: the spectrum ends with a finite step at E = Q (p F stays finite), Z = 0 goes to zero.
  EXPECT_GT(allowed_beta_antineutrino_shape(Q * (1 - 1e-9), Q, 93), 0.1 * allowed_beta_antineutrino_shape(0.5 * Q, Q, 93));
  EXPECT_LT(allowed_beta_antineutrino_shape(Q * (1 - 1e-9), Q, 0), 1e-4);
}

TEST(Reactor, CaptureChainGivesTwoAntineutrinosPerCapture) {
  const auto c = capture_chain_spectrum();
  EXPECT_NEAR(c.total(), 2.0, 1e-9);
  EXPECT_NEAR(c.max_energy(), 1.26166, 1e-9);
}

TEST(Reactor, IsotopeSpectraAreContinuousAtTheJoinAndDiffer) {
  const auto& model = io::default_reactor_model();
  for (const auto iso : all_fission_isotopes) {
    const auto s = fission_isotope_spectrum(model, iso);
    const double j = model.join_energy;
    EXPECT_NEAR(s.density(j * (1 - 1e-9)) / s.density(j * (1 + 1e-9)), 1.0, 1e-6) << to_string(iso);
    for (double E = 0.05; E < 10.0; E += 0.05) EXPECT_GE(s.density(E * units::MeV), 0.0);
  }
  // 239Pu is softer than 235U above 2 MeV (Huber 2011): fewer antineutrinos above 4 MeV per fission.
  const auto u5 = fission_isotope_spectrum(model, FissionIsotope::U235);
  const auto p9 = fission_isotope_spectrum(model, FissionIsotope::Pu239);
  const double above4 = 4 * units::MeV;
  auto one = [](double) { return 1.0; };
  EXPECT_LT(p9.integrate(one, above4) / u5.integrate(one, above4), 0.8);
}

TEST(Reactor, FissionRateAndInputChecks) {
  ReactorCore core;
  core.thermal_power = 1e9 / 1.602176634e-13 * units::MeV / units::s;  // 1 GW
  core.distance = 10 * units::m;
  // sum f_i E_i with the Daya Bay fractions and Ma et al. energies = 205.9 MeV
  EXPECT_NEAR(energy_per_fission(core), 0.561 * 202.36 + 0.076 * 205.99 + 0.307 * 211.12 + 0.056 * 214.26, 1e-9);
  EXPECT_NEAR(fissions_per_time(core) * units::s, 1e9 / (energy_per_fission(core) * 1.602176634e-13), 1e8);
  ReactorCore bad = core;
  bad.fission_fractions = {0.5, 0.1, 0.1, 0.1};
  EXPECT_THROW(reactor_source(io::default_reactor_model(), {bad}), InputError);
  bad = core;
  bad.thermal_power = -1;
  EXPECT_THROW(reactor_source(io::default_reactor_model(), {bad}), InputError);
  ReactorCore fixed = core;
  fixed.antineutrinos_per_fission = 7.2;
  const auto s = reactor_source(io::default_reactor_model(), {fixed});
  EXPECT_NEAR(s.total() / (fissions_per_time(core) / (4 * M_PI * core.distance * core.distance)), 7.2, 1e-6);
}

}  // namespace cevns
