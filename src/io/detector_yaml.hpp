#pragma once
// Inside io/ only (not installed): the detector part of an experiment file — quenching, observable,
// threshold, resolution, efficiency (docs/configuration.md) — and its `detectors:` list.
#include <yaml-cpp/yaml.h>

#include "catalog_reader.hpp"
#include "cevns/rates/experiment.hpp"

namespace cevns::io {

// The top-level detector blocks into x.response (x.material must be set).
void read_detector(const CatalogReader& r, const YAML::Node& root, Experiment& x);
// `detectors:` (if any) into x.modules, each inheriting x's target and response unless it gives its
// own; then x.material / x.response become the first detector's and x.mass_kg their sum.
void read_modules(const CatalogReader& r, const YAML::Node& root, Experiment& x);

}  // namespace cevns::io
