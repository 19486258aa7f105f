#include "cevns/physics/ibd_cross_section.hpp"

#include <cmath>
#include <numbers>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {
namespace {

// Strumia & Vissani (2003) eq. 25: coefficients of the exponent of E_nu (in MeV) and the scale.
constexpr double sv_a0 = -0.07056;
constexpr double sv_a1 = 0.02018;
constexpr double sv_a3 = -0.001953;
constexpr double sv_scale_cm2 = 1e-43;  // per MeV^2 of p_e E_e

// Vogel & Beacom (1999): inner radiative correction to the zeroth-order cross section.
constexpr double inner_radiative_correction = 0.024;

void require_energy(double neutrino_energy) {
  if (!(neutrino_energy >= 0.0) || !std::isfinite(neutrino_energy))
    throw InputError("neutrino energy must be a non-negative number, got " +
                     std::to_string(neutrino_energy / units::MeV) + " MeV");
}

}  // namespace

std::string to_string(IbdModel model) {
  return model == IbdModel::strumia_vissani ? "strumia-vissani" : "zeroth-order";
}

IbdModel parse_ibd_model(std::string_view name) {
  if (name == "sv" || name == "strumia-vissani") return IbdModel::strumia_vissani;
  if (name == "zeroth" || name == "zeroth-order") return IbdModel::zeroth_order;
  throw InputError("unknown IBD model '" + std::string(name) + "' (use strumia-vissani or zeroth-order)");
}

IbdCrossSection::IbdCrossSection(IbdModel model) : model_(model) {
  const double mp = constants::proton_mass_MeV * units::MeV;
  const double mn = constants::neutron_mass_MeV * units::MeV;
  const double me = constants::electron_mass_MeV * units::MeV;
  // Written as a difference of squares over 2 m_p to keep the digits of the small result.
  threshold_ = (mn + me - mp) * (mn + me + mp) / (2.0 * mp);
  delta_ = mn - mp;
  const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);
  const double ga = constants::axial_coupling_gA;
  zeroth_prefactor_ = gf * gf * constants::cos_cabibbo * constants::cos_cabibbo / std::numbers::pi *
                      (1.0 + 3.0 * ga * ga) * (1.0 + inner_radiative_correction);
}

double IbdCrossSection::positron_energy(double neutrino_energy) const {
  require_energy(neutrino_energy);
  return neutrino_energy - delta_;
}

double IbdCrossSection::total(double E) const {
  require_energy(E);
  if (E < threshold_) return 0.0;
  const double me = constants::electron_mass_MeV * units::MeV;
  const double Ee = E - delta_;
  // Above threshold E_e > m_e + (E_th - Delta - m_e) > m_e, so p_e is real.
  const double pe = std::sqrt((Ee - me) * (Ee + me));
  if (model_ == IbdModel::zeroth_order) return zeroth_prefactor_ * Ee * pe;
  const double l = std::log(E / units::MeV);
  const double exponent = sv_a0 + sv_a1 * l + sv_a3 * l * l * l;
  return sv_scale_cm2 * units::cm2 * (pe / units::MeV) * (Ee / units::MeV) * std::exp(exponent * l);
}

double IbdCrossSection::total(Neutrino nu, double E) const {
  if (nu != Neutrino{Flavour::e, true}) {
    require_energy(E);
    return 0.0;
  }
  return total(E);
}

double free_protons_per_formula_unit(const Material& material) {
  double n = 0.0;
  for (const auto& c : material.components())
    if (c.nuclide.Z == 1 && c.nuclide.N == 0) n += c.atoms_per_formula_unit;
  return n;
}

}  // namespace cevns
