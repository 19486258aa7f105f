// Validation E01/E02: the COHERENT CsI[Na] 2017 observation refitted from the public data release
// (D. Akimov et al., Science 357, 1123 (2017); release arXiv:1804.09459).
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/analysis/coherent_csi2017_fit.hpp"
#include "cevns/io/data_path.hpp"

namespace cevns {
namespace {

const analysis::CoherentCsi2017Fit& fit() {
  static const auto f = analysis::fit_coherent_csi_2017(io::data_directory() / "coherent_csi_2017");
  return f;
}

TEST(Validation, E02_ReleaseTotals) {
  // Release README / validation.md E02: beam-on coincidence 1207, anti-coincidence 1032 events.
  EXPECT_EQ(fit().observed_total, 1207.0);
  EXPECT_EQ(fit().anticoincidence_total, 1032.0);
  EXPECT_EQ(fit().bins, 22u * 24u);  // 6-50 PE x 0-12 us
}

TEST(CoherentCsi2017Fit, AgreesWithTheCountingExcess) {
  // Independent route: beam-on coincidence minus anti-coincidence counts above 6 PE (172 events,
  // +-47 from Poisson errors of both windows) must match the fitted CEvNS events plus prompt
  // neutrons within the combined uncertainty.
  const double counting_excess = 172.0, counting_error = std::sqrt(1207.0 + 1032.0);
  const double fitted = fit().fitted_events + fit().prompt_neutron_events;
  EXPECT_NEAR(fitted, counting_excess, std::hypot(counting_error, fit().fitted_events_error));
  EXPECT_GT(fit().significance_sigma, 5.0);  // an observation, as published (6.7 sigma)
  // Open (docs/validation/experiments.md): published 134 +- 22 events and 6.7 sigma; this fit,
  // with the release's time PDFs and a flat steady state fitted jointly to the anti-coincidence
  // data, gives ~212 +- 24 and ~11 sigma. Not yet understood; not asserted.
}

}  // namespace
}  // namespace cevns
