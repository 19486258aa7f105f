// The analysis-file reader: schema errors name file:line and the key path (with did-you-mean),
// defaults are filled in, and observed-count tables are checked for length and sign.
#include "cevns/io/analysis_config_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "cevns/core/error.hpp"

namespace cevns::io {
namespace {

std::filesystem::path write(const std::string& name, const std::string& text) {
  const auto p = std::filesystem::temp_directory_path() / ("cevns_analysis_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(p) << text;
  return p;
}

const std::string minimal = R"(experiments:
  - {experiment: coherent-csi-2017, asimov: true}
parameters:
  - {name: signal_scale, min: 0, max: 3, null_value: 0}
nuisances:
  - {name: flux, width: 0.1}
)";

std::string error_of(const std::string& text) {
  const auto p = write("bad.yaml", text);
  try {
    (void)read_analysis_config(p);
  } catch (const ConfigError& e) {
    std::string m = e.what();
    const auto prefix = p.string() + ":";
    EXPECT_EQ(m.rfind(prefix, 0), 0u) << m;  // starts with the file name
    return m.substr(prefix.size());
  }
  ADD_FAILURE() << "no ConfigError for\n" << text;
  return "";
}

TEST(AnalysisConfigReader, ReadsDefaults) {
  const auto c = read_analysis_config(write("ok.yaml", minimal));
  ASSERT_EQ(c.experiments.size(), 1u);
  EXPECT_TRUE(c.experiments[0].asimov);
  ASSERT_EQ(c.parameters.size(), 2u);
  const auto& s = c.parameters[0];
  EXPECT_EQ(s.name, "signal_scale");
  EXPECT_EQ(s.initial, 1.0);  // the nominal value
  EXPECT_EQ(*s.null_value, 0.0);
  const auto& f = c.parameters[1];
  EXPECT_EQ(f.constraint, stats::Constraint::gaussian);  // a width implies a Gaussian constraint
  EXPECT_EQ(f.center, 1.0);
  EXPECT_DOUBLE_EQ(f.lower, 0.5);  // 5 widths around the center
  EXPECT_DOUBLE_EQ(f.upper, 1.5);
  EXPECT_EQ(c.toys.count, 200u);
}

TEST(AnalysisConfigReader, BadKeysNameFileLineAndKeyPath) {
  EXPECT_EQ(error_of(minimal + "  - {name: quenching, widt: 0.2}\n"),
            "7: key 'nuisances[1].widt': unknown key (did you mean width?)");
  EXPECT_EQ(error_of("experiment:\n  - {experiment: coherent-csi-2017, asimov: true}\n"),
            "1: key 'experiment': unknown key (did you mean experiments?)");
  EXPECT_EQ(error_of("experiments:\n  - {experiment: coherent-csi-2017, asimov: true}\nparameters:\n"
                     "  - {name: eps_u, min: -1, max: 1}\n"),
            "4: key 'parameters[0].name': unknown parameter of interest 'eps_u' (did you mean eps_uV?) "
            "(signal_scale, sin2w, eps_uV, eps_dV; nuisances go under 'nuisances')");
  const auto m = error_of(minimal + "  - {name: quenchin, width: 0.2}\n");
  EXPECT_NE(m.find("7: key 'nuisances[1].name': unknown nuisance 'quenchin' (did you mean quenching?)"), std::string::npos) << m;
  EXPECT_NE(error_of("experiments:\n  - {experiment: coherent-csi-2017}\nparameters:\n  - {name: sin2w, min: 0.1, max: 0.4}\n")
                .find("2: key 'experiments[0].data': missing"), std::string::npos);
  EXPECT_NE(error_of(minimal + "  - {name: quenching, width: 0.2, interpolation: quadratik}\n")
                .find("key 'nuisances[1].interpolation': unknown value 'quadratik' (did you mean quadratic?)"), std::string::npos);
  EXPECT_NE(error_of(minimal + "  - {name: quenching, width: 0.2, min: 2, max: 1}\n").find("max must exceed min"),
            std::string::npos);
  EXPECT_NE(error_of(minimal + "  - {name: flux, width: 0.2}\n").find("'nuisances[1].name': parameter 'flux' appears twice"),
            std::string::npos);
  EXPECT_NE(error_of(minimal + "scans:\n  - {parameter: sin2w, points: 5}\n").find("'scans[0].parameter': 'sin2w' is not a free parameter"),
            std::string::npos);
  EXPECT_NE(error_of("experiments: [\n").find("malformed YAML"), std::string::npos);
}

TEST(AnalysisConfigReader, MissingFileIsAnInputError) {
  EXPECT_THROW((void)read_analysis_config("/nonexistent/analysis.yaml"), InputError);
}

TEST(AnalysisConfigReader, ObservedCountTables) {
  const auto ok = write("counts.txt", "# energy bin per line\n1 2 3\n4 5 6\n");
  EXPECT_EQ(read_observed_counts(ok, 2, 3), (std::vector<double>{1, 2, 3, 4, 5, 6}));
  try {
    (void)read_observed_counts(ok, 2, 4);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("6 counts, expected 8 (2 energy bins x 4 time bins"), std::string::npos);
  }
  const auto negative = write("negative.txt", "1 2\n3 -4\n");
  try {
    (void)read_observed_counts(negative, 2, 2);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(negative.string() + ":2: negative count -4"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cevns::io
