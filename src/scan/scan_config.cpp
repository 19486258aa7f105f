#include "cevns/scan/scan_config.hpp"

#include <algorithm>

#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_catalog.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "cevns/scan/bsm_asimov_job.hpp"
#include "cevns/scan/nsi_sensitivity.hpp"
#include "cevns/scan/profile_likelihood_job.hpp"
#include "cevns/scan/sterile_asimov_job.hpp"

namespace cevns::scan {
namespace {

const std::vector<std::string> cross_section_parameters{"sin2w", "neutron_skin_fm", "neutron_radius_fm"};

// <sigma> over a source, per nucleus of the target, at settings modified by the point.
ScanJob flux_averaged_cross_section_job(const ScanConfig& c) {
  if (c.target.empty() || c.source.empty())
    throw InputError("scan quantity flux_averaged_cross_section needs 'target' and 'source'");
  io::SourceOptions options;
  options.power_GW = {1.0};
  options.distance_m = {20.0};
  options.activity_MCi = 1.0;
  const auto source = std::make_shared<const NeutrinoSource>(io::make_source(c.source, options));
  const auto material = std::make_shared<const Material>(Material::from_name(io::default_nuclear_database(), c.target));
  std::vector<std::string> names;
  for (const auto& a : c.axes) names.push_back(a.name);
  auto evaluate = [source, material, names](const std::vector<double>& point) {
    CevnsSettings settings;
    for (std::size_t k = 0; k < names.size(); ++k) {
      if (names[k] == "sin2w") settings.sin2_theta_w = point[k];
      else if (names[k] == "neutron_skin_fm") settings.shape.neutron_skin_fm = point[k];
      else if (names[k] == "neutron_radius_fm") settings.shape.neutron_rms_radius_fm = point[k];
    }
    const MaterialCrossSection xs(*material, settings);
    double folded = 0.0;
    for (const auto nu : source->species())
      for (std::size_t i = 0; i < xs.isotopes().size(); ++i)
        folded += xs.weight(i) * source->spectrum(nu)->integrate([&](double E) { return xs.isotopes()[i].total(nu, E); });
    return std::vector<double>{folded / source->total() / xs.nuclei_per_formula_unit() / units::cm2};
  };
  return {ParameterSpace(c.axes, c.sampling, c.samples, c.seed), {"flux_averaged_cm2"}, evaluate};
}

Flavour parse_flavour(const std::string& name) {
  if (name == "e") return Flavour::e;
  if (name == "mu") return Flavour::mu;
  if (name == "tau") return Flavour::tau;
  throw InputError("unknown NSI flavour '" + name + "' (use e, mu or tau)");
}

// Asimov Delta chi^2 of (eps_uV, eps_dV) for the flavour's diagonal NSI; all the prediction work
// is done here, once, and shared read-only by the threads.
ScanJob nsi_asimov_job(const ScanConfig& c) {
  if (c.experiments.empty()) throw InputError("scan quantity nsi_asimov_delta_chi2 needs 'experiments'");
  const auto chi2 = std::make_shared<const NsiAsimovChi2>(c.experiments, parse_flavour(c.flavour),
                                                          c.normalisation_uncertainty);
  std::size_t u = 0, d = 1;
  if (c.axes.size() != 2) throw InputError("nsi_asimov_delta_chi2 scans two axes, eps_uV and eps_dV");
  if (c.axes[0].name == "eps_dV") std::swap(u, d);
  return {ParameterSpace(c.axes, c.sampling, c.samples, c.seed), {"delta_chi2"},
          [chi2, u, d](const std::vector<double>& p) { return std::vector<double>{(*chi2)(p[u], p[d])}; }};
}

}  // namespace

std::vector<ScanQuantity> scan_quantities() {
  return {{"flux_averaged_cross_section",
           "CEvNS cross section per nucleus averaged over a source's flux (all its species)",
           {"flux_averaged_cm2"},
           cross_section_parameters},
          {"nsi_asimov_delta_chi2",
           "Asimov Delta chi^2 against the SM of flavour-diagonal vector NSI for catalog experiments "
           "(signal normalisation profiled)",
           {"delta_chi2"},
           {"eps_uV", "eps_dV"}},
          {"bsm_asimov_delta_chi2",
           "Poisson Asimov Delta chi^2 against the SM of BSM parameters (Z', scalar, magnetic moment, "
           "millicharge, NSI, neutron radius) for catalog experiments (signal normalisation profiled)",
           {"delta_chi2"},
           bsm_asimov_parameters()},
          {"sterile_asimov_delta_chi2",
           "Asimov Delta chi^2 of 3+1 oscillation for a reactor CEvNS detector at several distances "
           "(flux normalisation shared, profiled)",
           {"delta_chi2"},
           {"dm2_eV2", "sin2_2theta"}},
          {"profile_likelihood",
           "-2 ln L of an analysis file ('analysis:') with the other free parameters profiled, and Delta chi^2 "
           "against its global fit (then the profiled parameters)",
           {"minus_two_lnl", "delta_chi2"},
           {"signal_scale", "sin2w", "eps_uV", "eps_dV"}}};
}

ScanJob make_scan_job(const ScanConfig& config) {
  const auto quantities = scan_quantities();
  const auto it = std::find_if(quantities.begin(), quantities.end(),
                               [&](const ScanQuantity& q) { return q.name == config.quantity; });
  if (it == quantities.end()) {
    std::vector<std::string> names;
    for (const auto& q : quantities) names.push_back(q.name);
    throw InputError("unknown scan quantity '" + config.quantity + "'" + did_you_mean(config.quantity, names));
  }
  for (const auto& a : config.axes)
    if (std::find(it->parameters.begin(), it->parameters.end(), a.name) == it->parameters.end())
      throw InputError("scan quantity " + it->name + " has no parameter '" + a.name + "'" +
                       did_you_mean(a.name, it->parameters));
  if (it->name == "nsi_asimov_delta_chi2") return nsi_asimov_job(config);
  if (it->name == "profile_likelihood") return profile_likelihood_job(config);
  if (it->name == "sterile_asimov_delta_chi2") return sterile_asimov_job(config);
  if (it->name == "bsm_asimov_delta_chi2") return bsm_asimov_job(config);
  return flux_averaged_cross_section_job(config);
}

}  // namespace cevns::scan
