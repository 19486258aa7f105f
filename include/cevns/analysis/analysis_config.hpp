#pragma once
// What an analysis file asks for (docs/configuration.md, section "Analysis files"): experiments with
// their observed data (a count table or the Asimov data set), parameters of interest, constrained
// nuisances, physics settings, hypothesis tests, 1-D profile scans and pseudo-experiments.
// Read by io::read_analysis_config; can equally be filled in code (tests, Python).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cevns/detector/background.hpp"
#include "cevns/physics/physics_choices.hpp"
#include "cevns/stats/binned_likelihood.hpp"

namespace cevns::analysis {

// One experiment of the analysis.
struct ExperimentInput {
  std::string experiment;                       // catalog id or path to an experiment YAML
  std::optional<std::filesystem::path> data;    // observed counts table (format: docs/configuration.md)
  bool asimov = false;                          // data = expected counts at the truth point
  std::vector<Background> extra_backgrounds;    // components added to the experiment's own
};

// Parameters of interest the model knows: the CEvNS normalisation and the three parameters that
// enter the weak charge linearly (so every bin count is exactly quadratic in them).
inline constexpr const char* poi_names[] = {"signal_scale", "sin2w", "eps_uV", "eps_dV"};
bool is_parameter_of_interest(const std::string& name);

enum class TestSidedness { one_sided, two_sided };
enum class MorphInterpolation { quadratic, linear };

// A parameter of the likelihood: a parameter of interest or a nuisance.
//   nuisance names: flux (every experiment's signal normalisation) or flux:<experiment id>;
//   quenching or quenching:<experiment id> (scale of E_ee, template morphing);
//   background:<name> (components of that name in every experiment) or background:<id>:<name>.
struct ParameterInput {
  std::string name;
  double initial = 0.0;
  double lower = 0.0, upper = 0.0;
  std::optional<double> truth;  // Asimov data and toys; default: the nominal value (POI) or center
  bool fixed = false;           // held at `initial` (not a free parameter of the likelihood)
  stats::Constraint constraint = stats::Constraint::none;
  double center = 1.0, width = 0.0;
  // Parameters of interest: the null hypothesis of a test, and its sidedness (default: one-sided
  // for signal_scale, CCGV q0; two-sided otherwise).
  std::optional<double> null_value;
  std::optional<TestSidedness> test;
  // Quenching: templates at scale 1 and 1 +- morph_width (default: the constraint width).
  double morph_width = 0.0;
  MorphInterpolation interpolation = MorphInterpolation::quadratic;
};

struct ProfileScanInput {
  std::string parameter;
  double min = 0.0, max = 0.0;
  std::size_t points = 21;
};

struct FitSettings {
  int starts = 1;
  std::uint64_t seed = 20240519;
  double tolerance = 1e-10;
  int max_evaluations = 20000;
};

struct ToySettings {
  std::size_t count = 200;
  std::uint64_t seed = 1;
};

struct AnalysisConfig {
  std::filesystem::path file;  // where it was read from ("" when built in code)
  std::vector<ExperimentInput> experiments;
  std::string flavour = "e";  // the diagonal NSI flavour of eps_uV, eps_dV
  PhysicsChoices physics;
  std::vector<ParameterInput> parameters;  // parameters of interest first, then nuisances
  FitSettings fit;
  std::vector<ProfileScanInput> scans;
  ToySettings toys;
};

}  // namespace cevns::analysis
