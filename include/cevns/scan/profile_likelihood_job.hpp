#pragma once
// The scan quantity `profile_likelihood`: -2 ln L of an analysis (analysis/likelihood_model.hpp)
// on a grid of its parameters of interest, every other free parameter profiled by NLopt at each
// point (BOBYQA, started from the global best fit; docs/physics/statistics.md).
//
// Values per point: minus_two_lnl; delta_chi2 = minus_two_lnl - the global minimum (fitted once,
// when the job is built; a point may undercut a poorly converged global fit by ~tolerance); then
// the profiled value of each other free parameter, named after it.
#include <memory>

#include "cevns/analysis/likelihood_model.hpp"
#include "cevns/scan/scan_config.hpp"
#include "cevns/scan/scan_runner.hpp"

namespace cevns::scan {

// From a scan file: `analysis:` names the analysis file; the axes must be free parameters of
// interest of it.
ScanJob profile_likelihood_job(const ScanConfig& config);
ScanJob profile_likelihood_job(std::shared_ptr<const analysis::LikelihoodModel> model, ParameterSpace space);

}  // namespace cevns::scan
