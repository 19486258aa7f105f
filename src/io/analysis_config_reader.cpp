#include "cevns/io/analysis_config_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/io/text_table.hpp"
#include "experiment_yaml.hpp"
#include "yaml_reader.hpp"

namespace cevns::io {
namespace {

using analysis::ParameterInput;

void read_physics(const YamlReader& c, const YAML::Node& node, PhysicsChoices& p) {
  const std::string w = "physics";
  c.only_keys(node, w, {"form_factor", "couplings", "radii", "sin2w", "neutron_radius_fm", "neutron_skin_fm",
                        "deformation_beta2", "nsi", "tensor", "zprime", "scalar", "magnetic_moment_bohr",
                        "millicharge_e", "charge_radius_cm2", "min_recoil_keV", "running_sin2w"});
  auto text = [&](const char* key, std::string& out) {
    if (node[key]) out = c.get<std::string>(node, key, w);
  };
  auto optional_text = [&](const char* key, std::optional<std::string>& out) {
    if (node[key]) out = c.get<std::string>(node, key, w);
  };
  text("form_factor", p.form_factor);
  text("couplings", p.couplings);
  text("radii", p.radii);
  p.sin2w = c.optional(node, "sin2w", w);
  p.neutron_radius_fm = c.optional(node, "neutron_radius_fm", w);
  if (node["neutron_skin_fm"]) p.neutron_skin_fm = c.number(node, "neutron_skin_fm", w);
  if (node["deformation_beta2"]) p.deformation_beta2 = c.number(node, "deformation_beta2", w);
  optional_text("nsi", p.nsi);
  optional_text("tensor", p.tensor);
  optional_text("zprime", p.zprime);
  optional_text("scalar", p.scalar);
  p.magnetic_moment_bohr = c.optional(node, "magnetic_moment_bohr", w);
  p.millicharge_e = c.optional(node, "millicharge_e", w);
  p.charge_radius_cm2 = c.optional(node, "charge_radius_cm2", w);
  p.min_recoil_keV = c.optional(node, "min_recoil_keV", w);
  if (node["running_sin2w"]) p.running_sin2w = c.get<bool>(node, "running_sin2w", w);
  CevnsSettings settings;
  try {
    settings = make_cevns_settings(p);
  } catch (const InputError& e) {
    c.fail(node, w, e.what());
  }
  // Checked per nucleus by make_nuclear_shape; here already, so that the error names the line.
  if (settings.shape.deformation_beta2 != 0.0 && settings.shape.radii == RadiusPrescription::measured)
    c.fail(node["deformation_beta2"], w + ".deformation_beta2",
           "needs the spherical radii (radii: lewin-smith): measured charge radii already include the static "
           "deformation");
}

const std::vector<std::pair<std::string, stats::Constraint>> constraint_names{
    {"gaussian", stats::Constraint::gaussian}, {"log-normal", stats::Constraint::log_normal},
    {"none", stats::Constraint::none}};

// The keys common to parameters of interest and nuisances.
void read_bounds_and_constraint(const YamlReader& c, const YAML::Node& p, const std::string& w, ParameterInput& x,
                                std::optional<double> default_initial) {
  if (p["constraint"]) {
    x.constraint = c.choose<stats::Constraint>(p, "constraint", w, constraint_names);
  } else {
    x.constraint = p["width"] ? stats::Constraint::gaussian : stats::Constraint::none;
  }
  if (p["center"]) x.center = c.number(p, "center", w);
  if (x.constraint != stats::Constraint::none) {
    x.width = c.number(p, "width", w);
    if (!(x.width > 0.0)) c.fail(p["width"], w + ".width", "must be positive");
    if (x.constraint == stats::Constraint::log_normal && !(x.center > 0.0))
      c.fail(p["center"] ? p["center"] : p, w + ".center", "a log-normal constraint needs a positive center");
  } else if (p["width"] || p["center"]) {
    c.fail(p["width"] ? p["width"] : p["center"], w + (p["width"] ? ".width" : ".center"),
           "given without a constraint (constraint: none)");
  }
  // Bounds: explicit, or 5 widths around the center (never below 0 for the scales).
  const bool has_min = static_cast<bool>(p["min"]), has_max = static_cast<bool>(p["max"]);
  if (has_min) x.lower = c.number(p, "min", w);
  if (has_max) x.upper = c.number(p, "max", w);
  if (!has_min || !has_max) {
    if (x.constraint == stats::Constraint::none || analysis::is_parameter_of_interest(x.name))
      c.fail(p, w + (has_min ? ".max" : ".min"), "missing (bounds are required for parameters of interest and "
                                                 "unconstrained nuisances)");
    double lo = x.center - 5.0 * x.width, hi = x.center + 5.0 * x.width;
    if (x.constraint == stats::Constraint::log_normal) {
      lo = x.center * std::exp(-5.0 * x.width);
      hi = x.center * std::exp(5.0 * x.width);
    }
    if (!has_min) x.lower = std::max(lo, 0.0);
    if (!has_max) x.upper = hi;
  }
  if (!(x.upper > x.lower)) c.fail(p, w, "max must exceed min");
  if (p["initial"]) {
    x.initial = c.number(p, "initial", w);
  } else {
    x.initial = std::clamp(default_initial.value_or(x.center), x.lower, x.upper);
  }
  if (!(x.initial >= x.lower && x.initial <= x.upper))
    c.fail(p["initial"], w + ".initial", "outside [min, max] = [" + std::to_string(x.lower) + ", " + std::to_string(x.upper) + "]");
  x.truth = c.optional(p, "truth", w);
  if (x.truth && !(*x.truth >= x.lower && *x.truth <= x.upper))
    c.fail(p["truth"], w + ".truth", "outside [min, max]");
  if (p["fixed"]) x.fixed = c.get<bool>(p, "fixed", w);
}

std::vector<std::string> poi_list() { return {std::begin(analysis::poi_names), std::end(analysis::poi_names)}; }

ParameterInput read_interest(const YamlReader& c, const YAML::Node& p, const std::string& w, const PhysicsChoices& physics) {
  c.only_keys(p, w, {"name", "initial", "min", "max", "truth", "fixed", "null_value", "test", "constraint", "center",
                     "width"});
  ParameterInput x;
  x.name = c.get<std::string>(p, "name", w);
  if (!analysis::is_parameter_of_interest(x.name))
    c.fail(p["name"], w + ".name", "unknown parameter of interest '" + x.name + "'" + did_you_mean(x.name, poi_list()) +
                                       " (signal_scale, sin2w, eps_uV, eps_dV; nuisances go under 'nuisances')");
  // Nominal value: the SM (signal_scale 1, the physics sin2w, no NSI).
  double nominal = 0.0;
  if (x.name == "signal_scale") nominal = 1.0;
  if (x.name == "sin2w") nominal = physics.sin2w.value_or(constants::sin2_theta_w_default);
  if (!p["center"]) x.center = nominal;
  read_bounds_and_constraint(c, p, w, x, p["truth"] ? c.number(p, "truth", w) : nominal);
  x.null_value = c.optional(p, "null_value", w);
  if (x.null_value && !(*x.null_value >= x.lower && *x.null_value <= x.upper))
    c.fail(p["null_value"], w + ".null_value", "outside [min, max]");
  if (p["test"])
    x.test = c.choose<analysis::TestSidedness>(p, "test", w, {{"one-sided", analysis::TestSidedness::one_sided},
                                                              {"two-sided", analysis::TestSidedness::two_sided}});
  return x;
}

ParameterInput read_nuisance(const YamlReader& c, const YAML::Node& p, const std::string& w) {
  c.only_keys(p, w, {"name", "initial", "min", "max", "truth", "fixed", "constraint", "center", "width", "morph_width",
                     "interpolation"});
  ParameterInput x;
  x.name = c.get<std::string>(p, "name", w);
  const std::string kind = x.name.substr(0, x.name.find(':'));
  const std::vector<std::string> kinds{"flux", "quenching", "background"};
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    const bool poi = analysis::is_parameter_of_interest(x.name);
    c.fail(p["name"], w + ".name", "unknown nuisance '" + x.name + "'" + did_you_mean(kind, kinds) +
                                       (poi ? " (a parameter of interest: list it under 'parameters')"
                                            : " (flux[:EXPERIMENT], quenching[:EXPERIMENT], background[:EXPERIMENT]:NAME)"));
  }
  if (kind == "background" && x.name.size() <= std::string("background:").size())
    c.fail(p["name"], w + ".name", "name the component: background:NAME");
  x.center = 1.0;
  read_bounds_and_constraint(c, p, w, x, std::nullopt);
  if (kind == "quenching") {
    if (p["morph_width"]) {
      x.morph_width = c.number(p, "morph_width", w);
      if (!(x.morph_width > 0.0 && x.morph_width < 1.0)) c.fail(p["morph_width"], w + ".morph_width", "must lie in (0, 1)");
    } else if (!(x.width > 0.0 && x.width < 1.0)) {
      c.fail(p, w + ".morph_width", "missing: give morph_width in (0, 1), or a constraint width in (0, 1)");
    }
    if (p["interpolation"])
      x.interpolation = c.choose<analysis::MorphInterpolation>(
          p, "interpolation", w, {{"quadratic", analysis::MorphInterpolation::quadratic},
                                  {"linear", analysis::MorphInterpolation::linear}});
  } else if (p["morph_width"] || p["interpolation"]) {
    c.fail(p["morph_width"] ? p["morph_width"] : p["interpolation"],
           w + (p["morph_width"] ? ".morph_width" : ".interpolation"), "only the quenching nuisance is morphed");
  }
  return x;
}

}  // namespace

