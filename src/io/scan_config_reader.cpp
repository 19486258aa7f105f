#include "cevns/io/scan_config_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <set>

#include "cevns/analysis/sterile_sensitivity.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/physics/bsm/interaction_model.hpp"

namespace cevns::io {
namespace {

struct Context {
  std::string file;
  [[noreturn]] void fail(const YAML::Node& node, const std::string& key, const std::string& problem) const {
    const int line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
    throw ConfigError(file + ":" + std::to_string(line) + ": key '" + key + "': " + problem);
  }
  void only_keys(const YAML::Node& map, const std::string& where, const std::vector<std::string>& allowed) const {
    if (!map.IsMap()) fail(map, where, "expected a mapping");
    for (const auto& kv : map) {
      const auto key = kv.first.as<std::string>();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
        fail(kv.first, where.empty() ? key : where + "." + key, "unknown key" + did_you_mean(key, allowed));
    }
  }
  template <class T>
  T get(const YAML::Node& map, const std::string& key, const std::string& path) const {
    const auto node = map[key];
    if (!node) fail(map, path, "missing");
    try {
      return node.as<T>();
    } catch (const YAML::Exception&) {
      fail(node, path, "wrong type (value '" + YAML::Dump(node) + "')");
    }
  }
};

}  // namespace

namespace {
scan::ScanConfig scan_config_from_yaml(const YAML::Node& root, const std::string& name);
}  // namespace

scan::ScanConfig read_scan_config(const std::filesystem::path& path) {
  if (!std::filesystem::is_regular_file(path)) throw InputError("scan file not found: " + path.string());
  YAML::Node root;
  try {
    root = YAML::LoadFile(path.string());
  } catch (const YAML::ParserException& e) {
    throw ConfigError(path.string() + ":" + std::to_string(e.mark.line + 1) + ": malformed YAML: " + e.msg);
  }
  return scan_config_from_yaml(root, path.string());
}

scan::ScanConfig read_scan_config_text(const std::string& yaml, const std::string& name) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    throw ConfigError(name + ":" + std::to_string(e.mark.line + 1) + ": malformed YAML: " + e.msg);
  }
  return scan_config_from_yaml(root, name);
}

namespace {
// The body shared by files and text: `name` prefixes every message ("name:line: ...").
scan::ScanConfig scan_config_from_yaml(const YAML::Node& root, const std::string& name) {
  const Context c{name};
  c.only_keys(root, "", {"quantity", "target", "source", "experiments", "flavour", "normalisation_uncertainty",
                         "zprime_model", "distances_m", "sterile", "analysis", "sampling", "samples", "seed", "parameters"});
  scan::ScanConfig config;
  config.quantity = c.get<std::string>(root, "quantity", "quantity");
  if (root["target"]) config.target = c.get<std::string>(root, "target", "target");
  if (root["source"]) config.source = c.get<std::string>(root, "source", "source");
  if (root["experiments"]) config.experiments = c.get<std::vector<std::string>>(root, "experiments", "experiments");
  if (root["flavour"]) config.flavour = c.get<std::string>(root, "flavour", "flavour");
  if (root["normalisation_uncertainty"])
    config.normalisation_uncertainty = c.get<double>(root, "normalisation_uncertainty", "normalisation_uncertainty");
  if (root["zprime_model"]) {
    config.zprime_model = c.get<std::string>(root, "zprime_model", "zprime_model");
    try {
      (void)parse_zprime_model(config.zprime_model);
    } catch (const InputError& e) {
      c.fail(root["zprime_model"], "zprime_model", e.what());
    }
  }
  if (root["distances_m"]) config.distances_m = c.get<std::vector<double>>(root, "distances_m", "distances_m");
  if (root["sterile"]) {
    c.only_keys(root["sterile"], "sterile", sterile_setup_keys());
    config.sterile = c.get<std::map<std::string, double>>(root, "sterile", "sterile");
  }
  if (root["analysis"]) {
    // Relative to the scan file's folder.
    const std::filesystem::path a(c.get<std::string>(root, "analysis", "analysis"));
    const auto resolved = a.is_absolute() ? a : std::filesystem::path(c.file).parent_path() / a;
    if (!std::filesystem::is_regular_file(resolved))
      c.fail(root["analysis"], "analysis", "file not found: " + resolved.string());
    config.analysis = resolved.string();
  }
  if (root["sampling"]) {
    try {
      config.sampling = scan::parse_sampling(c.get<std::string>(root, "sampling", "sampling"));
    } catch (const InputError& e) {
      c.fail(root["sampling"], "sampling", e.what());
    }
  }
  if (root["samples"]) config.samples = c.get<std::size_t>(root, "samples", "samples");
  if (root["seed"]) config.seed = c.get<std::uint64_t>(root, "seed", "seed");
  const auto params = root["parameters"];
  if (!params || !params.IsSequence() || params.size() == 0)
    c.fail(params ? params : root, "parameters", "expected a list of parameter axes");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto p = params[i];
    const std::string where = "parameters[" + std::to_string(i) + "]";
    c.only_keys(p, where, {"name", "min", "max", "points", "log"});
    scan::ParameterAxis axis;
    axis.name = c.get<std::string>(p, "name", where + ".name");
    axis.min = c.get<double>(p, "min", where + ".min");
    axis.max = c.get<double>(p, "max", where + ".max");
    if (p["points"]) axis.points = c.get<std::size_t>(p, "points", where + ".points");
    if (p["log"]) axis.logarithmic = c.get<bool>(p, "log", where + ".log");
    if (!seen.insert(axis.name).second) c.fail(p, where + ".name", "parameter '" + axis.name + "' appears twice");
    if (!(axis.max >= axis.min)) c.fail(p, where, "max must not be below min");
    if (config.sampling == scan::Sampling::grid && axis.points == 0) c.fail(p, where + ".points", "must be >= 1");
    config.axes.push_back(axis);
  }
  if (config.sampling != scan::Sampling::grid && config.samples == 0)
    c.fail(root, "samples", "random and latin-hypercube sampling need samples > 0");
  return config;
}
}  // namespace

}  // namespace cevns::io
