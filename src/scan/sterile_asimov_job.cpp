#include "cevns/scan/sterile_asimov_job.hpp"

#include <memory>

#include "cevns/analysis/sterile_sensitivity.hpp"
#include "cevns/core/error.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"

namespace cevns::scan {

SterileSetup sterile_setup_from(const ScanConfig& c) {
  SterileSetup setup;
  for (const auto& [key, value] : c.sterile) set_sterile_setup_key(setup, key, value);
  if (!c.distances_m.empty()) setup.distances_m = c.distances_m;
  setup.normalisation_uncertainty = c.normalisation_uncertainty;
  return setup;
}

// All the prediction work happens here, once; the points share the object read-only (its dm^2
// cache is locked).
ScanJob sterile_asimov_job(const ScanConfig& c) {
  if (c.axes.size() != 2) throw InputError("sterile_asimov_delta_chi2 scans two axes, dm2_eV2 and sin2_2theta");
  const std::string target = c.target.empty() ? "Ge" : c.target;
  const auto chi2 = std::make_shared<const SterileSensitivity>(
      sterile_setup_from(c), io::default_reactor_model(), Material::from_name(io::default_nuclear_database(), target));
  const std::size_t m = c.axes[0].name == "dm2_eV2" ? 0 : 1;
  return {ParameterSpace(c.axes, c.sampling, c.samples, c.seed), {"delta_chi2"},
          [chi2, m](const std::vector<double>& p) {
            return std::vector<double>{chi2->delta_chi2({p[1 - m], p[m]})};
          }};
}

}  // namespace cevns::scan
