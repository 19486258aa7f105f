#include "cevns/sources/solar.hpp"

#include <cmath>
#include <memory>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/core/units.hpp"

namespace cevns {
namespace {

const std::array<std::string, 8> kNames{"pp", "pep", "hep", "7Be", "8B", "13N", "15O", "17F"};

// Line energies: pep 1.442 MeV (Bahcall, PRC 56, 3391 (1997)); 7Be 0.8618 and 0.3843 MeV with
// branching 89.7 % / 10.3 % (Bahcall, PRD 49, 3923 (1994); the excited-state branch to 7Li* at
// 477.6 keV).
constexpr double kPep = 1.442 * units::MeV;
constexpr double kBe7High = 0.8618 * units::MeV;
constexpr double kBe7Low = 0.3843 * units::MeV;
constexpr double kBe7HighFraction = 0.897;

}  // namespace

std::string to_string(SolarComponent c) { return kNames[static_cast<std::size_t>(c)]; }

SolarComponent parse_solar_component(const std::string& name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return all_solar_components[i];
  throw InputError("unknown solar component '" + name + "'" +
                   did_you_mean(name, std::vector<std::string>(kNames.begin(), kNames.end())));
}

double electron_density_from_mol_per_cm3(double x) {
  return x * constants::avogadro_per_mol / (units::cm * units::cm * units::cm);
}

double solar_pee(double energy, double ne, const SolarOscillationParameters& osc) {
  const double s13 = osc.sin2_theta13, c13 = 1.0 - s13;
  const double cos2t = 1.0 - 2.0 * osc.sin2_theta12;
  const double sin2_2t = 1.0 - cos2t * cos2t;
  const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);
  const double dm2 = osc.dm2_21_eV2 * units::eV * units::eV;
  const double beta = 2.0 * std::sqrt(2.0) * gf * c13 * ne * energy / dm2;
  const double cos2m = (cos2t - beta) / std::sqrt((cos2t - beta) * (cos2t - beta) + sin2_2t);
  return c13 * c13 * (0.5 + 0.5 * cos2t * cos2m) + s13 * s13;
}

NeutrinoSource solar_source(const SolarModel& model, const std::vector<SolarComponent>& components,
                            const SolarOscillationParameters& osc, bool oscillate) {
  NeutrinoSource s;
  s.name = "solar (" + model.name + ")";
  s.normalisation = Normalisation::flux;
  s.references = model.references;
  if (oscillate) s.references.push_back("NuFIT 5.2 (2022), I. Esteban et al., JHEP 09 (2020) 178");
  const auto list = components.empty() ? std::vector<SolarComponent>(all_solar_components.begin(),
                                                                     all_solar_components.end())
                                       : components;
  const Neutrino nue{Flavour::e, false}, numu{Flavour::mu, false}, nutau{Flavour::tau, false};
  for (const auto c : list) {
    const std::size_t i = static_cast<std::size_t>(c);
    const double phi = model.flux[i];
    const double ne = model.electron_density[i];
    auto pee = [ne, osc, oscillate](double E) { return oscillate ? solar_pee(E, ne, osc) : 1.0; };
    if (c == SolarComponent::pep || c == SolarComponent::Be7) {
      std::vector<SpectralLine> lines = c == SolarComponent::pep
                                            ? std::vector<SpectralLine>{{kPep, phi}}
                                            : std::vector<SpectralLine>{{kBe7High, kBe7HighFraction * phi},
                                                                        {kBe7Low, (1 - kBe7HighFraction) * phi}};
      std::vector<SpectralLine> e_lines, x_lines;
      for (const auto& l : lines) {
        e_lines.push_back({l.energy, l.intensity * pee(l.energy)});
        x_lines.push_back({l.energy, 0.5 * l.intensity * (1.0 - pee(l.energy))});
      }
      s.add(nue, Spectrum::line_only(e_lines));
      if (oscillate) {
        s.add(numu, Spectrum::line_only(x_lines));
        s.add(nutau, Spectrum::line_only(x_lines));
      }
      continue;
    }
    const auto& shape = model.shapes[i];
    if (shape.x().empty()) throw InputError("solar model has no shape for " + to_string(c));
    const double area = shape.integral();
    if (!(area > 0.0)) throw InputError("solar shape of " + to_string(c) + " has zero area");
    auto table = std::make_shared<TabulatedFunction>(shape);
    const double norm = phi / area;
    const double lo = std::max(shape.min_x(), 0.0), hi = shape.max_x();
    // Break the panels at the table points only for short tables: Steffen's interpolant is C1, so
    // 192 nodes per panel resolve it; the points matter where the shape has a sharp edge.
    std::vector<double> breaks;
    const std::size_t step = std::max<std::size_t>(1, shape.x().size() / 16);
    for (std::size_t k = 0; k < shape.x().size(); k += step) breaks.push_back(shape.x()[k]);
    s.add(nue, Spectrum([table, norm, pee](double E) { return norm * (*table)(E) * pee(E); }, lo, hi, breaks));
    if (oscillate) {
      Spectrum x([table, norm, pee](double E) { return 0.5 * norm * (*table)(E) * (1.0 - pee(E)); }, lo, hi, breaks);
      s.add(numu, x);
      s.add(nutau, x);
    }
  }
  return s;
}

}  // namespace cevns