namespace {
analysis::AnalysisConfig read_analysis_body(const std::filesystem::path& path);
}  // namespace

analysis::AnalysisConfig read_analysis_config(const std::filesystem::path& path) {
  return with_yaml_errors(path.string(), [&] { return read_analysis_body(path); });
}

namespace {
analysis::AnalysisConfig read_analysis_body(const std::filesystem::path& path) {
  const YAML::Node root = load_yaml_file(path, "analysis");
  const YamlReader c{path, path.string()};
  c.only_keys(root, "", {"experiments", "flavour", "physics", "parameters", "nuisances", "fit", "scans", "toys"});
  analysis::AnalysisConfig config;
  config.file = path;

  const auto experiments = root["experiments"];
  if (!experiments || !experiments.IsSequence() || experiments.size() == 0)
    c.fail(experiments ? experiments : root, "experiments", "expected a list of experiments");
  for (std::size_t i = 0; i < experiments.size(); ++i) {
    const auto e = experiments[i];
    const std::string w = "experiments[" + std::to_string(i) + "]";
    c.only_keys(e, w, {"experiment", "data", "asimov", "backgrounds"});
    analysis::ExperimentInput x;
    x.experiment = c.experiment(e["experiment"], w + ".experiment", c.get<std::string>(e, "experiment", w));
    if (e["asimov"]) x.asimov = c.get<bool>(e, "asimov", w);
    if (e["data"]) {
      if (x.asimov) c.fail(e["data"], w + ".data", "give either data or asimov: true, not both");
      const auto file = c.relative(c.get<std::string>(e, "data", w));
      if (!std::filesystem::is_regular_file(file)) c.fail(e["data"], w + ".data", "file not found: " + file.string());
      x.data = file;
    } else if (!x.asimov) {
      c.fail(e, w + ".data", "missing: give data (a table of observed counts) or asimov: true");
    }
    if (e["backgrounds"]) x.extra_backgrounds = read_backgrounds_yaml(path, e["backgrounds"], w + ".backgrounds");
    config.experiments.push_back(std::move(x));
  }
  if (root["flavour"]) {
    config.flavour = c.choose<std::string>(root, "flavour", "", {{"e", "e"}, {"mu", "mu"}, {"tau", "tau"}});
  }
  if (root["physics"]) read_physics(c, root["physics"], config.physics);

  std::set<std::string> names;
  const auto add = [&](const YAML::Node& node, const std::string& w, ParameterInput x) {
    if (!names.insert(x.name).second) c.fail(node["name"], w + ".name", "parameter '" + x.name + "' appears twice");
    config.parameters.push_back(std::move(x));
  };
  const auto parameters = root["parameters"];
  if (!parameters || !parameters.IsSequence() || parameters.size() == 0)
    c.fail(parameters ? parameters : root, "parameters", "expected a list of parameters of interest");
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const std::string w = "parameters[" + std::to_string(i) + "]";
    add(parameters[i], w, read_interest(c, parameters[i], w, config.physics));
  }
  if (const auto nuisances = root["nuisances"]) {
    if (!nuisances.IsSequence()) c.fail(nuisances, "nuisances", "expected a list");
    for (std::size_t i = 0; i < nuisances.size(); ++i) {
      const std::string w = "nuisances[" + std::to_string(i) + "]";
      add(nuisances[i], w, read_nuisance(c, nuisances[i], w));
    }
  }
  if (const auto fit = root["fit"]) {
    c.only_keys(fit, "fit", {"starts", "seed", "tolerance", "max_evaluations"});
    if (fit["starts"]) config.fit.starts = static_cast<int>(c.count(fit, "starts", "fit"));
    if (config.fit.starts < 1) c.fail(fit["starts"], "fit.starts", "must be >= 1");
    if (fit["seed"]) config.fit.seed = c.get<std::uint64_t>(fit, "seed", "fit");
    if (fit["tolerance"]) config.fit.tolerance = c.number(fit, "tolerance", "fit");
    if (!(config.fit.tolerance > 0.0 && config.fit.tolerance < 0.1)) c.fail(fit, "fit.tolerance", "must lie in (0, 0.1)");
    if (fit["max_evaluations"]) config.fit.max_evaluations = static_cast<int>(c.count(fit, "max_evaluations", "fit"));
    if (config.fit.max_evaluations < 10) c.fail(fit, "fit.max_evaluations", "must be >= 10");
  }
  if (const auto scans = root["scans"]) {
    if (!scans.IsSequence()) c.fail(scans, "scans", "expected a list");
    for (std::size_t i = 0; i < scans.size(); ++i) {
      const auto s = scans[i];
      const std::string w = "scans[" + std::to_string(i) + "]";
      c.only_keys(s, w, {"parameter", "min", "max", "points"});
      analysis::ProfileScanInput x;
      x.parameter = c.get<std::string>(s, "parameter", w);
      const auto it = std::find_if(config.parameters.begin(), config.parameters.end(),
                                   [&](const ParameterInput& p) { return p.name == x.parameter && !p.fixed; });
      if (it == config.parameters.end()) {
        std::vector<std::string> free;
        for (const auto& p : config.parameters)
          if (!p.fixed) free.push_back(p.name);
        c.fail(s["parameter"], w + ".parameter", "'" + x.parameter + "' is not a free parameter" + did_you_mean(x.parameter, free));
      }
      x.min = s["min"] ? c.number(s, "min", w) : it->lower;
      x.max = s["max"] ? c.number(s, "max", w) : it->upper;
      if (!(x.max > x.min)) c.fail(s, w, "max must exceed min");
      if (x.min < it->lower || x.max > it->upper) c.fail(s, w, "the scan range must lie within the parameter's bounds");
      if (s["points"]) x.points = c.count(s, "points", w);
      if (x.points < 3 || x.points > 100000) c.fail(s["points"], w + ".points", "must lie in [3, 100000]");
      config.scans.push_back(x);
    }
  }
  if (const auto toys = root["toys"]) {
    c.only_keys(toys, "toys", {"count", "seed"});
    if (toys["count"]) config.toys.count = c.count(toys, "count", "toys");
    if (config.toys.count == 0) c.fail(toys["count"], "toys.count", "must be >= 1");
    if (toys["seed"]) config.toys.seed = c.get<std::uint64_t>(toys, "seed", "toys");
  }
  return config;
}
}  // namespace

std::vector<double> read_observed_counts(const std::filesystem::path& path, std::size_t energy_bins,
                                         std::size_t time_bins) {
  if (!std::filesystem::is_regular_file(path)) throw InputError("data file not found: " + path.string());
  const auto table = TextTable::read(path, TextTable::Delimiter::whitespace, false);
  std::vector<double> counts;
  for (std::size_t r = 0; r < table.rows().size(); ++r)
    for (std::size_t k = 0; k < table.rows()[r].fields.size(); ++k) {
      const double n = table.number(r, k);
      if (n < 0.0) throw ConfigError(table.where(r) + ": negative count " + table.text(r, k));
      counts.push_back(n);
    }
  const std::size_t expected = energy_bins * time_bins;
  if (counts.size() != expected)
    throw ConfigError(path.string() + ": " + std::to_string(counts.size()) + " counts, expected " +
                      std::to_string(expected) + " (" + std::to_string(energy_bins) + " energy bins x " +
                      std::to_string(time_bins) + " time bins, energy slowest)");
  return counts;
}

}  // namespace cevns::io
