#pragma once
// Inside io/ only (not installed): the YAML reader of the experiment catalog's files — the shared
// YamlReader plus the catalog's own checks: a `source:` citation per block, bin edges, table files.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "cevns/io/text_table.hpp"
#include "yaml_reader.hpp"

namespace cevns::io {

class CatalogReader : public YamlReader {
 public:
  explicit CatalogReader(const std::filesystem::path& p) : YamlReader(p, p.string()) {}

  // Rejects keys outside `allowed`; requires a `source:` citation when `cited`.
  void keys(const YAML::Node& map, const std::string& where, const std::vector<std::string>& allowed,
            bool cited = true) const;
  // Keys that belong to another `model:` than the block's (keys listed under several models
  // belong to each) are errors, not silently ignored.
  void model_keys(const YAML::Node& map, const std::string& where,
                  const std::vector<std::pair<std::string, std::vector<std::string>>>& keys_by_model) const;
  // A number or a list of numbers.
  std::vector<double> numbers(const YAML::Node& map, const std::string& key, const std::string& where) const;
  // Edges from a list or from {min, max, width}; energies and photoelectrons are never negative,
  // times (relative to the beam pulse) may be (`non_negative` = false).
  std::vector<double> edges(const YAML::Node& map, const std::string& key, const std::string& where,
                            bool non_negative = true) const;
  // The table named by `file`: relative to the YAML file's folder if it exists there, else to data/.
  TextTable table(const YAML::Node& map, const std::string& where) const;
  // Column `key` (default `fallback`) of a table, as numbers.
  std::vector<double> column(const TextTable& t, const YAML::Node& map, const std::string& key, std::size_t fallback,
                             const std::string& where) const;
};

}  // namespace cevns::io
