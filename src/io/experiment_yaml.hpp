#pragma once
// Inside io/ only (not installed): the experiment catalog's background schema, for other YAML
// readers that add background components to an experiment (the analysis reader).
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cevns/detector/background.hpp"

namespace cevns::io {

// Backgrounds from a YAML list in `file` with the catalog keys (docs/configuration.md); errors are
// ConfigError "file:line: key '<where>[i].key': problem"; table files are looked up next to `file`,
// then under data/.
std::vector<Background> read_backgrounds_yaml(const std::filesystem::path& file, const YAML::Node& list,
                                              const std::string& where);

}  // namespace cevns::io
