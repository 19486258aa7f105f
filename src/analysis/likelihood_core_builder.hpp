#pragma once
// Inside analysis/ only (not installed): LikelihoodModel::Core from an analysis configuration —
// experiments loaded, parameters mapped, the signal at the design points of the linear parameters
// turned into exact quadratic coefficients per quenching variant, backgrounds binned.
#include <memory>

#include "cevns/analysis/analysis_config.hpp"
#include "likelihood_core.hpp"

namespace cevns::analysis {

// InputError naming the parameter, experiment or component on inconsistent input.
std::shared_ptr<LikelihoodModel::Core> build_likelihood_core(const AnalysisConfig& config);

}  // namespace cevns::analysis
