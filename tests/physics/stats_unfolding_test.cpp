// Reactor-flux unfolding, Liao, Liu, Marfatia PRD 107, 113002 (2023) [arXiv:2302.10460] (seed 003):
// qualitative claims (validation H class): bounds on the sub-IBD flux in scenarios 1 and 2, the
// 238U neutron-capture component visible at beta = 20 in scenario 3.
#include <gtest/gtest.h>

#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/stats/reactor_unfolding.hpp"

using namespace cevns;
using namespace cevns::stats;

namespace {
ReactorUnfoldingResult run(int id, bool asimov, std::uint64_t seed = 1) {
  ReactorUnfoldingOptions o;
  o.asimov = asimov;
  o.seed = seed;
  return unfold_reactor_scenario(nucleus_scenario(id), Material::from_name(io::default_nuclear_database(), "Ge"),
                                 io::default_reactor_model(), o);
}
}  // namespace

TEST(StatsUnfolding, AsimovNaiveInversionRecoversTheTruth) {
  const auto r = run(3, true);
  EXPECT_LT((r.naive.flux - r.truth).cwiseAbs().maxCoeff(), 1e-6 * r.truth.maxCoeff());
}

TEST(StatsUnfolding, LowEnergyFluxIsBoundedInScenarios1And2) {
  for (int id : {1, 2}) {
    const auto r = run(id, false, 1);
    const auto& low = r.low_fixed;  // beta = 20
    // A meaningful bound: the 90 % upper bound lies above the truth minus 2 sigma (bias) and
    // below twice the true sub-1.8 MeV flux.
    EXPECT_GT(low.upper_90, low.truth - 2.0 * low.error) << id;
    EXPECT_LT(low.upper_90, 2.0 * low.truth) << id;
  }
}

TEST(StatsUnfolding, CaptureComponentSeparatesAtBeta20InScenario3) {
  const auto r = run(3, false, 1);
  EXPECT_GT(r.capture_separation_fixed, 3.0);
  // And the unfolded flux below 1.8 MeV matches the truth within 3 sigma + 5 % bias.
  EXPECT_NEAR(r.low_fixed.unfolded, r.low_fixed.truth, 3.0 * r.low_fixed.error + 0.05 * r.low_fixed.truth);
  // B ~ m: the bias statistic at beta = 20 is of the order of the number of bins.
  EXPECT_LT(r.at_fixed.bias_statistic, 3.0 * static_cast<double>(r.truth.size()));
}
