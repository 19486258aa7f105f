#include "cevns/sources/neutrino_source.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {

const Spectrum* NeutrinoSource::spectrum(Neutrino nu) const {
  const auto& s = spectra[index_of(nu)];
  return s ? &*s : nullptr;
}

void NeutrinoSource::add(Neutrino nu, const Spectrum& s) {
  auto& slot = spectra[index_of(nu)];
  slot = slot ? slot->plus(s) : s;
}

std::vector<Neutrino> NeutrinoSource::species() const {
  std::vector<Neutrino> out;
  for (const auto nu : all_neutrinos)
    if (spectra[index_of(nu)]) out.push_back(nu);
  return out;
}

double NeutrinoSource::total(Neutrino nu) const {
  const auto* s = spectrum(nu);
  return s ? s->total() : 0.0;
}

double NeutrinoSource::total() const {
  double sum = 0.0;
  for (const auto nu : all_neutrinos) sum += total(nu);
  return sum;
}

NeutrinoSource NeutrinoSource::scaled(double factor) const {
  if (!std::isfinite(factor) || factor < 0.0) throw InputError("source scale factor must be finite and >= 0");
  NeutrinoSource out = *this;
  for (auto& s : out.spectra)
    if (s) s = s->scaled(factor);
  return out;
}

double normalisation_unit(Normalisation n) {
  return n == Normalisation::flux ? 1.0 / (units::cm2 * units::s) : 1.0 / units::cm2;
}

const char* normalisation_suffix(Normalisation n) {
  return n == Normalisation::flux ? "per_cm2_s" : "per_cm2";
}

double inverse_square(double distance) {
  // 1 um to 1e9 light years: 1/(4 pi L^2) stays a finite, non-zero number.
  if (!(distance >= 1e-6 * units::m) || !(distance <= 1e25 * units::m))
    throw InputError(fmt::format("source distance must lie between 1e-6 m and 1e25 m, got {:g} m", distance / units::m));
  return 1.0 / (4.0 * std::numbers::pi * distance * distance);
}

}  // namespace cevns
