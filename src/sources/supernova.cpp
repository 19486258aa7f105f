#include "cevns/sources/supernova.hpp"

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {

SupernovaModel SupernovaModel::benchmark(double total_energy_erg) {
  if (!(total_energy_erg > 0.0)) throw InputError("supernova total energy must be positive");
  SupernovaModel m;
  const double per_species = total_energy_erg * erg_in_MeV * units::MeV / 6.0;
  for (const auto nu : all_neutrinos) {
    const double mean = nu.flavour == Flavour::e ? (nu.anti ? 15.0 : 12.0) : 18.0;
    m.species[index_of(nu)] = {per_species, mean * units::MeV, 2.3};
  }
  return m;
}

double pinched_fermi_dirac(double energy, double mean, double alpha) {
  if (energy <= 0.0) return 0.0;
  const double a1 = alpha + 1.0;
  const double log_norm = a1 * std::log(a1) - std::lgamma(a1) - a1 * std::log(mean);
  return std::exp(log_norm + alpha * std::log(energy) - a1 * energy / mean);
}

NeutrinoSource supernova_source(const SupernovaModel& model, double distance) {
  NeutrinoSource s;
  s.name = "supernova";
  s.normalisation = Normalisation::fluence;
  s.references = {"M.T. Keil, G.G. Raffelt, H.-T. Janka, ApJ 590, 971 (2003) (alpha-fit spectra)"};
  const double geometry = inverse_square(distance);
  for (const auto nu : all_neutrinos) {
    const auto& sp = model.species[index_of(nu)];
    if (sp.total_energy == 0.0) continue;
    if (!(sp.total_energy > 0.0) || !(sp.mean_energy > 0.0) || !(sp.alpha > -1.0))
      throw InputError("supernova species " + to_string(nu) + " needs energy > 0, <E> > 0, alpha > -1");
    const double number = sp.total_energy / sp.mean_energy * geometry;
    const double mean = sp.mean_energy, alpha = sp.alpha;
    // The tail beyond 12 <E> holds < 1e-9 of the spectrum for alpha <= 5.
    s.add(nu, Spectrum([number, mean, alpha](double E) { return number * pinched_fermi_dirac(E, mean, alpha); },
                       0.0, 12.0 * mean, {mean, 3.0 * mean}));
  }
  return s;
}

}  // namespace cevns
