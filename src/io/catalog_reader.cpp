#include "catalog_reader.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/io/data_path.hpp"

namespace cevns::io {

void CatalogReader::keys(const YAML::Node& map, const std::string& where, const std::vector<std::string>& allowed,
                         bool cited) const {
  only_keys(map, where, allowed);
  if (cited && !map["source"]) fail(map, where + ".source", "missing: every number needs a citation");
}

void CatalogReader::model_keys(const YAML::Node& map, const std::string& where,
                               const std::vector<std::pair<std::string, std::vector<std::string>>>& keys_by_model) const {
  const auto model = map["model"] && map["model"].IsScalar() ? map["model"].Scalar() : std::string();
  auto belongs = [&](const std::string& key) {
    for (const auto& [m, keys] : keys_by_model)
      if (m == model && std::find(keys.begin(), keys.end(), key) != keys.end()) return true;
    return false;
  };
  for (const auto& [m, keys] : keys_by_model)
    for (const auto& key : keys)
      if (map[key] && !belongs(key))
        fail(map[key], where + "." + key, "does not apply to model '" + model + "' (it belongs to model '" + m + "')");
}

std::vector<double> CatalogReader::numbers(const YAML::Node& map, const std::string& key,
                                           const std::string& where) const {
  const auto node = map[key];
  if (!node) fail(map, where + "." + key, "missing");
  if (node.IsSequence()) return YamlReader::numbers(map, key, where);
  return {number(map, key, where)};
}

std::vector<double> CatalogReader::edges(const YAML::Node& map, const std::string& key, const std::string& where,
                                         bool non_negative) const {
  const auto node = map[key];
  const std::string k = where + "." + key;
  std::vector<double> e;
  if (node.IsMap()) {
    keys(node, k, {"min", "max", "width"}, false);
    const double lo = number(node, "min", k), hi = number(node, "max", k), w = positive(node, "width", k);
    if (!(hi > lo)) fail(node, k, "max must exceed min");
    const auto n = static_cast<std::size_t>(std::llround((hi - lo) / w));
    if (n == 0 || n > 100000 || std::abs(lo + static_cast<double>(n) * w - hi) > 1e-9 * (hi - lo))
      fail(node, k, "(max - min) must be a whole number (<= 100000) of widths");
    for (std::size_t i = 0; i <= n; ++i) e.push_back(lo + w * static_cast<double>(i));
  } else {
    e = get<std::vector<double>>(map, key, where);
    if (e.size() < 2) fail(node, k, "at least two edges are needed");
  }
  if (e.size() > 100001) fail(node, k, "at most 100000 bins");
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (!std::isfinite(e[i])) fail(node, k, "edges must be finite numbers");
    if (non_negative && e[i] < 0.0) fail(node, k, "edges must be >= 0");
    if (i > 0 && !(e[i] > e[i - 1])) fail(node, k, "edges must increase");
  }
  return e;
}

TextTable CatalogReader::table(const YAML::Node& map, const std::string& where) const {
  const auto name = get<std::string>(map, "file", where);
  std::filesystem::path p = path().parent_path() / name;
  if (!std::filesystem::is_regular_file(p)) {
    try {
      p = data_file(name);
    } catch (const DataError&) {
      fail(map["file"], where + ".file", "table '" + name + "' not found next to the file or under data/");
    }
  }
  return TextTable::read(p, TextTable::Delimiter::whitespace, false);
}

std::vector<double> CatalogReader::column(const TextTable& t, const YAML::Node& map, const std::string& key,
                                          std::size_t fallback, const std::string& where) const {
  const std::size_t c = map[key] ? count(map, key, where, 0, 1000) : fallback;
  std::vector<double> v;
  for (std::size_t r = 0; r < t.rows().size(); ++r) v.push_back(t.number(r, c));
  return v;
}

}  // namespace cevns::io
