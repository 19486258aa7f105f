// The catalog's timing-cut efficiency (timing.efficiency_flat_until_ns / efficiency_decay_per_us,
// docs/configuration.md): bin averages of 1 before t0 and exp(-b (t - t0)) after, and its errors.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "cevns/core/error.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/rates/prediction.hpp"

using namespace cevns;

namespace {

// A small pi-DAR entry; `timing_extra` is appended to the timing section.
std::filesystem::path write_entry(const std::string& name, const std::string& timing_extra) {
  const auto p = std::filesystem::temp_directory_path() / ("cevns_timing_eff_" + name + ".yaml");
  std::ofstream f(p);
  f << "id: t\nname: t\nstatus: proposal\nreference: test\n"
       "target: {source: test, material: CsI, mass_kg: 1}\n"
       "neutrino_source: {source: test, name: sns, distance_m: 20, nu_per_flavour_per_proton: 0.08}\n"
       "exposure: {source: test, protons_on_target: 1.0e23, live_days: 100}\n"
       "observable: {source: test, quantity: keVnr, bin_edges_keVnr: {min: 5, max: 50, width: 5}}\n"
       "timing:\n"
       "  source: test\n"
       "  time_edges_us: [0, 0.25, 1.0, 6.0]\n"
       "  pulse_sigma_ns: 150\n"
    << timing_extra;
  return p;
}

std::string config_error(const std::filesystem::path& p) {
  try {
    (void)io::read_experiment(p);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(ExperimentTimingEfficiency, BinAveragesOfFlatThenExponential) {
  const auto x = io::read_experiment(
      write_entry("ok", "  efficiency_flat_until_ns: 520\n  efficiency_decay_per_us: 0.0494\n"));
  ASSERT_EQ(x.time_efficiency.size(), 3u);
  const double b = 0.0494, t0 = 0.52;
  // [0, 0.25] lies before t0: efficiency 1.
  EXPECT_DOUBLE_EQ(x.time_efficiency[0], 1.0);
  // [0.25, 1.0] straddles t0: (t0 - 0.25) + (1 - e^{-b (1 - t0)})/b over 0.75 us.
  EXPECT_NEAR(x.time_efficiency[1], ((t0 - 0.25) + (1.0 - std::exp(-b * (1.0 - t0))) / b) / 0.75, 1e-12);
  // [1, 6] lies after t0.
  EXPECT_NEAR(x.time_efficiency[2], (std::exp(-b * (1.0 - t0)) - std::exp(-b * (6.0 - t0))) / b / 5.0, 1e-12);
}

TEST(ExperimentTimingEfficiency, ScalesTheSignalPerTimeBin) {
  const auto with = io::read_experiment(
      write_entry("on", "  efficiency_flat_until_ns: 520\n  efficiency_decay_per_us: 0.0494\n"));
  const auto without = io::read_experiment(write_entry("off", ""));
  EXPECT_TRUE(without.time_efficiency.empty());
  const auto a = Prediction(with).evaluate(), b = Prediction(without).evaluate();
  ASSERT_EQ(a.signal.size(), b.signal.size());
  for (std::size_t n = 0; n < a.signal.size(); ++n)
    EXPECT_NEAR(a.signal[n], b.signal[n] * with.time_efficiency[n % a.time_bins], 1e-12 * (1.0 + b.signal[n]));
  EXPECT_LT(a.signal_counts, b.signal_counts);
}

TEST(ExperimentTimingEfficiency, MisspelledKeyNamesFileLineAndKey) {
  const auto p = write_entry("typo", "  efficiency_flat_until_ns: 520\n  efficiency_decay_per_u: 0.0494\n");
  const auto msg = config_error(p);
  EXPECT_NE(msg.find(p.string() + ":14: key 'timing.efficiency_decay_per_u': unknown key"), std::string::npos) << msg;
}

TEST(ExperimentTimingEfficiency, BothParametersAreNeeded) {
  const auto msg = config_error(write_entry("half", "  efficiency_flat_until_ns: 520\n"));
  EXPECT_NE(msg.find("key 'timing.efficiency_decay_per_us': missing"), std::string::npos) << msg;
  const auto neg = config_error(
      write_entry("neg", "  efficiency_flat_until_ns: 520\n  efficiency_decay_per_us: -1\n"));
  EXPECT_NE(neg.find("key 'timing.efficiency_decay_per_us': -1 is outside the allowed range"), std::string::npos) << neg;
}
