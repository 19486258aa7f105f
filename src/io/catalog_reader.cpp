#include "catalog_reader.hpp"

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/io/data_path.hpp"

namespace cevns::io {

void CatalogReader::keys(const YAML::Node& map, const std::string& where, const std::vector<std::string>& allowed,
                         bool cited) const {
  only_keys(map, where, allowed);
  if (cited && !map["source"]) fail(map, where + ".source", "missing: every number needs a citation");
}

std::vector<double> CatalogReader::numbers(const YAML::Node& map, const std::string& key,
                                           const std::string& where) const {
  const auto node = map[key];
  if (!node) fail(map, where + "." + key, "missing");
  if (node.IsSequence()) {
    auto v = get<std::vector<double>>(map, key, where);
    if (v.empty()) fail(node, where + "." + key, "empty list");
    return v;
  }
  return {number(map, key, where)};
}

std::vector<double> CatalogReader::edges(const YAML::Node& map, const std::string& key,
                                         const std::string& where) const {
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
  for (std::size_t i = 1; i < e.size(); ++i)
    if (!(e[i] > e[i - 1])) fail(node, k, "edges must increase");
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
  const std::size_t c = map[key] ? get<std::size_t>(map, key, where) : fallback;
  std::vector<double> v;
  for (std::size_t r = 0; r < t.rows().size(); ++r) v.push_back(t.number(r, c));
  return v;
}

}  // namespace cevns::io
