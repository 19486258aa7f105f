#include "cevns/sources/decay_at_rest.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/sources/decay_at_rest_timing.hpp"

namespace cevns {
namespace {
const double m_mu = constants::muon_mass_MeV;
}

TEST(DecayAtRest, MichelSpectraAreNormalisedWithAnalyticMeans) {
  const double end = dar_michel_endpoint();
  // Independent route: adaptive integration; analytic means 0.3 m_mu (nu_e) and 0.35 m_mu (anti-nu_mu).
  EXPECT_NEAR(adaptive_integral(michel_nue_density, 0.0, end), 1.0, 1e-10);
  EXPECT_NEAR(adaptive_integral(michel_numubar_density, 0.0, end), 1.0, 1e-10);
  const auto s = dar_spectra_per_decay_chain();
  EXPECT_NEAR(s.spectrum({Flavour::e, false})->mean_energy(), 0.3 * m_mu, 1e-9);
  EXPECT_NEAR(s.spectrum({Flavour::mu, true})->mean_energy(), 0.35 * m_mu, 1e-9);
  EXPECT_NEAR(s.total(), 3.0, 1e-10);
  // nu_e density vanishes at the endpoint, anti-nu_mu does not ((64/m)(1/4)(1/4)).
  EXPECT_NEAR(michel_nue_density(end), 0.0, 1e-15);
  EXPECT_NEAR(michel_numubar_density(end), 4.0 / m_mu, 1e-12);
}

TEST(DecayAtRest, FluxScalesWithPowerYieldAndInverseSquare) {
  const double rate = 1e16 / units::s;
  const auto a = decay_at_rest_source(rate, 0.1, 10 * units::m);
  const auto b = decay_at_rest_source(2 * rate, 0.1, 20 * units::m);
  EXPECT_NEAR(b.total() / a.total(), 0.5, 1e-12);
  EXPECT_NEAR(a.total({Flavour::mu, false}) * units::cm2 * units::s, 1e15 / (4 * M_PI * 1e6), 1e-3);
  EXPECT_THROW(decay_at_rest_source(rate, -0.1, 10 * units::m), InputError);
  EXPECT_THROW(decay_at_rest_source(rate, 0.1, 0.0), InputError);
  SpallationFacility no_yield{"x", 1 * units::GeV, 1e18 * units::MeV / units::s, 0, 0, std::nullopt, "", ""};
  EXPECT_THROW(decay_at_rest_source(no_yield, 20 * units::m), InputError);
  EXPECT_NO_THROW(decay_at_rest_source(no_yield, 20 * units::m, 0.1));
}

TEST(DecayAtRestTiming, PdfsAreNormalisedAndMatchTheirCdfs) {
  const DecayAtRestTiming t;
  const double lo = -5 * units::us, hi = 60 * units::us;
  // Independent route: adaptive integrals of the closed-form PDFs against the CDF differences.
  auto prompt = [&](double x) { return t.prompt_pdf(x); };
  auto delayed = [&](double x) { return t.delayed_pdf(x); };
  // Piecewise over 0.5-us spans: one adaptive call over 65 us misses the 26-ns-wide prompt peak.
  auto piecewise = [&](const auto& f) {
    double sum = 0.0;
    for (double a = lo; a < hi; a += 0.5 * units::us) sum += adaptive_integral(f, a, a + 0.5 * units::us, 1e-12);
    return sum;
  };
  EXPECT_NEAR(piecewise(prompt), 1.0, 1e-8);
  EXPECT_NEAR(piecewise(delayed), 1.0, 1e-8);
  EXPECT_NEAR(t.prompt_fraction(lo, hi), 1.0, 1e-10);
  const double a = 0.2 * units::us, b = 1.5 * units::us;
  EXPECT_NEAR(t.prompt_fraction(a, b), adaptive_integral(prompt, a, b, 1e-12), 1e-9);
  EXPECT_NEAR(t.delayed_fraction(a, b), adaptive_integral(delayed, a, b, 1e-12), 1e-9);
  // Far after the pulse the delayed PDF is the muon exponential: ratio over 1 us = exp(-1/2.197).
  const double r = t.delayed_pdf(11 * units::us) / t.delayed_pdf(10 * units::us);
  EXPECT_NEAR(r, std::exp(-1.0 / 2.1969811), 1e-6);
  // Delayed neutrinos: fraction after 6 us ~ exp(-(6 - 0.44)/2.197) (pulse and pion negligible).
  EXPECT_NEAR(t.delayed_fraction(6 * units::us, 1e3 * units::us), std::exp(-(6.0 - 0.44 - 0.026) / 2.1969811), 2e-3);
  EXPECT_EQ(t.pdf({Flavour::tau, false}, 1 * units::us), 0.0);
}

TEST(DecayAtRestTiming, NarrowPulseLimitIsThePionExponential) {
  const double tau = constants::charged_pion_lifetime_s * units::s;
  const DecayAtRestTiming t(0.0, 0.01 * units::ns, tau, constants::muon_lifetime_s * units::s);
  for (double x : {10.0, 50.0, 100.0})
    EXPECT_NEAR(t.prompt_pdf(x * units::ns) * tau, std::exp(-x * units::ns / tau), 1e-6);
  EXPECT_NEAR(t.prompt_pdf(-50 * units::ns), 0.0, 1e-300);
}

}  // namespace cevns
