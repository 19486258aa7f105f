#include "cevns/scan/scan_config.hpp"

#include <algorithm>

#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_catalog.hpp"
#include "cevns/physics/material_cross_section.hpp"

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

}  // namespace

std::vector<ScanQuantity> scan_quantities() {
  return {{"flux_averaged_cross_section",
           "CEvNS cross section per nucleus averaged over a source's flux (all its species)",
           {"flux_averaged_cm2"},
           cross_section_parameters}};
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
  return flux_averaged_cross_section_job(config);
}

}  // namespace cevns::scan
