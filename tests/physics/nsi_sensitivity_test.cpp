// The quadratic NSI structure used by scans (scan/nsi_sensitivity.hpp) against full predictions.
#include "cevns/scan/nsi_sensitivity.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cevns/io/experiment_reader.hpp"
#include "cevns/rates/prediction.hpp"

namespace cevns {
namespace {

TEST(NsiAsimovChi2, QuadraticFormEqualsFullPredictions) {
  const scan::NsiAsimovChi2 chi2({"coherent-csi-2017"}, Flavour::e, 0.1);
  const Experiment experiment = io::load_experiment("coherent-csi-2017");
  for (auto [u, d] : {std::pair{0.3, -0.2}, {-0.45, 0.8}, {0.05, 0.05}}) {
    CevnsSettings settings;
    settings.bsm.vector_u[0][0] = u;
    settings.bsm.vector_d[0][0] = d;
    const double direct = Prediction(experiment, settings).evaluate().signal_counts;
    EXPECT_NEAR(chi2.signal_counts(0, u, d) / direct, 1.0, 1e-9) << u << " " << d;
  }
}

TEST(NsiAsimovChi2, ZeroAtTheStandardModelAndProfilingOnlyLowersIt) {
  const scan::NsiAsimovChi2 loose({"coherent-csi-2017"}, Flavour::e, 1e3);
  const scan::NsiAsimovChi2 tight({"coherent-csi-2017"}, Flavour::e, 1e-6);
  EXPECT_NEAR(tight(0.0, 0.0), 0.0, 1e-12);
  for (auto [u, d] : {std::pair{0.2, 0.0}, {0.0, -0.3}, {0.4, 0.4}}) {
    EXPECT_GT(tight(u, d), 0.0);
    EXPECT_LE(loose(u, d), tight(u, d) * (1 + 1e-12));  // a free normalisation absorbs more
  }
}

TEST(NsiAsimovChi2, ChargeFlipLineIsDegenerate) {
  // Q_W(eps) = -Q_W(SM) gives the SM rate again for nu_e (Maneschg 2018 review: "in case of degeneracy, use
  // different isotopes"): with u = 0, 2 Z (g_p + eps_d) + 2 N (g_n + 2 eps_d) = -2 (Z g_p + N g_n)
  // at eps_d = -(Z g_p + N g_n) / (Z/2 + N); for CsI (Z 53-55, N 74-78, averaged here)
  // the rate at that eps_d is within a few per cent of the SM, and the nu_e part exactly so.
  const scan::NsiAsimovChi2 chi2({"coherent-csi-2017"}, Flavour::e, 0.1);
  const double Z = 54.0, N = 76.0, gp = 0.0298, gn = -0.5117;  // CsI average, radiative couplings
  const double eps_d = -(Z * gp + N * gn) / (Z / 2.0 + N);
  const double sm = chi2.signal_counts(0, 0.0, 0.0);
  EXPECT_NEAR(chi2.signal_counts(0, 0.0, eps_d) / sm, 1.0, 0.03);
  EXPECT_LT(chi2(0.0, eps_d), 0.05 * chi2(0.0, eps_d / 2.0));
}

}  // namespace
}  // namespace cevns
