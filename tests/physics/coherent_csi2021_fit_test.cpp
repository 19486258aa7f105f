// Validation E03: the COHERENT CsI[Na] full data set refitted from its public release
// (D. Akimov et al., PRL 129, 081801 (2022), arXiv:2110.07730, ancillary files of v2).
// Published numbers: 306 +- 20 fitted CEvNS events, 11.6 sigma, flux-averaged cross section
// (165 +30 -25) x 1e-40 cm^2 vs SM (189 +- 6) x 1e-40 cm^2, sin^2 theta_W = 0.220 +- 0.028
// (Wagner 2022 review, slide "Latest COHERENT Results on CsI"; validation.md E03).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "cevns/analysis/coherent_csi2021_fit.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/data_path.hpp"
#include "cevns/io/experiment_reader.hpp"

namespace cevns {
namespace {

using analysis::CoherentCsi2021Options;

analysis::CoherentCsi2021Fit run(const CoherentCsi2021Options& options) {
  return analysis::fit_coherent_csi_2021(io::data_directory() / "coherent_csi_2021", options);
}

const analysis::CoherentCsi2021Fit& nominal() {
  static const auto f = run({});
  return f;
}

TEST(Validation, E03_ReleaseCounts) {
  // Counted in the release files (docs/validation/experiments.md): 5142 C and 4890 AC events in
  // total, 1578 / 1295 in the 0-60 PE x 0-6 us window.
  EXPECT_EQ(nominal().observed_total, 5142.0);
  EXPECT_EQ(nominal().anticoincidence_total, 4890.0);
  EXPECT_EQ(nominal().observed_in_window, 1578.0);
  EXPECT_EQ(nominal().anticoincidence_in_window, 1295.0);
  EXPECT_EQ(nominal().bins, 15u * 12u);
}

TEST(Validation, E03_CsI2021FittedEvents) {
  // Published 306 +- 20; tolerance the published 1 sigma. Our signal template is the cevns SM
  // prediction (361 events in the window, vs the paper's 341 +- 11 +- 42), so the spectral shape
  // differs; the steady state is fitted from the release's AC events, whose Poisson error (+-36
  // on 1295) makes our Hessian error larger than the published one (see the docs).
  EXPECT_NEAR(nominal().fitted_events, 306.0, 20.0);
  EXPECT_GT(nominal().fitted_events_error, 20.0);
  EXPECT_LT(nominal().fitted_events_error, 45.0);
}

TEST(Validation, E03_CsI2021Significance) {
  // Published 11.6 sigma. With the steady state fitted from the release's AC events (same window
  // length as C) we get ~9.4 sigma: the AC statistics limit the steady-state knowledge. Treating
  // the AC projection as known to 2.1 % (flat in time; the prior of the Newtrinos.jl reproduction,
  // src/experiments/coherent/coherent_2020/coherent_csi.jl) recovers 11.6 sigma within 1 sigma.
  EXPECT_GT(nominal().significance_sigma, 8.5);
  EXPECT_LT(nominal().significance_sigma, 11.6);
  CoherentCsi2021Options known;
  known.steady_state_prior = 0.021;
  known.exponential_steady_state = false;
  known.scan_sin2_theta_w = false;
  EXPECT_NEAR(run(known).significance_sigma, 11.6, 1.0);
}

TEST(Validation, E03_CsI2021FluxAveragedCrossSection) {
  // SM <sigma> over the SNS flux per CsI nucleus: published 189 +- 6 (1e-40 cm^2); tolerance the
  // published 1 sigma (our form factor, couplings and DAR spectra are cevns's own).
  EXPECT_NEAR(nominal().sm_flux_averaged_cm2 / 1e-40, 189.0, 6.0);
  // Measured: published 165 +30 -25; tolerance the lower published error (25).
  EXPECT_NEAR(nominal().measured_flux_averaged_cm2 / 1e-40, 165.0, 25.0);
  // Our error (fit (+) 12.7 % normalisation) within 25 % of the published mean error 27.5.
  EXPECT_NEAR(nominal().measured_flux_averaged_error_cm2 / 1e-40, 27.5, 0.25 * 27.5);
}

TEST(Validation, E03_CsI2021WeakMixingAngle) {
  // Published 0.220 +- 0.028: central value within the published 1 sigma, half-width of the
  // Delta(-2 ln L) = 1 interval within 25 % of 0.028.
  const auto& f = nominal();
  EXPECT_NEAR(f.sin2_theta_w, 0.220, 0.028);
  EXPECT_LT(f.sin2_theta_w_lower, f.sin2_theta_w);
  EXPECT_GT(f.sin2_theta_w_upper, f.sin2_theta_w);
  EXPECT_NEAR(0.5 * (f.sin2_theta_w_upper - f.sin2_theta_w_lower), 0.028, 0.25 * 0.028);
}

TEST(Validation, E03_Sin2FromPublishedCrossSection) {
  // One-shot: solve <sigma>(sin^2 theta_W) = 165e-40 cm^2 (published central value) over the
  // catalog's SNS flux with cevns's radiative couplings; the result must lie within the published
  // 0.220 +- 0.028. <sigma> grows with sin^2 theta_W here (|Q_W| grows), so bisect on [0.1, 0.3].
  const Experiment exp = io::load_experiment("coherent-csi-2021");
  auto sigma_at = [&](double x) {
    CevnsSettings s;
    s.sin2_theta_w = x;
    return analysis::flux_averaged_cross_section(exp, s) / units::cm2 / 1e-40;
  };
  double lo = 0.10, hi = 0.30;
  ASSERT_LT(sigma_at(lo), 165.0);
  ASSERT_GT(sigma_at(hi), 165.0);
  for (int i = 0; i < 30; ++i) (sigma_at(0.5 * (lo + hi)) < 165.0 ? lo : hi) = 0.5 * (lo + hi);
  RecordProperty("sin2_theta_w", std::to_string(0.5 * (lo + hi)));
  EXPECT_NEAR(0.5 * (lo + hi), 0.220, 0.028);
}

TEST(CoherentCsi2021Fit, SteadyStateModelsAgree) {
  // The fitted steady state in the C window must match the AC count (same window length) within
  // its Poisson error, and a flat-in-time steady state must move the CEvNS count by less than the
  // fit error (the 2021 AC data prefer a slope of ~0.03/us only at ~2.4 sigma, unlike 2017).
  const auto& f = nominal();
  EXPECT_NEAR(f.steady_state_events, f.anticoincidence_in_window, std::sqrt(f.anticoincidence_in_window));
  CoherentCsi2021Options flat;
  flat.exponential_steady_state = false;
  flat.scan_sin2_theta_w = false;
  const auto g = run(flat);
  EXPECT_NEAR(g.fitted_events, f.fitted_events, f.fitted_events_error);
  EXPECT_GT(g.deviance, f.deviance);  // the slope is preferred, weakly
  EXPECT_LT(g.deviance - f.deviance, 9.0);
}

TEST(CoherentCsi2021Fit, RejectsBadBinning) {
  CoherentCsi2021Options bad;
  bad.pe_bin_width = 7.0;
  EXPECT_THROW(run(bad), InputError);
}

}  // namespace
}  // namespace cevns
