#pragma once
// What a scan file asks for: which quantity to compute at each point, on which target and source,
// over which parameter axes (docs/configuration.md, section "scan").
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cevns/scan/parameter_space.hpp"
#include "cevns/scan/scan_runner.hpp"

namespace cevns::scan {

struct ScanConfig {
  std::string quantity = "flux_averaged_cross_section";
  std::string target;              // e.g. "CsI"
  std::string source;              // e.g. "sns"
  std::vector<std::string> experiments;  // catalog ids (nsi_asimov_delta_chi2)
  std::string flavour = "e";             // diagonal NSI flavour: e, mu, tau
  double normalisation_uncertainty = 0.1;  // relative, Gaussian (nsi_asimov_delta_chi2)
  std::string analysis;                    // analysis file (profile_likelihood)
  std::string zprime_model = "universal";  // universal, b-l, lmu-ltau (bsm_asimov_delta_chi2)
  std::vector<double> distances_m;          // detector positions (sterile_asimov_delta_chi2)
  std::map<std::string, double> sterile;    // sterile_setup_keys() (sterile_asimov_delta_chi2)
  std::vector<ParameterAxis> axes;
  Sampling sampling = Sampling::grid;
  std::size_t samples = 0;         // random / latin-hypercube
  std::uint64_t seed = 1;
};

// The quantities a scan can compute and the parameters each accepts.
struct ScanQuantity {
  std::string name;
  std::string description;
  std::vector<std::string> value_names;
  std::vector<std::string> parameters;
};
std::vector<ScanQuantity> scan_quantities();

// Builds the job (precomputing what does not depend on the point); InputError for unknown
// quantities or parameters (with did-you-mean).
ScanJob make_scan_job(const ScanConfig& config);

}  // namespace cevns::scan
