#pragma once
// The experiment catalog: one YAML file per experiment under data/experiments/ (schema in
// docs/configuration.md). Reading validates every key: unknown keys, missing fields and wrong types
// are ConfigError "file:line: key 'a.b': problem" (with did-you-mean for misspelt keys); every
// section that holds numbers must carry a `source:` citation.
#include <filesystem>
#include <string>
#include <vector>

#include "cevns/rates/experiment.hpp"

namespace cevns::io {

struct ExperimentEntry {
  std::string id, name, target, status, reference, source;  // source: the neutrino source name
  std::filesystem::path path;
};

// Builds the Experiment (material, time-integrated source, detector, backgrounds) from one file.
Experiment read_experiment(const std::filesystem::path& path);

// Every data/experiments/*.yaml, sorted by id (header fields only: cheap).
std::vector<ExperimentEntry> experiment_catalog();

// An id of the catalog or a path to a .yaml file; InputError with did-you-mean otherwise.
Experiment load_experiment(const std::string& id_or_path);

}  // namespace cevns::io
