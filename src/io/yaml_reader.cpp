#include "yaml_reader.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"

namespace cevns::io {

YAML::Node load_yaml_file(const std::filesystem::path& path, const std::string& kind) {
  if (!std::filesystem::is_regular_file(path)) throw InputError(kind + " file not found: " + path.string());
  try {
    return YAML::LoadFile(path.string());
  } catch (const YAML::ParserException& e) {
    throw ConfigError(path.string() + ":" + std::to_string(e.mark.line + 1) + ": malformed YAML: " + e.msg);
  }
}

YAML::Node load_yaml_text(const std::string& yaml, const std::string& name) {
  try {
    return YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    throw ConfigError(name + ":" + std::to_string(e.mark.line + 1) + ": malformed YAML: " + e.msg);
  }
}

void YamlReader::fail(const YAML::Node& node, const std::string& key, const std::string& problem) const {
  const int line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
  throw ConfigError(file_ + ":" + std::to_string(line) + ": key '" + key + "': " + problem);
}

void YamlReader::only_keys(const YAML::Node& map, const std::string& where,
                           const std::vector<std::string>& allowed) const {
  if (!map.IsMap()) fail(map, where.empty() ? "(top level)" : where, "expected a mapping");
  for (const auto& kv : map) {
    const auto key = kv.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      fail(kv.first, join(where, key), "unknown key" + did_you_mean(key, allowed));
  }
}

double YamlReader::number(const YAML::Node& map, const std::string& key, const std::string& where) const {
  const double v = get<double>(map, key, where);
  if (!std::isfinite(v)) fail(map[key], join(where, key), "not a finite number");
  return v;
}

double YamlReader::positive(const YAML::Node& map, const std::string& key, const std::string& where,
                            const std::string& problem) const {
  const double v = number(map, key, where);
  if (!(v > 0.0)) fail(map[key], join(where, key), problem);
  return v;
}

std::optional<double> YamlReader::optional(const YAML::Node& map, const std::string& key,
                                           const std::string& where) const {
  if (!map[key]) return std::nullopt;
  return number(map, key, where);
}

double YamlReader::optional(const YAML::Node& map, const std::string& key, const std::string& where,
                            double fallback) const {
  return map[key] ? number(map, key, where) : fallback;
}

std::filesystem::path YamlReader::relative(const std::string& name) const {
  const std::filesystem::path p(name);
  return p.is_absolute() || path_.empty() ? p : path_.parent_path() / p;
}

}  // namespace cevns::io
