// Validation E01/E02: the COHERENT CsI[Na] 2017 observation refitted from the public data release
// (D. Akimov et al., Science 357, 1123 (2017), arXiv:1708.01294; release arXiv:1804.09459,
// doi:10.5281/zenodo.1228631). Published: 134 +- 22 fitted CEvNS events, 6.7 sigma against no
// CEvNS (abstract and text of the Science paper).
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/analysis/coherent_csi2017_fit.hpp"
#include "cevns/core/error.hpp"
#include "cevns/io/data_path.hpp"

namespace cevns {
namespace {

using analysis::CoherentCsi2017Options;
using analysis::SteadyStateTime;

analysis::CoherentCsi2017Fit run(const CoherentCsi2017Options& options) {
  return analysis::fit_coherent_csi_2017(io::data_directory() / "coherent_csi_2017", options);
}

const analysis::CoherentCsi2017Fit& nominal() {
  static const auto f = run({});
  return f;
}

TEST(Validation, E02_ReleaseTotals) {
  // Release README / validation.md E02: beam-on coincidence 1207, anti-coincidence 1032 events.
  EXPECT_EQ(nominal().observed_total, 1207.0);
  EXPECT_EQ(nominal().anticoincidence_total, 1032.0);
  EXPECT_EQ(nominal().bins, 12u * 24u);  // 6-30 PE x 0-12 us
}

TEST(Validation, E02_CsI2017FittedEvents) {
  // Published 134 +- 22. Tolerance: the published 1 sigma (22 events). Our fit differs from the
  // collaboration's in the signal template (cevns SM prediction, 168 events in the window vs
  // their 173 +- 48) and in the steady-state time model (an exponential fitted to the release's
  // AC and beam-off data): differences of this size are systematic, not statistical.
  EXPECT_NEAR(nominal().fitted_events, 134.0, 22.0);
  // Our Hessian error (~24) must match the published +-22 to 25 %.
  EXPECT_NEAR(nominal().fitted_events_error, 22.0, 0.25 * 22.0);
}

TEST(Validation, E02_CsI2017Significance) {
  // Published 6.7 sigma against no CEvNS. Tolerance 1 sigma: sqrt(q0) moves by ~0.4 between our
  // steady-state variants (with / without the beam-off slope, 6-30 vs 6-50 PE).
  EXPECT_NEAR(nominal().significance_sigma, 6.7, 1.0);
}

TEST(Validation, E02_CsI2017WiderWindowAgrees) {
  // Same model over 6-50 PE: the release's data above 30 PE are nearly pure steady state, so the
  // result must stay within the published 1 sigma.
  CoherentCsi2017Options wide;
  wide.max_pe = 50.0;
  const auto f = run(wide);
  EXPECT_NEAR(f.fitted_events, 134.0, 22.0);
  EXPECT_NEAR(f.significance_sigma, 6.7, 1.0);
}

TEST(CoherentCsi2017Fit, FlatSteadyStateIsRejectedByTheData) {
  // The cause of the old ~212 events / ~11 sigma: a flat-in-time steady state. The AC and
  // beam-off data fall by ~exp(-0.057 t/us) over the window; the flat shape is worse by
  // Delta(-2 ln L) ~ 70 for one parameter, and it moves ~60 steady-state events into CEvNS.
  CoherentCsi2017Options flat;
  flat.steady_state = SteadyStateTime::flat;
  const auto f = run(flat);
  EXPECT_GT(f.deviance - nominal().deviance, 25.0);  // > 5 sigma for one parameter
  EXPECT_GT(f.fitted_events, nominal().fitted_events + 30.0);
  EXPECT_GT(nominal().steady_state_slope_per_us, 0.03);
  EXPECT_LT(nominal().steady_state_slope_per_us, 0.09);
}

TEST(CoherentCsi2017Fit, AgreesWithTheCountingExcessAndPerBinFit) {
  // Model-independent routes: (1) C - AC in the window (both windows see the same steady state,
  // whatever its time shape) must match fitted CEvNS + prompt neutrons within the Poisson error
  // of the two counts; (2) a steady state free in every (energy, time) bin, profiled from C and
  // AC, must give the same CEvNS count within the fitted error.
  const auto& f = nominal();
  const double excess = f.observed_in_window - f.anticoincidence_in_window;
  const double error = std::sqrt(f.observed_in_window + f.anticoincidence_in_window);
  EXPECT_NEAR(f.fitted_events + f.prompt_neutron_events, excess, error);
  CoherentCsi2017Options per_bin;
  per_bin.steady_state = SteadyStateTime::per_bin;
  const auto g = run(per_bin);
  EXPECT_NEAR(g.fitted_events, f.fitted_events, f.fitted_events_error);
  EXPECT_GT(g.significance_sigma, 4.5);  // weaker (528 free nuisances), still an observation
}

TEST(CoherentCsi2017Fit, RejectsBadWindow) {
  CoherentCsi2017Options bad;
  bad.max_pe = 31.0;
  EXPECT_THROW(run(bad), InputError);
}

}  // namespace
}  // namespace cevns
