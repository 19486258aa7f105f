#include "cevns/io/scan_config_reader.hpp"

#include <fmt/format.h>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <set>

#include "cevns/analysis/sterile_sensitivity.hpp"
#include "cevns/core/error.hpp"
#include "cevns/physics/bsm/interaction_model.hpp"
#include "yaml_reader.hpp"

namespace cevns::io {

namespace {
scan::ScanConfig scan_config_from_yaml(const YAML::Node& root, const std::string& name);
}  // namespace

scan::ScanConfig read_scan_config(const std::filesystem::path& path) {
  return with_yaml_errors(path.string(), [&] { return scan_config_from_yaml(load_yaml_file(path, "scan"), path.string()); });
}

scan::ScanConfig read_scan_config_text(const std::string& yaml, const std::string& name) {
  return with_yaml_errors(name, [&] { return scan_config_from_yaml(load_yaml_text(yaml, name), name); });
}

namespace {
// The body shared by files and text: `name` prefixes every message ("name:line: ...").
scan::ScanConfig scan_config_from_yaml(const YAML::Node& root, const std::string& name) {
  const YamlReader c{name, name};
  // Scan files have always named a non-mapping top level '' (not "(top level)").
  if (!root.IsMap()) c.fail(root, "", "expected a mapping");
  c.only_keys(root, "", {"quantity", "target", "source", "experiments", "flavour", "normalisation_uncertainty",
                         "zprime_model", "distances_m", "sterile", "analysis", "sampling", "samples", "seed", "parameters"});
  scan::ScanConfig config;
  config.quantity = c.get<std::string>(root, "quantity", "");
  if (root["target"]) config.target = c.get<std::string>(root, "target", "");
  if (root["source"]) config.source = c.get<std::string>(root, "source", "");
  if (root["experiments"]) {
    // Catalog ids, or experiment files relative to the scan file's folder (as in analysis files).
    config.experiments = c.get<std::vector<std::string>>(root, "experiments", "");
    for (std::size_t i = 0; i < config.experiments.size(); ++i)
      config.experiments[i] = c.experiment(root["experiments"][i], "experiments[" + std::to_string(i) + "]",
                                           config.experiments[i]);
  }
  if (root["flavour"]) config.flavour = c.get<std::string>(root, "flavour", "");
  if (root["normalisation_uncertainty"]) {
    // a relative width >= 0; .inf: a free normalisation
    config.normalisation_uncertainty = c.get<double>(root, "normalisation_uncertainty", "");
    if (!(config.normalisation_uncertainty >= 0.0) || (std::isfinite(config.normalisation_uncertainty) &&
                                                       config.normalisation_uncertainty > 10.0))
      c.fail(root["normalisation_uncertainty"], "normalisation_uncertainty", "expected a number in [0, 10] or .inf (free)");
  }
  if (root["zprime_model"]) {
    config.zprime_model = c.get<std::string>(root, "zprime_model", "");
    try {
      (void)parse_zprime_model(config.zprime_model);
    } catch (const InputError& e) {
      c.fail(root["zprime_model"], "zprime_model", e.what());
    }
  }
  if (root["distances_m"]) config.distances_m = c.numbers(root, "distances_m", "");
  if (root["sterile"]) {
    c.only_keys(root["sterile"], "sterile", sterile_setup_keys());
    config.sterile = c.get<std::map<std::string, double>>(root, "sterile", "");
  }
  if (root["analysis"]) {
    // Relative to the scan file's folder.
    const auto resolved = c.relative(c.get<std::string>(root, "analysis", ""));
    if (!std::filesystem::is_regular_file(resolved))
      c.fail(root["analysis"], "analysis", "file not found: " + resolved.string());
    config.analysis = resolved.string();
  }
  if (root["sampling"]) {
    try {
      config.sampling = scan::parse_sampling(c.get<std::string>(root, "sampling", ""));
    } catch (const InputError& e) {
      c.fail(root["sampling"], "sampling", e.what());
    }
  }
  if (root["samples"]) config.samples = c.count(root, "samples", "");
  if (root["seed"]) config.seed = c.get<std::uint64_t>(root, "seed", "");
  const auto params = root["parameters"];
  if (!params || !params.IsSequence() || params.size() == 0)
    c.fail(params ? params : root, "parameters", "expected a list of parameter axes");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto p = params[i];
    const std::string where = "parameters[" + std::to_string(i) + "]";
    c.only_keys(p, where, {"name", "min", "max", "points", "log"});
    scan::ParameterAxis axis;
    axis.name = c.get<std::string>(p, "name", where);
    axis.min = c.number(p, "min", where);
    axis.max = c.number(p, "max", where);
    if (p["points"]) axis.points = c.count(p, "points", where);
    if (p["log"]) axis.logarithmic = c.get<bool>(p, "log", where);
    if (!seen.insert(axis.name).second) c.fail(p, where + ".name", "parameter '" + axis.name + "' appears twice");
    if (!(axis.max >= axis.min)) c.fail(p, where, "max must not be below min");
    if (config.sampling == scan::Sampling::grid && axis.points == 0) c.fail(p, where + ".points", "must be >= 1");
    config.axes.push_back(axis);
  }
  if (config.sampling == scan::Sampling::grid) {
    // the results of a scan are held in memory: a grid holds at most 1e8 points
    double total = 1.0;
    for (const auto& axis : config.axes) total *= static_cast<double>(axis.points);
    if (total > 1e8) c.fail(params, "parameters", fmt::format("the grid has {:g} points; at most 1e8 are allowed", total));
  }
  if (config.sampling != scan::Sampling::grid && config.samples == 0)
    c.fail(root, "samples", "random and latin-hypercube sampling need samples > 0");
  return config;
}
}  // namespace

std::string yaml_definition_text(const std::filesystem::path& file) {
  return YAML::Dump(load_yaml_file(file, "definition")) + "\n";
}

std::string scan_definition_text(const std::filesystem::path& scan_file, const scan::ScanConfig& config) {
  std::string text = yaml_definition_text(scan_file);
  if (!config.analysis.empty()) text += yaml_definition_text(config.analysis);
  for (const auto& e : config.experiments)
    if (std::filesystem::is_regular_file(e)) text += yaml_definition_text(e);
  return text;
}

}  // namespace cevns::io
