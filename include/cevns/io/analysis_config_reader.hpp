#pragma once
// Reads an analysis file (YAML; docs/configuration.md, "Analysis files") into an AnalysisConfig,
// and the observed-count tables it names. Unknown keys, missing fields, wrong types and
// out-of-range values are ConfigErrors "file:line: key 'a.b': problem" with did-you-mean for
// misspelt keys and names; a missing file is an InputError. Paths in the file (experiment YAMLs,
// data tables, background tables) are relative to the file's folder.
#include <filesystem>
#include <vector>

#include "cevns/analysis/analysis_config.hpp"

namespace cevns::io {

analysis::AnalysisConfig read_analysis_config(const std::filesystem::path& path);

// Observed counts of one experiment: whitespace-separated numbers, '#' comments, read in order
// (any number per line; one line per energy bin with `time_bins` numbers is the natural layout),
// bin index = energy * time_bins + time, the order of Prediction. ConfigError "file:line: ..."
// for negative or non-numeric entries, "file: ..." for the wrong count.
std::vector<double> read_observed_counts(const std::filesystem::path& path, std::size_t energy_bins,
                                         std::size_t time_bins);

}  // namespace cevns::io
