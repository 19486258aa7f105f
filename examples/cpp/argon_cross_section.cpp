// CEvNS of a 30 MeV muon neutrino on argon-40, from an installed cevns.
#include <cevns/core/units.hpp>
#include <cevns/io/nuclear_data_reader.hpp>
#include <cevns/physics/cevns_cross_section.hpp>
#include <cstdio>

int main() {
  using namespace cevns;
  const CevnsCrossSection xs(io::default_nuclear_database().isotope("Ar", 40));
  const Neutrino numu{Flavour::mu, false};
  const double sigma = xs.total(numu, 30 * units::MeV) / units::cm2;
  std::printf("sigma(numu 40Ar, 30 MeV) = %.4e cm^2, T_max = %.3f keV\n", sigma,
              xs.max_recoil(30 * units::MeV) / units::keV);
  return sigma > 1e-40 && sigma < 1e-38 ? 0 : 1;
}
