#include "cevns/sources/reactor.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>
#include <vector>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/sources/beta_spectrum.hpp"

namespace cevns {
namespace {

// Ground-state Q values, AME2020 (M. Wang et al., Chin. Phys. C 45, 030003 (2021)):
// Q_beta(239U) = 1261.66 keV, Q_beta(239Np) = 722.78 keV.
constexpr double kQ_U239 = 1.26166 * units::MeV;
constexpr double kQ_Np239 = 0.72278 * units::MeV;

double exp_polynomial(const std::array<double, 6>& a, double energy) {
  const double x = energy / units::MeV;
  double poly = 0.0;
  for (std::size_t k = a.size(); k-- > 0;) poly = poly * x + a[k];
  return std::exp(poly) / units::MeV;  // per MeV -> per natural energy unit
}

void check_model(const ReactorSpectrumModel& m) {
  if (m.low_energy_total.x().empty() || !(m.join_energy > 0.0) || !(m.max_energy > m.join_energy))
    throw InputError("reactor spectrum model is incomplete (fits, low-energy table, join/max energies)");
  if (m.low_energy_total.min_x() > 0.1 * units::MeV || m.low_energy_total.max_x() < m.join_energy)
    throw InputError("reactor low-energy table must cover 0.1 MeV to the join energy");
}

}  // namespace

std::string to_string(FissionIsotope i) {
  switch (i) {
    case FissionIsotope::U235: return "U235";
    case FissionIsotope::U238: return "U238";
    case FissionIsotope::Pu239: return "Pu239";
    case FissionIsotope::Pu241: return "Pu241";
  }
  return "?";
}

Spectrum capture_chain_spectrum() {
  static const Spectrum chain = beta_decay_antineutrino_spectrum({{kQ_U239, 1.0}}, 93)
                                    .plus(beta_decay_antineutrino_spectrum({{kQ_Np239, 1.0}}, 94));
  return chain;
}

Spectrum fission_isotope_spectrum(const ReactorSpectrumModel& model, FissionIsotope isotope) {
  check_model(model);
  const auto a = model.fit_coefficients[static_cast<std::size_t>(isotope)];
  const double join = model.join_energy;
  const double k_join = model.low_energy_total(join);
  if (!(k_join > 0.0)) throw InputError("reactor low-energy table is zero at the join energy");
  const double scale = exp_polynomial(a, join) / k_join;
  auto table = std::make_shared<TabulatedFunction>(model.low_energy_total);
  const Spectrum capture = capture_chain_spectrum();
  const double c0 = model.captures_per_fission_in_low_energy_table;
  auto density = [a, join, scale, table, capture, c0](double E) {
    if (E >= join) return exp_polynomial(a, E);
    return scale * std::max((*table)(E) - c0 * capture.density(E), 0.0);
  };
  // Panel edges at the capture endpoints (steps) and at the table points below the join.
  std::vector<double> breaks{kQ_Np239, kQ_U239, join, 8.0 * units::MeV};
  for (double x : model.low_energy_total.x())
    if (x < join) breaks.push_back(x);
  return Spectrum(density, 0.0, model.max_energy, breaks);
}

Spectrum reactor_spectrum_per_fission(const ReactorSpectrumModel& model, const std::array<double, 4>& fractions,
                                      double captures_per_fission) {
  double sum = 0.0;
  for (double f : fractions) {
    if (!(f >= 0.0) || !std::isfinite(f)) throw InputError("fission fractions must be >= 0");
    sum += f;
  }
  if (std::abs(sum - 1.0) > 1e-3)
    throw InputError("fission fractions must sum to 1 (got " + std::to_string(sum) + ")");
  if (!(captures_per_fission >= 0.0) || !std::isfinite(captures_per_fission))
    throw InputError("238U captures per fission must be >= 0");
  // One density for the whole mix (not a chain of sums): above the join sum_i f_i S_i(E); below it
  // every isotope follows the same table, so sum_i f_i S_i = (sum_i f_i scale_i) (K - c0 C); plus
  // the captures c C(E). The capture chain and the table are evaluated once per energy.
  check_model(model);
  const double join = model.join_energy;
  const double k_join = model.low_energy_total(join);
  if (!(k_join > 0.0)) throw InputError("reactor low-energy table is zero at the join energy");
  std::vector<std::pair<double, std::array<double, 6>>> fits;  // (f_i, a_i)
  double low_scale = 0.0;
  for (const auto iso : all_fission_isotopes) {
    const double f = fractions[static_cast<std::size_t>(iso)];
    if (!(f > 0.0)) continue;
    const auto& a = model.fit_coefficients[static_cast<std::size_t>(iso)];
    fits.emplace_back(f, a);
    low_scale += f * exp_polynomial(a, join) / k_join;
  }
  auto table = std::make_shared<TabulatedFunction>(model.low_energy_total);
  const Spectrum capture = capture_chain_spectrum();
  const double c0 = model.captures_per_fission_in_low_energy_table, c = captures_per_fission;
  auto density = [fits, join, low_scale, table, capture, c0, c](double E) {
    const double chain = capture.density(E);
    double fission = 0.0;
    if (E >= join) {
      for (const auto& [f, a] : fits) fission += f * exp_polynomial(a, E);
    } else {
      fission = low_scale * std::max((*table)(E) - c0 * chain, 0.0);
    }
    return fission + c * chain;
  };
  std::vector<double> breaks{kQ_Np239, kQ_U239, join, 8.0 * units::MeV};
  for (double x : model.low_energy_total.x())
    if (x < join) breaks.push_back(x);
  return Spectrum(density, 0.0, model.max_energy, breaks);
}

double energy_per_fission(const ReactorCore& core) {
  double e = 0.0;
  for (std::size_t i = 0; i < 4; ++i) {
    const double ei = core.energy_per_fission[i] > 0.0 ? core.energy_per_fission[i]
                                                       : ma2013_energy_per_fission_MeV[i] * units::MeV;
    e += core.fission_fractions[i] * ei;
  }
  return e;
}

double fissions_per_time(const ReactorCore& core) {
  if (!(core.thermal_power > 0.0) || !std::isfinite(core.thermal_power))
    throw InputError("reactor thermal power must be positive");
  return core.thermal_power / energy_per_fission(core);
}

NeutrinoSource reactor_source(const ReactorSpectrumModel& model, const std::vector<ReactorCore>& cores) {
  if (cores.empty()) throw InputError("a reactor source needs at least one core");
  NeutrinoSource s;
  s.name = "reactor";
  s.normalisation = Normalisation::flux;
  s.references = model.references;
  s.references.push_back("X.B. Ma et al., PRC 88, 014605 (2013) (energy per fission)");
  s.references.push_back("F.P. An et al. (Daya Bay), PRL 116, 061801 (2016) (default fission fractions)");
  for (const auto& core : cores) {
    Spectrum per_fission = reactor_spectrum_per_fission(model, core.fission_fractions, core.captures_per_fission);
    if (core.antineutrinos_per_fission) {
      if (!(*core.antineutrinos_per_fission > 0.0)) throw InputError("antineutrinos per fission must be positive");
      per_fission = per_fission.scaled(*core.antineutrinos_per_fission / per_fission.total());
    }
    s.add({Flavour::e, true}, per_fission.scaled(fissions_per_time(core) * inverse_square(core.distance)));
  }
  return s;
}

}  // namespace cevns
