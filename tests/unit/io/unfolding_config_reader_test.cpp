// The unfolding-file reader: schema errors name file:line and the key path (with did-you-mean),
// units are converted at the boundary, the data and beta forms are told apart, counts files are
// read relative to the unfolding file.
#include "cevns/io/unfolding_config_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns::io {
namespace {

std::filesystem::path write(const std::string& name, const std::string& text) {
  const auto p = std::filesystem::temp_directory_path() / ("cevns_unfold_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(p) << text;
  return p;
}

const std::string minimal = R"(exposure_kg_yr: 3
threshold_eV: 5
background_ckkd: 1
data: {asimov: true}
)";

// The message after "file:".
std::string error_of(const std::string& text) {
  const auto p = write("bad.yaml", text);
  try {
    (void)read_unfolding_config(p);
  } catch (const ConfigError& e) {
    std::string m = e.what();
    const auto prefix = p.string() + ":";
    EXPECT_EQ(m.rfind(prefix, 0), 0u) << m;
    return m.substr(prefix.size());
  }
  ADD_FAILURE() << "no ConfigError for\n" << text;
  return "";
}

TEST(UnfoldingConfigReader, MinimalFileKeepsTheScenarioDefaults) {
  const auto c = read_unfolding_config(write("ok.yaml", minimal));
  EXPECT_EQ(c.target, "Ge");
  EXPECT_EQ(c.scenario.exposure_kg_yr, 3.0);
  EXPECT_EQ(c.scenario.threshold, 5.0 * units::eV);
  EXPECT_EQ(c.scenario.background_per_keV_kg_day, 1.0);
  EXPECT_TRUE(c.options.asimov);
  EXPECT_EQ(c.data_description, "asimov");
  EXPECT_TRUE(c.options.cores.empty());  // Chooz
  EXPECT_TRUE(c.options.energy_edges.empty());
  EXPECT_TRUE(c.options.betas.empty());
  EXPECT_EQ(c.options.fixed_beta, 20.0);
  EXPECT_TRUE(c.csv_dir.empty());
}

TEST(UnfoldingConfigReader, ReactorBinningBetaAndUnits) {
  const auto c = read_unfolding_config(write("full.yaml", R"(target: Si
exposure_kg_yr: 1
threshold_eV: 10
background_ckkd: 0
reactor:
  cores: [{power_GW: 3, distance_m: 20}, {power_GW: 1, distance_m: 40}]
  fission_fractions: {U235: 1}
  capture: false
binning:
  energy_edges_MeV: [1, 2, 4]
  recoil_edges_keV: [0.01, 0.1, 1]
data: {toy: {seed: 7}}
beta:
  smallest_positive: [5, 0.5]
  fixed: 3
  scan: [1, 2]
output: {csv: out}
)"));
  EXPECT_EQ(c.target, "Si");
  ASSERT_EQ(c.options.cores.size(), 2u);
  EXPECT_EQ(c.options.cores[1].distance, 40.0 * units::m);
  EXPECT_EQ(c.options.cores[0].fission_fractions[0], 1.0);
  EXPECT_EQ(c.options.cores[0].fission_fractions[2], 0.0);
  EXPECT_EQ(c.options.cores[0].captures_per_fission, 0.0);
  EXPECT_EQ(c.options.energy_edges, (std::vector<double>{1 * units::MeV, 2 * units::MeV, 4 * units::MeV}));
  EXPECT_EQ(c.options.recoil_edges.front(), 0.01 * units::keV);
  EXPECT_FALSE(c.options.asimov);
  EXPECT_EQ(c.options.seed, 7u);
  EXPECT_EQ(c.data_description, "poisson toy, seed 7");
  EXPECT_EQ(c.options.betas, (std::vector<double>{5, 0.5}));
  EXPECT_EQ(c.options.fixed_beta, 3.0);
  EXPECT_EQ(c.options.scan_betas, (std::vector<double>{1, 2}));
  EXPECT_EQ(std::filesystem::path(c.csv_dir).filename(), "out");  // relative to the file's folder
  EXPECT_EQ(std::filesystem::path(c.csv_dir).parent_path(), std::filesystem::temp_directory_path());
}

TEST(UnfoldingConfigReader, BetaShortForms) {
  EXPECT_EQ(read_unfolding_config_text(minimal + "beta: 7\n").options.fixed_beta, 7.0);
  EXPECT_EQ(read_unfolding_config_text(minimal + "beta: [1, 3]\n").options.scan_betas, (std::vector<double>{1, 3}));
  const auto sp = read_unfolding_config_text(minimal + "beta: smallest_positive\n");
  EXPECT_TRUE(sp.options.betas.empty());
  EXPECT_EQ(sp.options.fixed_beta, 20.0);
  const auto grid = read_unfolding_config_text(minimal + "beta: {smallest_positive: {min: 1, max: 100, points: 3}}\n");
  ASSERT_EQ(grid.options.betas.size(), 3u);
  EXPECT_NEAR(grid.options.betas[1], 10.0, 1e-12);
}

TEST(UnfoldingConfigReader, FluxInsteadOfCores) {
  const auto c = read_unfolding_config_text(minimal + "reactor: {flux_per_cm2_s: 1.0e+13, captures_per_fission: 0.5}\n");
  EXPECT_NEAR(c.options.antineutrino_flux * units::cm2 * units::s, 1e13, 1e13 * 1e-14);
  ASSERT_EQ(c.options.cores.size(), 1u);
  EXPECT_EQ(c.options.cores[0].captures_per_fission, 0.5);
}

TEST(UnfoldingConfigReader, CountsFileRelativeToTheUnfoldingFile) {
  write("counts.txt", "# T_low T_high counts\n0.005 0.01 12\n0.01 0.02 3\n0.02 0.04 0\n");
  const auto c = read_unfolding_config(write("counts.yaml", R"(exposure_kg_yr: 3
threshold_eV: 5
background_ckkd: 1
data: {counts_file: cevns_unfold_)" + std::to_string(::getpid()) + R"(_counts.txt}
)"));
  ASSERT_TRUE(c.options.observed_counts.has_value());
  EXPECT_EQ(*c.options.observed_counts, (Eigen::VectorXd(3) << 12, 3, 0).finished());
  write("neg.txt", "4\n-1\n");
  const auto p = write("neg.yaml", minimal.substr(0, minimal.find("data")) + "data: {counts_file: cevns_unfold_" +
                                       std::to_string(::getpid()) + "_neg.txt}\n");
  try {
    (void)read_unfolding_config(p);
    ADD_FAILURE() << "negative count accepted";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("neg.txt:2: a count must be >= 0"), std::string::npos) << e.what();
  }
}

TEST(UnfoldingConfigReader, BadKeysNameFileLineAndKeyPath) {
  EXPECT_EQ(error_of(minimal + "treshold_eV: 3\n"), "5: key 'treshold_eV': unknown key (did you mean threshold_eV?)");
  EXPECT_EQ(error_of("exposure_kg_yr: 3\nthreshold_eV: 5\nbackground_ckkd: 1\n"),
            "1: key 'data': missing (counts_file, toy: {seed: N} or asimov: true)");
  EXPECT_EQ(error_of(minimal + "reactor:\n  cores:\n    - {power_GW: 3, distanse_m: 20}\n"),
            "7: key 'reactor.cores[0].distanse_m': unknown key (did you mean distance_m?)");
  EXPECT_EQ(error_of(minimal + "reactor:\n  cores:\n    - {power_GW: -3, distance_m: 20}\n"),
            "7: key 'reactor.cores[0].power_GW': -3 is outside the allowed range: expected a number (GW) in (0, 1000]");
  EXPECT_EQ(error_of(minimal + "reactor: {flux_per_cm2_s: 1, cores: []}\n"),
            "5: key 'reactor': give exactly one of 'cores' (power and distance) or 'flux_per_cm2_s'");
  EXPECT_EQ(error_of(minimal + "reactor:\n  flux_per_cm2_s: 1\n  fission_fractions: {U235: 0.5, Pu239: 0.2}\n"),
            "7: key 'reactor.fission_fractions': fractions sum to 0.700000, not 1");
  EXPECT_EQ(error_of(minimal + "binning: {energy_edges_MeV: [1, 0.5]}\n"),
            "5: key 'binning.energy_edges_MeV': edges must increase");
  EXPECT_EQ(error_of(minimal + "binning: {recoil_edges_keV: [0.001, 0.1]}\n"),
            "5: key 'binning.recoil_edges_keV': the first edge lies below threshold_eV");
  EXPECT_EQ(error_of(minimal + "beta: smalest_positive\n"),
            "5: key 'beta': unknown value 'smalest_positive' (did you mean smallest_positive?) "
            "(use smallest_positive, a number or a list)");
  EXPECT_EQ(error_of(minimal + "beta: {fixed: 1, scan: [1, -2]}\n"), "5: key 'beta.scan': beta values must be finite and >= 0");
  EXPECT_EQ(error_of("exposure_kg_yr: 3\nthreshold_eV: 5\nbackground_ckkd: 1\ndata: {asimov: true, toy: {seed: 1}}\n"),
            "4: key 'data': give exactly one of 'counts_file', 'toy' or 'asimov'");
  EXPECT_EQ(error_of("exposure_kg_yr: x\n"), "1: key 'exposure_kg_yr': wrong type (value 'x')");
  const auto target = error_of("target: Gee\n" + minimal);
  EXPECT_EQ(target.rfind("1: key 'target': ", 0), 0u) << target;
}

TEST(UnfoldingConfigReader, MissingFileIsAnInputError) {
  EXPECT_THROW((void)read_unfolding_config("/nonexistent/unfold.yaml"), InputError);
}

}  // namespace
}  // namespace cevns::io
