#include "cevns/core/flavour.hpp"

#include "cevns/core/error.hpp"

namespace cevns {

std::string to_string(Neutrino nu) {
  static constexpr std::array<const char*, 6> names{"nue", "nuebar", "numu",
                                                    "numubar", "nutau", "nutaubar"};
  return names[index_of(nu)];
}

Neutrino parse_neutrino(std::string_view name) {
  for (const auto& nu : all_neutrinos) {
    if (to_string(nu) == name) return nu;
  }
  throw InputError("unknown neutrino species '" + std::string(name) +
                   "' (use nue, nuebar, numu, numubar, nutau or nutaubar)");
}

}  // namespace cevns
