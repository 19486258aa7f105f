#pragma once
// Neutrino flavours and helicity (neutrino or antineutrino).
#include <array>
#include <string>
#include <string_view>

namespace cevns {

enum class Flavour { e, mu, tau };

// A neutrino species: flavour plus particle/antiparticle.
struct Neutrino {
  Flavour flavour = Flavour::e;
  bool anti = false;
  friend bool operator==(const Neutrino&, const Neutrino&) = default;
};

inline constexpr std::array<Neutrino, 6> all_neutrinos{{{Flavour::e, false},
                                                        {Flavour::e, true},
                                                        {Flavour::mu, false},
                                                        {Flavour::mu, true},
                                                        {Flavour::tau, false},
                                                        {Flavour::tau, true}}};

// "nue", "nuebar", "numu", "numubar", "nutau", "nutaubar".
std::string to_string(Neutrino nu);
// Parses the names above; throws InputError naming the accepted spellings otherwise.
Neutrino parse_neutrino(std::string_view name);
// Index 0..5 in all_neutrinos order, for per-species arrays.
constexpr std::size_t index_of(Neutrino nu) {
  return 2 * static_cast<std::size_t>(nu.flavour) + (nu.anti ? 1 : 0);
}

}  // namespace cevns
