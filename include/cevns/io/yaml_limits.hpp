#pragma once
// The YAML files' share of the one validation layer: every number a catalog, scan, analysis or
// unfolding file gives under one of these keys is checked against a physical range (with its
// unit) when it is read, whatever the reader; counts (points, samples, toys, starts, ...) are
// whole numbers inside their own limits. The command line's table is apps/cevns/option_limits.cpp;
// both are listed in docs/reliability.md. Keys not in the table (min, max, width, a, k, ...) mean
// different things in different blocks; their readers check them where they are read.
#include <string>
#include <vector>

namespace cevns::io {

struct YamlLimit {
  std::string key;   // the last component of the key: "mass_kg", "pulse_sigma_ns", ...
  std::string unit;  // "" for dimensionless
  double min = 0.0, max = 0.0;
  bool min_open = false;  // min excluded
  bool whole = false;     // a count: a whole number
};

// The whole table.
const std::vector<YamlLimit>& yaml_limits();
// The entry for `key`, or nullptr.
const YamlLimit* yaml_limit(const std::string& key);
// "" when `v` satisfies `l`, else the problem ("outside the allowed range: expected a number (kg) in (0, 1e+09]").
std::string yaml_limit_problem(const YamlLimit& l, double v);

}  // namespace cevns::io
