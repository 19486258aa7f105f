#include "cevns/io/unfolding_config_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/text_table.hpp"
#include "cevns/nuclear/material.hpp"
#include "yaml_reader.hpp"

namespace cevns::io {
namespace {

// The shared reader plus the unfolding files' own checks.
struct Context : YamlReader {
  using YamlReader::YamlReader;
  // Unfolding files have always said "must be > 0".
  double positive(const YAML::Node& map, const std::string& key, const std::string& where) const {
    return YamlReader::positive(map, key, where, "must be > 0");
  }
  // Increasing, >= 0, at least two; times `unit`.
  std::vector<double> edges(const YAML::Node& map, const std::string& key, const std::string& where, double unit) const {
    const auto v = get<std::vector<double>>(map, key, where);
    if (v.size() < 2) fail(map[key], join(where, key), "needs at least two edges");
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!std::isfinite(v[i]) || v[i] < 0.0) fail(map[key], join(where, key), "edges must be finite and >= 0");
      if (i > 0 && !(v[i] > v[i - 1])) fail(map[key], join(where, key), "edges must increase");
    }
    std::vector<double> out;
    for (double x : v) out.push_back(x * unit);
    return out;
  }
};

double gigawatt(double gw) { return gw * 1e9 / constants::electron_volt_J * units::eV / units::s; }

void read_reactor(const Context& c, const YAML::Node& node, stats::ReactorUnfoldingOptions& o) {
  const std::string where = "reactor";
  c.only_keys(node, where, {"cores", "flux_per_cm2_s", "fission_fractions", "capture", "captures_per_fission"});
  const bool has_cores = static_cast<bool>(node["cores"]), has_flux = static_cast<bool>(node["flux_per_cm2_s"]);
  if (has_cores == has_flux) c.fail(node, where, "give exactly one of 'cores' (power and distance) or 'flux_per_cm2_s'");
  ReactorCore fuel;  // fuel and captures, shared by all cores
  if (node["fission_fractions"]) {
    const auto f = node["fission_fractions"];
    const std::string fw = where + ".fission_fractions";
    const std::vector<std::string> names{"U235", "U238", "Pu239", "Pu241"};  // FissionIsotope order
    c.only_keys(f, fw, names);
    double sum = 0.0;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const double v = f[names[i]] ? c.number(f, names[i], fw) : 0.0;
      if (v < 0.0) c.fail(f[names[i]], fw + "." + names[i], "must be >= 0");
      fuel.fission_fractions[i] = v;
      sum += v;
    }
    if (std::abs(sum - 1.0) > 1e-3) c.fail(f, fw, "fractions sum to " + std::to_string(sum) + ", not 1");
  }
  if (node["captures_per_fission"]) {
    fuel.captures_per_fission = c.number(node, "captures_per_fission", where);
    if (fuel.captures_per_fission < 0.0) c.fail(node["captures_per_fission"], where + ".captures_per_fission", "must be >= 0");
  }
  if (node["capture"] && !c.get<bool>(node, "capture", where)) fuel.captures_per_fission = 0.0;
  if (has_flux) {
    o.antineutrino_flux = c.positive(node, "flux_per_cm2_s", where) / (units::cm * units::cm * units::s);
    o.cores.push_back(fuel);
    return;
  }
  const auto cores = node["cores"];
  if (!cores.IsSequence() || cores.size() == 0) c.fail(cores, where + ".cores", "expected a list of cores");
  for (std::size_t i = 0; i < cores.size(); ++i) {
    const std::string cw = where + ".cores[" + std::to_string(i) + "]";
    c.only_keys(cores[i], cw, {"power_GW", "distance_m"});
    ReactorCore core = fuel;
    core.thermal_power = gigawatt(c.positive(cores[i], "power_GW", cw));
    core.distance = c.positive(cores[i], "distance_m", cw) * units::m;
    o.cores.push_back(core);
  }
}

Eigen::VectorXd read_counts(const Context& c, const YAML::Node& node, const std::string& key) {
  const auto file = c.relative(c.get<std::string>(node, "counts_file", key));
  if (!std::filesystem::is_regular_file(file)) c.fail(node["counts_file"], key + ".counts_file", "file not found: " + file.string());
  // Whitespace columns, '#' comments; the last column is the count of each recoil bin.
  const auto table = TextTable::read(file, TextTable::Delimiter::whitespace, false);
  Eigen::VectorXd n(static_cast<Eigen::Index>(table.rows().size()));
  for (std::size_t r = 0; r < table.rows().size(); ++r) {
    const double v = table.number(r, table.rows()[r].fields.size() - 1);
    if (v < 0.0) throw ConfigError(table.where(r) + ": a count must be >= 0");
    n(static_cast<Eigen::Index>(r)) = v;
  }
  if (n.size() == 0) c.fail(node["counts_file"], key + ".counts_file", "no counts in " + file.string());
  return n;
}

void read_data(const Context& c, const YAML::Node& node, stats::ReactorUnfoldingConfig& config) {
  const std::string where = "data";
  c.only_keys(node, where, {"counts_file", "toy", "asimov"});
  const int given = (node["counts_file"] ? 1 : 0) + (node["toy"] ? 1 : 0) + (node["asimov"] ? 1 : 0);
  if (given != 1) c.fail(node, where, "give exactly one of 'counts_file', 'toy' or 'asimov'");
  auto& o = config.options;
  if (node["counts_file"]) {
    o.observed_counts = read_counts(c, node, where);
    config.data_description = "counts file " + c.get<std::string>(node, "counts_file", where);
  } else if (node["toy"]) {
    const auto toy = node["toy"];
    c.only_keys(toy, where + ".toy", {"seed"});
    if (toy["seed"]) o.seed = c.get<std::uint64_t>(toy, "seed", where + ".toy");
    o.asimov = false;
    config.data_description = "poisson toy, seed " + std::to_string(o.seed);
  } else {
    if (!c.get<bool>(node, "asimov", where)) c.fail(node["asimov"], where + ".asimov", "only 'true' is meaningful");
    o.asimov = true;
    config.data_description = "asimov";
  }
}

