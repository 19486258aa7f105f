#include "cevns/physics/channel_comparison.hpp"

namespace cevns {

ChannelComparison::ChannelComparison(const Material& material, Neutrino nu, const CevnsSettings& settings,
                                     IbdModel ibd_model)
    : material_(material), nu_(nu), ibd_(ibd_model), electrons_(settings.sin2_theta_w) {
  std::vector<MaterialComponent> heavy;
  for (const auto& c : material_.components())
    if (c.nuclide.Z > 1) heavy.push_back(c);
  if (!heavy.empty()) cevns_.emplace(Material(material_.name(), heavy), settings);
  molecules_per_kg_ = material_.formula_units_per_kg();
  protons_per_kg_ = free_protons_per_formula_unit(material_) * molecules_per_kg_;
  electrons_per_kg_ = electrons_per_formula_unit(material_) * molecules_per_kg_;
  if (heavy.size() != material_.components().size())
    notes_.push_back("CEvNS leaves out hydrogen (nu-p elastic scattering is not coherent)");
  if (nu != Neutrino{Flavour::e, true}) notes_.push_back("IBD needs nuebar: its cross section is 0 for " + to_string(nu));
  if (protons_per_kg_ == 0.0) notes_.push_back(material_.name() + " has no hydrogen (free protons): IBD per kg is 0");
}

ChannelComparison::Row ChannelComparison::at(double E) const {
  Row r;
  r.cevns_per_molecule = cevns_ ? cevns_->total_per_formula_unit(nu_, E) : 0.0;
  r.cevns_per_kg = r.cevns_per_molecule * molecules_per_kg_;
  r.ibd_per_proton = ibd_.total(nu_, E);
  r.ibd_per_kg = r.ibd_per_proton * protons_per_kg_;
  r.electron_per_electron = electrons_.total(nu_, E);
  r.electron_per_kg = r.electron_per_electron * electrons_per_kg_;
  return r;
}

}  // namespace cevns
