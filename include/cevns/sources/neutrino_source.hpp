#pragma once
// A neutrino source as seen at the detector: one Spectrum per neutrino species, all with the same
// documented normalisation, plus the references of the models and data it was built from.
//
// Normalisation::flux      density = neutrinos per unit area, time and energy (natural units;
//                          read out with  total / (1 / (units::cm2 * units::s)) -> per cm^2 s)
// Normalisation::fluence   density = neutrinos per unit area and energy (burst sources:
//                          supernova), read out per cm^2.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "cevns/core/flavour.hpp"
#include "cevns/sources/spectrum.hpp"

namespace cevns {

enum class Normalisation { flux, fluence };

struct NeutrinoSource {
  std::string name;
  Normalisation normalisation = Normalisation::flux;
  std::array<std::optional<Spectrum>, 6> spectra{};  // indexed by index_of(Neutrino)
  std::vector<std::string> references;

  // The spectrum of one species, or nullptr if the source emits none.
  [[nodiscard]] const Spectrum* spectrum(Neutrino nu) const;
  // Adds `s` to species nu (sums with what is there).
  void add(Neutrino nu, const Spectrum& s);
  // The species present, in all_neutrinos order.
  [[nodiscard]] std::vector<Neutrino> species() const;
  // Integral over energy of one species (0 if absent) and of all species.
  [[nodiscard]] double total(Neutrino nu) const;
  [[nodiscard]] double total() const;
  // Every spectrum multiplied by `factor` (e.g. 1/(4 pi L^2), an exposure time).
  [[nodiscard]] NeutrinoSource scaled(double factor) const;
};

// The natural unit of one normalisation: 1/(cm^2 s) for flux, 1/cm^2 for fluence.
double normalisation_unit(Normalisation n);
// "per_cm2_s" or "per_cm2", the suffix used at boundaries.
const char* normalisation_suffix(Normalisation n);

// 1 / (4 pi L^2): isotropic emission seen at distance L (natural units).
double inverse_square(double distance);

}  // namespace cevns