std::vector<double> beta_list(const Context& c, const YAML::Node& node, const std::string& where) {
  std::vector<double> v;
  try {
    v = node.as<std::vector<double>>();
  } catch (const YAML::Exception&) {
    c.fail(node, where, "wrong type (value '" + YAML::Dump(node) + "'): expected a list of numbers");
  }
  if (v.empty()) c.fail(node, where, "empty list");
  for (double b : v)
    if (!(b >= 0.0) || !std::isfinite(b)) c.fail(node, where, "beta values must be finite and >= 0");
  return v;
}

// beta: smallest_positive | a number (the fixed beta) | a list (scanned) | a mapping of those.
void read_beta(const Context& c, const YAML::Node& node, stats::ReactorUnfoldingOptions& o) {
  const std::string where = "beta";
  if (node.IsScalar()) {
    const auto text = node.as<std::string>();
    if (text == "smallest_positive") return;
    double v = 0.0;
    try {
      v = node.as<double>();
    } catch (const YAML::Exception&) {
      c.fail(node, where, "unknown value '" + text + "'" + did_you_mean(text, {"smallest_positive"}) +
                              " (use smallest_positive, a number or a list)");
    }
    if (!(v >= 0.0) || !std::isfinite(v)) c.fail(node, where, "must be finite and >= 0");
    o.fixed_beta = v;
    return;
  }
  if (node.IsSequence()) {
    o.scan_betas = beta_list(c, node, where);
    return;
  }
  c.only_keys(node, where, {"smallest_positive", "fixed", "scan"});
  if (node["fixed"]) {
    o.fixed_beta = c.number(node, "fixed", where);
    if (o.fixed_beta < 0.0) c.fail(node["fixed"], where + ".fixed", "must be >= 0");
  }
  if (node["scan"]) o.scan_betas = beta_list(c, node["scan"], where + ".scan");
  if (const auto g = node["smallest_positive"]) {
    const std::string gw = where + ".smallest_positive";
    if (g.IsSequence()) {
      o.betas = beta_list(c, g, gw);
      return;
    }
    c.only_keys(g, gw, {"min", "max", "points"});
    const double lo = c.positive(g, "min", gw), hi = c.positive(g, "max", gw);
    const auto points = c.count(g, "points", gw, 2, 10000);
    if (!(hi > lo) || points < 2) c.fail(g, gw, "needs 0 < min < max and points >= 2");
    o.betas = stats::log_grid(lo, hi, points);
  }
}

stats::ReactorUnfoldingConfig from_yaml(const YAML::Node& root, const Context& c) {
  c.only_keys(root, "", {"target", "exposure_kg_yr", "threshold_eV", "background_ckkd", "reactor", "binning", "data",
                         "beta", "output"});
  stats::ReactorUnfoldingConfig config;
  if (root["target"]) {
    config.target = c.get<std::string>(root, "target", "");
    try {
      (void)Material::from_name(default_nuclear_database(), config.target);
    } catch (const InputError& e) {
      c.fail(root["target"], "target", e.what());
    }
  }
  config.scenario.exposure_kg_yr = c.positive(root, "exposure_kg_yr", "");
  config.scenario.threshold = c.positive(root, "threshold_eV", "") * units::eV;
  config.scenario.background_per_keV_kg_day = c.number(root, "background_ckkd", "");
  if (config.scenario.background_per_keV_kg_day < 0.0) c.fail(root["background_ckkd"], "background_ckkd", "must be >= 0");
  if (root["reactor"]) read_reactor(c, root["reactor"], config.options);
  if (const auto b = root["binning"]) {
    c.only_keys(b, "binning", {"energy_edges_MeV", "recoil_edges_keV"});
    if (b["energy_edges_MeV"]) config.options.energy_edges = c.edges(b, "energy_edges_MeV", "binning", units::MeV);
    if (b["recoil_edges_keV"]) {
      config.options.recoil_edges = c.edges(b, "recoil_edges_keV", "binning", units::keV);
      if (config.options.recoil_edges.front() < config.scenario.threshold * (1.0 - 1e-12))
        c.fail(b["recoil_edges_keV"], "binning.recoil_edges_keV", "the first edge lies below threshold_eV");
    }
  }
  if (!root["data"]) c.fail(root, "data", "missing (counts_file, toy: {seed: N} or asimov: true)");
  read_data(c, root["data"], config);
  if (root["beta"]) read_beta(c, root["beta"], config.options);
  if (const auto out = root["output"]) {
    c.only_keys(out, "output", {"csv"});
    if (out["csv"]) config.csv_dir = c.relative(c.get<std::string>(out, "csv", "output")).string();
  }
  return config;
}

}  // namespace

stats::ReactorUnfoldingConfig read_unfolding_config(const std::filesystem::path& path) {
  return with_yaml_errors(path.string(), [&] { return from_yaml(load_yaml_file(path, "unfolding"), Context{path, path.string()}); });
}

stats::ReactorUnfoldingConfig read_unfolding_config_text(const std::string& yaml, const std::string& name) {
  return with_yaml_errors(name, [&] { return from_yaml(load_yaml_text(yaml, name), Context{{}, name}); });
}

}  // namespace cevns::io
