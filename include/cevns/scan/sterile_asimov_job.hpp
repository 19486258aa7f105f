#pragma once
// Scan quantity sterile_asimov_delta_chi2: the Asimov Delta chi^2 of a 3+1 oscillation
// (axes dm2_eV2, sin2_2theta) for a movable detector at a research reactor
// (analysis/sterile_sensitivity.hpp; docs/configuration.md, keys `sterile` and `distances_m`).
#include "cevns/analysis/sterile_sensitivity.hpp"
#include "cevns/scan/scan_config.hpp"

namespace cevns::scan {

// The setup of a scan file: defaults of SterileSetup, then config.sterile keys, config.distances_m
// and config.normalisation_uncertainty. InputError for unknown keys (did-you-mean) and bad values.
SterileSetup sterile_setup_from(const ScanConfig& config);
ScanJob sterile_asimov_job(const ScanConfig& config);

}  // namespace cevns::scan
