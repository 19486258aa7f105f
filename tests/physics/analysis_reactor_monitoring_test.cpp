// Reactor monitoring with a Ge CEvNS detector: templates against the reactor source's own
// normalisation, Asimov fits, exposure scaling, and toys (docs/physics/statistics.md).
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "cevns/analysis/reactor_monitoring.hpp"
#include "cevns/core/constants.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/rates/prediction.hpp"

using namespace cevns;

namespace {

Material germanium() { return Material::from_name(io::default_nuclear_database(), "Ge"); }
ReactorMonitor make(ReactorMonitorSetup s = {}) { return ReactorMonitor(s, io::default_reactor_model(), germanium()); }

// Counts from reactor_source (its own fission rate and spectrum) through a Prediction.
std::vector<double> via_reactor_source(const ReactorMonitor& m, const std::array<double, 4>& f, double captures) {
  const auto& s = m.setup();
  ReactorCore core;
  core.thermal_power = s.power_MW * 1e6 / constants::electron_volt_J * units::eV / units::s;
  core.distance = s.distance_m * units::m;
  core.fission_fractions = f;
  core.captures_per_fission = captures;
  Experiment x;
  x.id = "monitor-test";
  x.material = germanium();
  x.mass_kg = s.mass_kg;
  x.fluence = reactor_source(io::default_reactor_model(), {core}).scaled(s.exposure_days * units::day);
  x.response.observable = Observable::keVnr;
  for (const double t : m.recoil_edges_eV()) x.response.bin_edges.push_back(t * 1e-3);
  return Prediction(x).evaluate().signal;
}

}  // namespace

// Each spectrum is tabulated on its own adaptive grid (sources/tabulated_spectrum.hpp: 1e-8 relative,
// less in the far tail), so the templates and the whole source agree to ~1e-7, not to rounding.
TEST(ReactorMonitoring, IsotopeTemplatesMatchTheReactorSource) {
  const auto m = make();
  for (std::size_t i = 0; i < 4; ++i) {
    std::array<double, 4> f{};
    f[i] = 1.0;
    CoreState pure;
    pure.fractions = f;
    const auto ref = via_reactor_source(m, f, 0.0);
    const double n = m.fissions(pure);
    for (std::size_t k = 0; k < ref.size(); ++k) EXPECT_NEAR(n * m.per_fission()[i][k] / ref[k], 1.0, 1e-6) << i << " " << k;
  }
  // The mixed declared core with 238U captures: the template sum is the source's own spectrum.
  const auto ref = via_reactor_source(m, m.setup().fission_fractions, m.setup().captures_per_fission);
  const auto ours = m.signal(m.declared());
  for (std::size_t k = 0; k < ref.size(); ++k) EXPECT_NEAR(ours[k] / ref[k], 1.0, 1e-6) << k;
  // 239Pu gives fewer CEvNS counts per fission above 100 eV than 235U (softer spectrum, Huber 2011).
  const auto sum = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); };
  EXPECT_LT(sum(m.per_fission()[2]), sum(m.per_fission()[0]));
}

TEST(ReactorMonitoring, AsimovFitReturnsTheTruth) {
  const auto m = make();
  for (const double delta : {0.0, 0.1}) {
    const auto truth = m.pu_removed(delta);
    const auto fit = m.fit(m.expected(truth));
    EXPECT_NEAR(fit.best.fractions[2], truth.fractions[2], 2e-4) << delta;
    EXPECT_NEAR(fit.best.fractions[0], truth.fractions[0], 2e-4) << delta;
    EXPECT_NEAR(fit.best.power_scale, 1.0, 1e-5) << delta;
    EXPECT_LT(fit.minimum, 1e-6);
    EXPECT_TRUE(fit.covariance_ok);
    EXPECT_GT(fit.errors[MonitorIndex::f239], 0.0);
  }
}

// With every nuisance fixed, the Asimov Delta chi^2 is the deviance of the declared expectation
// against the actual data, and it is linear in exposure (all counts scale together).
TEST(ReactorMonitoring, DeltaChi2IsTheDevianceAndLinearInExposure) {
  ReactorMonitorSetup s;
  s.power_uncertainty = s.f238_uncertainty = s.f241_uncertainty = s.background_uncertainty = 0.0;
  const auto one = make(s);
  const auto r1 = one.pu_removal(0.1);
  const double direct = stats::poisson_deviance(one.expected(one.declared()), one.expected(one.pu_removed(0.1)));
  EXPECT_NEAR(r1.delta_chi2 / direct, 1.0, 1e-6);
  s.exposure_days *= 2.0;
  const auto r2 = make(s).pu_removal(0.1);
  EXPECT_NEAR(r2.delta_chi2 / r1.delta_chi2, 2.0, 1e-6);
  // Dropping the power prior can only lower Delta chi^2 (the rate change is partly absorbed); the
  // 239Pu/235U spectral-shape difference keeps it well above zero at this exposure.
  ReactorMonitorSetup free_power;
  free_power.power_uncertainty = std::numeric_limits<double>::infinity();
  const double shape_only = make(free_power).pu_removal(0.1).delta_chi2;
  EXPECT_LT(shape_only, make().pu_removal(0.1).delta_chi2);
  EXPECT_GT(shape_only, 1.0);
}

TEST(ReactorMonitoring, ToyFitsAreUnbiasedWithTheAsimovError) {
  const auto m = make();
  const auto truth = m.declared();
  const auto asimov = m.fit(m.expected(truth));
  const auto f = m.toy_f239(truth, 200, 7);
  double mean = 0.0, var = 0.0;
  for (const double v : f) mean += v / static_cast<double>(f.size());
  for (const double v : f) var += (v - mean) * (v - mean) / static_cast<double>(f.size() - 1);
  const double sigma = asimov.errors[MonitorIndex::f239];
  EXPECT_NEAR(mean, truth.fractions[2], 4.0 * sigma / std::sqrt(200.0));
  EXPECT_NEAR(std::sqrt(var) / sigma, 1.0, 0.2);  // 200 toys: 5 % on the spread, plus bound effects
}
