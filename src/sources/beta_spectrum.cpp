#include "cevns/sources/beta_spectrum.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"

namespace cevns {

double allowed_beta_antineutrino_shape(double neutrino_energy, double endpoint, int daughter_z) {
  if (neutrino_energy < 0.0 || neutrino_energy > endpoint) return 0.0;
  const double me = constants::electron_mass_MeV * units::MeV;
  const double W = endpoint - neutrino_energy + me;
  const double p = std::sqrt(std::max(W * W - me * me, 0.0));
  const double two_pi_eta_p = 2.0 * std::numbers::pi * constants::fine_structure_alpha * daughter_z * W;
  // p F = 2 pi eta p / (1 - exp(-2 pi eta)), finite as p -> 0.
  const double pF = two_pi_eta_p == 0.0 ? p : p > 0.0 ? two_pi_eta_p / -std::expm1(-two_pi_eta_p / p) : two_pi_eta_p;
  return neutrino_energy * neutrino_energy * W * pF;
}

Spectrum beta_decay_antineutrino_spectrum(const std::vector<BetaBranch>& branches, int daughter_z) {
  if (branches.empty()) throw InputError("beta decay needs at least one branch");
  struct Norm {
    double endpoint, weight;
  };
  auto norms = std::make_shared<std::vector<Norm>>();
  const FixedQuadrature rule(48, 4);
  double max_q = 0.0;
  std::vector<double> breaks;
  for (const auto& b : branches) {
    if (!(b.endpoint > 0.0) || !(b.intensity >= 0.0)) throw InputError("beta branch needs Q > 0 and intensity >= 0");
    const double area =
        rule.integrate([&](double E) { return allowed_beta_antineutrino_shape(E, b.endpoint, daughter_z); }, 0.0,
                       b.endpoint);
    norms->push_back({b.endpoint, b.intensity / area});
    max_q = std::max(max_q, b.endpoint);
    breaks.push_back(b.endpoint);
  }
  auto density = [norms, daughter_z](double E) {
    double sum = 0.0;
    for (const auto& n : *norms) sum += n.weight * allowed_beta_antineutrino_shape(E, n.endpoint, daughter_z);
    return sum;
  };
  return Spectrum(density, 0.0, max_q, breaks);
}

}  // namespace cevns
