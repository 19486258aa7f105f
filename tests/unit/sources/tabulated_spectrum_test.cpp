// TabulatedSpectrum against adaptive integrals of the analytic spectra it is built from.
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/source_catalog.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/sources/beta_spectrum.hpp"
#include "cevns/sources/decay_at_rest.hpp"
#include "cevns/sources/reactor.hpp"
#include "cevns/sources/solar.hpp"
#include "cevns/sources/tabulated_spectrum.hpp"

using namespace cevns;

namespace {

// int_x phi E^-k over the continuum (adaptive, per panel) plus lines at or above x.
double reference_moment(const Spectrum& s, int k, double x) {
  double sum = 0.0;
  if (s.has_continuum()) {
    const auto& e = s.panel_edges();
    for (std::size_t p = 0; p + 1 < e.size(); ++p) {
      const double a = std::max(e[p], x);
      if (e[p + 1] > a)
        sum += adaptive_integral([&](double E) { return s.density(E) * std::pow(E, -k); }, a, e[p + 1], 1e-11);
    }
  }
  for (const auto& l : s.lines())
    if (l.energy >= x) sum += l.intensity * std::pow(l.energy, -k);
  return sum;
}

// `tolerance` where more than 1 % of F_k lies above x, `tail_tolerance` further out (the steep ends
// of the reactor and 8B spectra, which carry < 1 % of the flux).
void expect_moments(const Spectrum& s, double tolerance, double tail_tolerance, const char* what) {
  const TabulatedSpectrum t(s);
  EXPECT_NEAR(t.total() / reference_moment(s, 0, 0.0), 1.0, 1e-8) << what;
  const double lo = std::max(s.min_energy(), 1e-3 * s.max_energy()), hi = s.max_energy();
  double worst = 0.0, where = 0.0;
  const auto top = t.moments_above(0.0);
  for (int i = 0; i <= 40; ++i) {
    // Points spread over the range, away from the node grid, up to 95 % of the endpoint.
    const double x = lo + (0.95 * hi - lo) * (i + 0.37) / 41.0;
    const auto f = t.moments_above(x);
    for (int k = 0; k < 3; ++k) {
      const double ref = reference_moment(s, k, x);
      if (ref < 1e-9 * top[k]) {  // the far tail: absolute
        EXPECT_LT(std::abs(f[k] - ref), 1e-12 * top[k]) << what << ": F_" << k << " at " << x / units::MeV << " MeV";
        continue;
      }
      const bool tail = ref < 1e-2 * top[k];
      if (!tail && std::abs(f[k] / ref - 1.0) > worst) {
        worst = std::abs(f[k] / ref - 1.0);
        where = x;
      }
      EXPECT_NEAR(f[k] / ref, 1.0, tail ? tail_tolerance : tolerance)
          << what << ": F_" << k << " at " << x / units::MeV << " MeV";
    }
  }
  std::printf("%s: largest relative error of F_k (above the 1 %% tail) %.2g at %.4g MeV\n", what, worst, where / units::MeV);
}

}  // namespace

TEST(TabulatedSpectrum, ReactorMomentsMatchAdaptiveIntegrals) {
  const Spectrum s =
      reactor_spectrum_per_fission(io::default_reactor_model(), default_fission_fractions, default_captures_per_fission);
  expect_moments(s, 3e-8, 1e-6, "reactor");
}

TEST(TabulatedSpectrum, MichelAndBetaMomentsMatchAdaptiveIntegrals) {
  expect_moments(Spectrum(michel_nue_density, 0.0, dar_michel_endpoint()), 3e-8, 1e-6, "Michel nu_e");
  expect_moments(capture_chain_spectrum(), 3e-8, 1e-6, "239U/239Np chain");
}

TEST(TabulatedSpectrum, SolarMomentsMatchAdaptiveIntegrals) {
  const auto b8 = solar_source(io::default_solar_model(), {SolarComponent::B8});
  expect_moments(*b8.spectrum({Flavour::e, false}), 3e-8, 1e-6, "solar 8B nu_e");
  // With pp, 8B is 1e-4 of the flux: its tail is resolved relative to the whole (1e-13 of F_k).
  const auto both = solar_source(io::default_solar_model(), {SolarComponent::B8, SolarComponent::pp});
  expect_moments(*both.spectrum({Flavour::e, false}), 3e-8, 1e-4, "solar nu_e (8B + pp)");
}

TEST(TabulatedSpectrum, LinesAreExactAndStepAtTheirEnergy) {
  io::SourceOptions o;
  o.distance_m = {20.0};
  const auto sns = io::make_source("sns", o);
  const Spectrum& prompt = *sns.spectrum({Flavour::mu, false});
  const TabulatedSpectrum t(prompt);
  const double e = dar_prompt_energy();
  const double I = prompt.lines().front().intensity;
  const auto below = t.moments_above(0.999 * e), above = t.moments_above(1.001 * e);
  EXPECT_DOUBLE_EQ(below[0], I);
  EXPECT_DOUBLE_EQ(below[2], I / (e * e));
  EXPECT_EQ(above[0], 0.0);
  EXPECT_DOUBLE_EQ(t.moments_above(e)[1], I / e);  // at the line: included
}

TEST(TabulatedSpectrum, ScaledAndSourceTables) {
  const Spectrum s(michel_numubar_density, 0.0, dar_michel_endpoint());
  const TabulatedSpectrum t(s);
  const auto a = t.moments_above(20 * units::MeV), b = t.scaled(3.0).moments_above(20 * units::MeV);
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(b[k], 3.0 * a[k], 1e-15 * b[k]);
  EXPECT_NEAR(t.max_energy(), dar_michel_endpoint(), 1e-12);
  NeutrinoSource src = dar_spectra_per_decay_chain();
  const TabulatedSource table(src);
  ASSERT_EQ(table.species.size(), 3u);
  EXPECT_NEAR(table.max_energy(), dar_michel_endpoint(), 1e-12);
  for (std::size_t a2 = 0; a2 < 3; ++a2) EXPECT_NEAR(table.spectra[a2].total(), 1.0, 1e-10);
  EXPECT_THROW((void)t.scaled(-1.0), cevns::InputError);
}
