#include "cevns/rates/recoil_rate.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/rates/recoil_kernel.hpp"

namespace cevns {

RecoilRate::RecoilRate(const MaterialCrossSection& xs, const TabulatedSource& source) : xs_(xs), source_(source) {
  for (std::size_t i = 0; i < xs_.isotopes().size(); ++i) nuclei_per_kg_.push_back(xs_.material().nuclei_per_kg(i));
  const double emax = source_.max_energy();
  if (emax > 0.0)
    for (const auto& iso : xs_.isotopes()) max_recoil_ = std::max(max_recoil_, iso.max_recoil(emax));
}

double RecoilRate::differential_per_kg(double recoil) const {
  if (!(recoil > 0.0) || recoil > max_recoil_) return 0.0;
  double sum = 0.0;
  for (std::size_t i = 0; i < xs_.isotopes().size(); ++i) {
    const auto& iso = xs_.isotopes()[i];
    const double e_min = iso.min_neutrino_energy(recoil);
    const FormFactorPair ff = iso.form_factors(recoil);
    double s = 0.0;
    for (std::size_t a = 0; a < source_.species.size(); ++a) {
      const auto& spec = source_.spectra[a];
      if (e_min > spec.max_energy()) continue;
      s += std::max(0.0, fold(iso.energy_expansion(source_.species[a], recoil, ff), spec.moments_above(e_min)));
    }
    sum += nuclei_per_kg_[i] * s;
  }
  return sum;
}

double RecoilRate::integrated_per_kg(double from, double to) const {
  if (!(from >= 0.0) || !(to > from) || !std::isfinite(to)) throw InputError("recoil range must satisfy 0 <= from < to");
  const double hi = std::min(to, max_recoil_);
  if (!(hi > from)) return 0.0;
  return RecoilKernel(xs_, source_, {from, hi}).total();
}

}  // namespace cevns
