#include "cevns/darkmatter/wimp_spectrum.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {

double wimp_min_speed(double nucleus_mass, double wimp_mass, double recoil) {
  const double mu = nucleus_mass * wimp_mass / (nucleus_mass + wimp_mass);
  return std::sqrt(nucleus_mass * std::max(recoil, 0.0) / 2.0) / mu;
}

WimpRecoilSpectrum::WimpRecoilSpectrum(const Material& target, const StandardHaloModel& halo)
    : target_(target), halo_(halo) {
  halo_.validate();
  for (std::size_t i = 0; i < target_.components().size(); ++i) {
    const Nuclide& n = target_.components()[i].nuclide;
    Isotope iso;
    iso.nuclei_per_kg = target_.nuclei_per_kg(i);
    iso.mass = n.nuclear_mass();
    iso.a_squared = static_cast<double>(n.A()) * n.A();
    iso.form_factor = FormFactor::helm_lewin_smith(n.A());
    if (iso.nuclei_per_kg > 0.0) isotopes_.push_back(iso);
  }
  if (isotopes_.empty()) throw InputError("target '" + target_.name() + "' has no nuclei");
}

double WimpRecoilSpectrum::differential_per_kg(double wimp_mass, double sigma_nucleon, double recoil) const {
  if (!(wimp_mass > 0.0) || !(sigma_nucleon >= 0.0) || !std::isfinite(wimp_mass) || !std::isfinite(sigma_nucleon))
    throw InputError("WIMP mass must be positive and the cross section non-negative");
  if (!(recoil > 0.0)) return recoil == 0.0 ? differential_per_kg(wimp_mass, sigma_nucleon, 1e-30) : 0.0;
  const double mp = constants::proton_mass_MeV * units::MeV;
  const double mu_n = wimp_mass * mp / (wimp_mass + mp);
  const double common = halo_.density * sigma_nucleon / (2.0 * wimp_mass * mu_n * mu_n);
  double sum = 0.0;
  for (const auto& iso : isotopes_) {
    const double eta = halo_.mean_inverse_speed(wimp_min_speed(iso.mass, wimp_mass, recoil));
    if (eta <= 0.0) continue;
    const double f = iso.form_factor(std::sqrt(2.0 * iso.mass * recoil));
    sum += iso.nuclei_per_kg * iso.a_squared * iso.mass * f * f * eta;
  }
  return common * sum;
}

double WimpRecoilSpectrum::differential_per_kg_day_keV(double mass_GeV, double cross_section_cm2,
                                                       double recoil_keV) const {
  return differential_per_kg(mass_GeV * units::GeV, cross_section_cm2 * units::cm2, recoil_keV * units::keV) *
         units::day * units::keV;
}

double WimpRecoilSpectrum::max_recoil(double wimp_mass) const {
  double best = 0.0;
  const double v = halo_.max_speed();
  for (const auto& iso : isotopes_) {
    const double mu = iso.mass * wimp_mass / (iso.mass + wimp_mass);
    best = std::max(best, 2.0 * mu * mu * v * v / iso.mass);
  }
  return best;
}

}  // namespace cevns
