#include "cevns/physics/cross_section_table.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "cevns/core/checks.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/physics/kinematics.hpp"

namespace cevns {
namespace {

constexpr double kPointsPerDecade = 128.0;
constexpr double kLowest = 1e-12 * units::MeV;  // the grid's first recoil (when the model has no cutoff)

const FixedQuadrature& interval_rule() {
  static const FixedQuadrature rule(4, 1);
  return rule;
}

}  // namespace

CrossSectionTable::CrossSectionTable(const CevnsCrossSection& xs, Neutrino nu, double max_energy)
    : xs_(xs), nu_(nu), mass_(xs.mass()), max_energy_(max_energy) {
  if (!(max_energy > 0.0) || !std::isfinite(max_energy))
    throw InputError("cross-section table: the largest neutrino energy must be positive and finite");
  const auto& model = xs.interaction_model();
  const double cutoff = model.min_recoil;
  if (model.infrared_divergent() && !(cutoff > 0.0))
    throw InputError("the recoil integral with a neutrino magnetic moment or millicharge diverges at T -> 0: "
                     "give a recoil cutoff (--min-recoil-keV)");
  const double top = kinematics::max_recoil(max_energy, mass_);
  lowest_ = std::max(cutoff, kLowest);
  cutoff_ = cutoff > 0.0;
  // Grid: the cutoff (or kLowest), then 10^(j/128) MeV above it, up to the first point above `top`.
  t_.push_back(lowest_);
  for (auto j = static_cast<long>(std::floor(kPointsPerDecade * std::log10(lowest_ / units::MeV))) + 1;; ++j) {
    const double t = std::pow(10.0, static_cast<double>(j) / kPointsPerDecade) * units::MeV;
    if (t > lowest_) t_.push_back(t);
    if (t >= top) break;
  }
  auto coefficients = [&](double t) {
    const auto e = xs.energy_expansion(nu, t);
    return std::array<double, 3>{e.c0, e.c1, e.c2};
  };
  const auto& rule = interval_rule();
  auto add_interval = [&](double a, double b, Moments& m) {
    for (std::size_t i = 0; i < rule.size(); ++i) {
      const double t = a + (b - a) * rule.unit_nodes()[i], w = (b - a) * rule.unit_weights()[i];
      const auto c = coefficients(t);
      for (std::size_t k = 0; k < 3; ++k) {
        m.c[k] += w * c[k];
        m.d[k] += w * t * c[k];
      }
    }
  };
  Moments m;
  if (!(cutoff > 0.0)) add_interval(0.0, lowest_, m);  // below the grid: c_k is smooth at T = 0
  running_.push_back(m);
  c_.push_back(coefficients(t_.front()));
  for (std::size_t j = 1; j < t_.size(); ++j) {
    add_interval(t_[j - 1], t_[j], m);
    running_.push_back(m);
    c_.push_back(coefficients(t_[j]));
  }
}

CrossSectionTable::Moments CrossSectionTable::at(double t) const {
  const auto it = std::upper_bound(t_.begin(), t_.end(), t);
  const auto j = static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(it - t_.begin() - 1, 0,
                                                                      static_cast<std::ptrdiff_t>(t_.size()) - 2));
  const double a = t_[j], b = t_[j + 1], h = b - a, u = (t - a) / h;
  const double h00 = (1 + 2 * u) * (1 - u) * (1 - u), h10 = u * (1 - u) * (1 - u);
  const double h01 = u * u * (3 - 2 * u), h11 = u * u * (u - 1);
  Moments m;
  for (std::size_t k = 0; k < 3; ++k) {
    m.c[k] = h00 * running_[j].c[k] + h01 * running_[j + 1].c[k] + h * (h10 * c_[j][k] + h11 * c_[j + 1][k]);
    m.d[k] = h00 * running_[j].d[k] + h01 * running_[j + 1].d[k] +
             h * (h10 * a * c_[j][k] + h11 * b * c_[j + 1][k]);
  }
  return m;
}

double CrossSectionTable::check(double E) const {
  if (!(E >= 0.0) || E > max_energy_ * (1.0 + 1e-12))
    throw InputError("cross-section table: neutrino energy " + std::to_string(E / units::MeV) +
                     " MeV outside [0, " + std::to_string(max_energy_ / units::MeV) + "] MeV");
  return kinematics::max_recoil(E, mass_);
}

double CrossSectionTable::total(double E) const {
  const double tmax = check(E);
  if (!(tmax > lowest_) || t_.size() < 2) return cutoff_ || E == 0.0 ? 0.0 : xs_.total(nu_, E);
  const Moments m = at(tmax);
  return std::max(0.0, m.c[0] + (m.c[1] + m.c[2] / E) / E);
}

double CrossSectionTable::mean_recoil(double E) const {
  const double tmax = check(E);
  if (!(tmax > lowest_) || t_.size() < 2) return cutoff_ || E == 0.0 ? 0.0 : xs_.mean_recoil(nu_, E);
  const Moments m = at(tmax);
  const double sigma = m.c[0] + (m.c[1] + m.c[2] / E) / E;
  return sigma > 0.0 ? (m.d[0] + (m.d[1] + m.d[2] / E) / E) / sigma : 0.0;
}

void batch_cross_sections(const CevnsCrossSection& xs, Neutrino nu, std::span<const double> energies,
                          std::span<double> total, std::span<double> mean_recoil) {
  if (total.size() != energies.size() || (!mean_recoil.empty() && mean_recoil.size() != energies.size()))
    throw InputError("cross sections: output size differs from the number of energies");
  double top = 0.0;
  for (const double E : energies) {
    require_neutrino_energy(E);
    top = std::max(top, E);
  }
  if (energies.size() < tabulate_from || !(top > 0.0)) {
    for (std::size_t i = 0; i < energies.size(); ++i) {
      total[i] = xs.total(nu, energies[i]);
      if (!mean_recoil.empty()) mean_recoil[i] = xs.mean_recoil(nu, energies[i]);
    }
    return;
  }
  const CrossSectionTable table(xs, nu, top);
  for (std::size_t i = 0; i < energies.size(); ++i) {
    total[i] = table.total(energies[i]);
    if (!mean_recoil.empty()) mean_recoil[i] = table.mean_recoil(energies[i]);
  }
}

}  // namespace cevns
